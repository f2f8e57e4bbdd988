/**
 * Country cards from the Factbook: the leader lines and the background's names in their own case, not
 * the Factbook's capitals; a first line that says what and where the country is; a readable population.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryDescription, dependencyStatus, leaderNamesCased, parseLeader, proseNamesCased, readablePopulation } from '../../knowledge/lib/from-countries';

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

describe('parseLeader', () => {
  const names = (line: string) => parseLeader(line, 'Iraq', 'place:iraq', 'Head of government', 'https://www.cia.gov/')?.aliases.map((a) => `${a.text}|${a.kind}`);

  it('reads a surname after an Arabic article, and a title glossed in parentheses', () => {
    expect(names('Prime Minister Mohammed Shia al-SUDANI (since 27 October 2022)')).toEqual([
      'Mohammed Shia al-Sudani|name', 'al-Sudani|surname', 'Sudani|surname',
    ]);
    expect(names('Taoiseach (Prime Minister) Michael MARTIN (since 23 January 2025)')).toEqual(['Michael Martin|name', 'Martin|surname']);
    expect(names('Prime Minister Keir STARMER (since 5 July 2024)')).toEqual(['Keir Starmer|name', 'Starmer|surname']);
  });
});

describe('country descriptions', () => {
  it('open with what the country is and where, then the Factbook background’s first sentence', () => {
    expect(countryDescription({ govType: 'communist party-led state', location: 'Eastern Asia', background: "China's historical civilization dates to at least the 13th century B.C., first under the Shang. The imperial era began." }, false, 'Beijing')).toBe(
      "Communist party-led state in Eastern Asia. China's historical civilization dates to at least the 13th century B.C., first under the Shang.",
    );
    expect(countryDescription({ govType: 'parliamentary democracy&nbsp', location: 'Middle East' }, false, 'Jerusalem')).toBe('Parliamentary democracy in the Middle East.');
    expect(countryDescription({ govType: 'presidential republic in name, although in fact a dictatorship', location: 'Eastern Europe' }, false, 'Minsk')).toBe(
      'Presidential republic in name, although in fact a dictatorship, in Eastern Europe.',
    );
    expect(countryDescription({ govType: 'parliamentary democracy (Territorial Council)', location: 'islands in the South Atlantic Ocean' }, true, undefined)).toBe(
      'Parliamentary democracy, islands in the South Atlantic Ocean.',
    );
    // A government type that says nothing of the place, or none at all.
    expect(countryDescription({ govType: 'in transition', location: 'Western Africa' }, false, 'Conakry')).toBe('Country in Western Africa.');
    expect(countryDescription(undefined, true, 'Mariehamn')).toBe('Territory with its capital at Mariehamn.');
  });

  it('say first what a territory is to its country, not its government alone', () => {
    expect(countryDescription({ govType: 'presidential limited democracy', dependency: "special administrative region of the People's Republic of China", location: 'Eastern Asia' }, true, 'Hong Kong')).toBe(
      "Special administrative region of the People's Republic of China, in Eastern Asia.",
    );
    expect(dependencyStatus({ short: 'Tokelau', dependency: 'Tokelau is a non-self-governing territory of New Zealand' })).toBe('Non-self-governing territory of New Zealand');
    expect(dependencyStatus({ dependency: 'a special form of UK overseas territory' })).toBe('Special form of UK overseas territory');
    expect(dependencyStatus({ dependency: 'unincorporated, organized territory of the US, with policy relations between Guam and the Federal government under the Office of Insular Affairs' })).toBe(
      'Unincorporated, organized territory of the US',
    );
    // A status that does not say what the place is: the government type stays.
    expect(dependencyStatus({ dependency: 'with the exception of Palmyra Atoll, the constituent islands are unincorporated territories' })).toBeUndefined();
    expect(countryDescription({ govType: 'parliamentary democracy', location: 'Oceania', dependency: 'with the exception of Palmyra Atoll, the islands are territories' }, true, undefined)).toBe('Parliamentary democracy in Oceania.');
  });

  it('in the bundled knowledge: Hong Kong, Greenland and Gibraltar are told as parts of their countries', () => {
    const file = JSON.parse(readFileSync(new URL('../../knowledge/knowledge.json', import.meta.url), 'utf8')) as { entities: { id: string; description: string }[] };
    const first = (id: string) => file.entities.find((e) => e.id === id)?.description.split('. ')[0];
    expect(first('place:hong-kong')).toBe("Special administrative region of the People's Republic of China, in Eastern Asia");
    expect(first('place:greenland')).toBe('Part of the Kingdom of Denmark, in Northern North America');
    expect(first('place:gibraltar')).toBe('Overseas territory of the UK, in Southwestern Europe');
  });

  it('writes the background’s surnames as names, keeping acronyms, B.C. and regnal numbers', () => {
    expect(proseNamesCased('Shah Mohammad Reza PAHLAVI was forced into exile; Iran joined the UN and (FARC) rebels fought in 221 B.C. under King GUSTAV III.')).toBe(
      'Shah Mohammad Reza Pahlavi was forced into exile; Iran joined the UN and (FARC) rebels fought in 221 B.C. under King Gustav III.',
    );
    expect(proseNamesCased("Christopher COLUMBUS' voyage; Mustafa KEMAL, later ATATURK")).toBe("Christopher Columbus' voyage; Mustafa Kemal, later Ataturk");
    expect(proseNamesCased('it was occupied by Germany during World Wars I and II. Then KING Baudouin')).toBe('it was occupied by Germany during World Wars I and II. Then King Baudouin');
  });

  it('gives populations in millions and billions, three figures', () => {
    expect(readablePopulation('1,407,181,209 (2025 est.)')).toBe('1.41 billion (2025 est.)');
    expect(readablePopulation('340,110,988 (July 2025 est.)')).toBe('340 million (July 2025 est.)');
    expect(readablePopulation('9,402,617 (2024 est.)')).toBe('9.4 million (2024 est.)');
    expect(readablePopulation('1,000 (2024)')).toBe('1,000 (2024)');
    expect(readablePopulation('no permanent inhabitants')).toBeUndefined();
  });
});
