import { describe, expect, it } from 'vitest';
import { agencyDescription } from '../../knowledge/lib/from-agencies';
import { intlOrgs, leadingClauses, mainAim } from '../../knowledge/lib/from-intl-orgs';
import { firstSentences } from '../../knowledge/lib/text';

describe('source texts as cards show them', () => {
  it('end sentences where they end, not at "U.S." inside one, and after a surname in capitals, a regnal number or A.D.', () => {
    expect(firstSentences('It ensures launches comply with U.S. domestic and foreign policy. It also registers aircraft.', 70)).toBe(
      'It ensures launches comply with U.S. domestic and foreign policy.',
    );
    expect(firstSentences('A settlement named for Prince Maurits van NASSAU. Their presence led to the loss of the dodo.', 300, 1)).toBe('A settlement named for Prince Maurits van NASSAU.');
    expect(firstSentences('They were united under King Victor Emmanuel II. Rome followed in 1870.', 300, 1)).toBe('They were united under King Victor Emmanuel II.');
    expect(firstSentences('Maya cities flourished in the first millennium A.D. The Spanish came in 1524.', 300, 1)).toBe('Maya cities flourished in the first millennium A.D.');
    // No sentence end that fits: cut at a word, and say so.
    expect(firstSentences('one very long clause without any full stop at all', 20)).toBe('one very long clause…');
  });

  it('leave the Federal Register’s statute citations and addresses out of an agency’s card, and keep it short', () => {
    expect(agencyDescription('The Administrative Conference of the United States (ACUS) was established under the Administrative Conference Act (5 U.S.C. 591-96), as a permanent independent agency.')).toBe(
      'The Administrative Conference of the United States (ACUS) was established under the Administrative Conference Act, as a permanent independent agency.',
    );
    expect(agencyDescription('The Commission was created by an Act of 1997 (Pub. L. 105-119). It also met (111 Stat. 2483) twice.')).toBe('The Commission was created by an Act of 1997. It also met twice.');
    expect(agencyDescription('Established within Commerce on Oct. 1, 1987 (50 U.S.C. app. 2401 et seq.')).toBe('Established within Commerce on Oct. 1, 1987.');
    expect(agencyDescription('The Board ended in 1998. [http://example.org/arrb/]')).toBe('The Board ended in 1998.');
    expect(agencyDescription(`${'The Office regulates launches. '.repeat(20)}`).length).toBeLessThanOrEqual(400);
  });

  it('give an international organisation’s aim as its first clause when the Factbook runs on', () => {
    const ecosoc = `to coordinate the economic and social work of the UN; includes five regional commissions (${'Economic Commission for Somewhere, '.repeat(6)}) and nine functional commissions`;
    expect(mainAim(ecosoc)).toBe('to coordinate the economic and social work of the UN');
    expect(mainAim('to promote peace; to help refugees')).toBe('to promote peace; to help refugees');
  });

  it('leave out the Factbook’s groupings of countries and its pointers to other entries, and say what a body without a date and an aim was', () => {
    const orgs = intlOrgs([
      { title: 'less developed countries (LDCs)', about: 'the bottom group in the hierarchy of developed countries' },
      { title: 'former Soviet Union (FSU)', about: 'former term often used to identify as a group the successor nations to the Soviet Union' },
      { title: 'General Agreement on Tariffs and Trade (GATT)', about: 'see the World Trade Organization (WTO)' },
      { title: 'Warsaw Pact (WP)', about: 'established 14 May 1955 to promote mutual defense; members met 1 July 1991 to dissolve the alliance; member states at the time of dissolution were: Bulgaria, Czechoslovakia, Hungary, Poland, Romania, and the USSR' },
      { title: 'Organization of American States (OAS)', founded: '30 April 1948', aim: 'to promote regional peace and security' },
    ]);
    expect(orgs.map((o) => o.name)).toEqual(['Warsaw Pact', 'Organization of American States']);
    expect(orgs[0]!.description).toBe('International organisation: established 14 May 1955 to promote mutual defense; members met 1 July 1991 to dissolve the alliance.');
    expect(orgs[1]!.description).toBe('International organisation established 30 April 1948; aim: to promote regional peace and security.');
    expect(leadingClauses('a; b; c', 4)).toBe('a; b');
  });
});
