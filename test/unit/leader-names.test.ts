/** The Factbook's leader lines as the country cards show them: names in their own case, not the Factbook's capitals. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leaderNamesCased } from '../../knowledge/lib/from-countries';

describe('leaderNamesCased', () => {
  it('writes surnames in capitals as names, keeping regnal numbers and acronyms', () => {
    const cases: [string, string][] = [
      ['King CHARLES III (since 8 September 2022)', 'King Charles III (since 8 September 2022)'],
      ['Prime Minister Keir STARMER (since 5 July 2024)', 'Prime Minister Keir Starmer (since 5 July 2024)'],
      ['President XI Jinping (since 14 March 2013)', 'President Xi Jinping (since 14 March 2013)'],
      ['Premier LI Qiang (since 11 March 2023)', 'Premier Li Qiang (since 11 March 2023)'],
      ['King CARL XVI GUSTAF (since 15 September 1973)', 'King Carl XVI Gustaf (since 15 September 1973)'],
      ['Pope LEO XIV (since 8 May 2025)', 'Pope Leo XIV (since 8 May 2025)'],
      ["TUIMALEALI'IFANO Va’aletoa Sualauvi II (since 21 July 2017)", "Tuimaleali'ifano Va’aletoa Sualauvi II (since 21 July 2017)"],
      ['President Alexander VAN DER BELLEN (since 26 January 2017)', 'President Alexander Van der Bellen (since 26 January 2017)'],
      ['Crown Prince and Prime Minister MUHAMMAD BIN SALMAN bin Abd al-Aziz Al Saud', 'Crown Prince and Prime Minister Muhammad bin Salman bin Abd al-Aziz Al Saud'],
      ['Supreme Leader Ali Hoseini-KHAMENEI (since 4 June 1989)', 'Supreme Leader Ali Hoseini-Khamenei (since 4 June 1989)'],
      ['President Miguel DIAZ-CANEL Bermudez', 'President Miguel Diaz-Canel Bermudez'],
      ['GNU Interim Prime Minister Abd-al-Hamid DUBAYBAH', 'GNU Interim Prime Minister Abd-al-Hamid Dubaybah'],
      ['President of the National Council (CNSP) General Abdourahame TIANI', 'President of the National Council (CNSP) General Abdourahame Tiani'],
      ['Taoiseach Micheál MARTIN', 'Taoiseach Micheál Martin'],
    ];
    for (const [line, shown] of cases) expect(leaderNamesCased(line)).toBe(shown);
  });

  it('leaves no name in capitals on any country card of the bundled knowledge', () => {
    const file = JSON.parse(readFileSync(new URL('../../knowledge/knowledge.json', import.meta.url), 'utf8')) as { entities: { id: string; facts?: { label: string; value: string }[] }[] };
    const shouting = file.entities.flatMap((e) =>
      (e.facts ?? [])
        .filter((f) => f.label === 'Chief of state' || f.label === 'Head of government')
        .flatMap((f) => f.value.split(/[\s-]+/).filter((w) => /\p{Lu}{2}/u.test(w) && w === w.toUpperCase() && !/^\(?[IVX]+\)?$|^\(?(GNU|CNSP)\)?$/.test(w)).map((w) => `${e.id}: ${w}`)),
    );
    expect(shouting).toEqual([]);
  });
});
