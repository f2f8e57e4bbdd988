/**
 * The fifty U.S. states: capitals and regions written by us (curated), their senators and House seats
 * from unitedstates/congress-legislators (CC0), their governors from the curated people (`withGovernors`). News names a state more often than any country but its
 * own, and a reader of American news meets "Ohio" and "Texas" on most pages.
 */
import type { Alias, Entity, Fact } from '../../src/knowledge/schema';
import { slug } from './text';
import { US_STATES } from './us-states';

interface Term { type: string; state?: string; party?: string }
interface Member { name: { first: string; last: string; official_full?: string }; terms: Term[] }

type Region = 'Northeast' | 'Midwest' | 'South' | 'West';

interface StateFacts {
  capital: string;
  region: Region;
  /**
   * Only for a name that is also another place's: words that, on its page, say it is the state; the
   * name then links only with their support ("Georgia" the country, "Washington" the capital, "New
   * York" the city).
   */
  context?: string[];
  /** Words right before a shared name that say it is the state ("governor of New York"). */
  titles?: string[];
  /** A sentence after the capital's, for a name shared with another place. */
  note?: string;
  /** For a shared name: an id and a card name that say which place this is. */
  id?: string;
  name?: string;
}

const STATES: Record<string, StateFacts> = {
  AL: { capital: 'Montgomery', region: 'South' },
  AK: { capital: 'Juneau', region: 'West' },
  AZ: { capital: 'Phoenix', region: 'West' },
  AR: { capital: 'Little Rock', region: 'South' },
  CA: { capital: 'Sacramento', region: 'West' },
  CO: { capital: 'Denver', region: 'West' },
  CT: { capital: 'Hartford', region: 'Northeast' },
  DE: { capital: 'Dover', region: 'South' },
  FL: { capital: 'Tallahassee', region: 'South' },
  GA: {
    capital: 'Atlanta',
    region: 'South',
    context: ['atlanta', 'savannah', 'augusta', 'macon', 'athens', 'fulton county', 'cobb county', 'gwinnett', 'peach state', 'kemp', 'raffensperger', 'swing state', 'battleground'],
    titles: ['governor of', 'state of'],
    note: 'Not to be confused with the country of Georgia, in the Caucasus.',
    id: 'place:georgia-us-state',
    name: 'Georgia (U.S. state)',
  },
  HI: { capital: 'Honolulu', region: 'West' },
  ID: { capital: 'Boise', region: 'West' },
  IL: { capital: 'Springfield', region: 'Midwest' },
  IN: { capital: 'Indianapolis', region: 'Midwest' },
  IA: { capital: 'Des Moines', region: 'Midwest' },
  KS: { capital: 'Topeka', region: 'Midwest' },
  KY: { capital: 'Frankfort', region: 'South' },
  LA: { capital: 'Baton Rouge', region: 'South' },
  ME: { capital: 'Augusta', region: 'Northeast' },
  MD: { capital: 'Annapolis', region: 'South' },
  MA: { capital: 'Boston', region: 'Northeast' },
  MI: { capital: 'Lansing', region: 'Midwest' },
  MN: { capital: 'Saint Paul', region: 'Midwest' },
  MS: { capital: 'Jackson', region: 'South' },
  MO: { capital: 'Jefferson City', region: 'Midwest' },
  MT: { capital: 'Helena', region: 'West' },
  NE: { capital: 'Lincoln', region: 'Midwest' },
  NV: { capital: 'Carson City', region: 'West' },
  NH: { capital: 'Concord', region: 'Northeast' },
  NJ: { capital: 'Trenton', region: 'Northeast' },
  NM: { capital: 'Santa Fe', region: 'West' },
  NY: {
    capital: 'Albany',
    region: 'Northeast',
    context: ['albany', 'upstate', 'buffalo', 'rochester', 'syracuse', 'hudson valley', 'long island', 'westchester', 'hochul', 'state legislature', 'statewide'],
    titles: ['governor of', 'state of', 'upstate', 'western', 'northern', 'central'],
    note: 'Its largest city is New York City.',
    id: 'place:new-york-state',
    name: 'New York (state)',
  },
  NC: { capital: 'Raleigh', region: 'South' },
  ND: { capital: 'Bismarck', region: 'Midwest' },
  OH: { capital: 'Columbus', region: 'Midwest' },
  OK: { capital: 'Oklahoma City', region: 'South' },
  OR: { capital: 'Salem', region: 'West' },
  PA: { capital: 'Harrisburg', region: 'Northeast' },
  RI: { capital: 'Providence', region: 'Northeast' },
  SC: { capital: 'Columbia', region: 'South' },
  SD: { capital: 'Pierre', region: 'Midwest' },
  TN: { capital: 'Nashville', region: 'South' },
  TX: { capital: 'Austin', region: 'South' },
  UT: { capital: 'Salt Lake City', region: 'West' },
  VT: { capital: 'Montpelier', region: 'Northeast' },
  VA: { capital: 'Richmond', region: 'South' },
  WA: {
    capital: 'Olympia',
    region: 'West',
    context: ['seattle', 'olympia', 'spokane', 'tacoma', 'puget sound', 'king county', 'pacific northwest', 'yakima', 'bellevue', 'oregon', 'idaho'],
    note: 'Its largest city is Seattle. Not to be confused with the national capital, Washington, D.C.',
    id: 'place:washington-state',
    name: 'Washington (state)',
  },
  WV: { capital: 'Charleston', region: 'South' },
  WI: { capital: 'Madison', region: 'Midwest' },
  WY: { capital: 'Cheyenne', region: 'West' },
};

/**
 * The AP's abbreviations, as datelines and captions write them ("SOUTH BEND, Ind.", "Cupertino,
 * Calif."), matched in their own case only. Not those that are words or names too: "Ill.", "Wash.",
 * "Miss.", "Mass." (a church service), "Me.", "La.", "Mo.", "Del.", "Pa.", "Ind." (an independent:
 * "Sanders, I-Vt." is fine, "D-Ind." is not the state).
 */
const AP_ABBREVIATIONS: Record<string, string> = {
  AL: 'Ala.', AZ: 'Ariz.', AR: 'Ark.', CA: 'Calif.', CO: 'Colo.', CT: 'Conn.', FL: 'Fla.', GA: 'Ga.', KS: 'Kan.', KY: 'Ky.',
  MD: 'Md.', MI: 'Mich.', MN: 'Minn.', MT: 'Mont.', NE: 'Neb.', NV: 'Nev.', NH: 'N.H.', NJ: 'N.J.', NM: 'N.M.', NY: 'N.Y.',
  NC: 'N.C.', ND: 'N.D.', OK: 'Okla.', OR: 'Ore.', RI: 'R.I.', SC: 'S.C.', SD: 'S.D.', TN: 'Tenn.', VT: 'Vt.', VA: 'Va.',
  WV: 'W.Va.', WI: 'Wis.', WY: 'Wyo.',
};

const REGION_NAMES: Record<Region, string> = { Northeast: 'the Northeast', Midwest: 'the Midwest', South: 'the South', West: 'the West' };

/** The date of the legislators' snapshot the senators and seats come from (`SOURCE_DATES`). */
const AS_OF = '2026-06-15';

export function usStates(members: readonly Member[]): Entity[] {
  const senators = new Map<string, string[]>();
  const seats = new Map<string, number>();
  for (const m of members) {
    const last = m.terms.at(-1);
    if (!last?.state) continue;
    if (last.type === 'sen') {
      const party = last.party === 'Democrat' ? 'D' : last.party === 'Republican' ? 'R' : 'I';
      senators.set(last.state, [...(senators.get(last.state) ?? []), `${m.name.official_full ?? `${m.name.first} ${m.name.last}`} (${party})`]);
    } else if (last.type === 'rep') seats.set(last.state, (seats.get(last.state) ?? 0) + 1);
  }
  return Object.entries(STATES).map(([code, s]) => {
    const name = US_STATES[code]!;
    const shared = s.context !== undefined;
    const aliases: Alias[] = [
      // A name shared with another place links only where the page says which ("Georgia" the country).
      shared ? { text: name, kind: 'short', needsContext: true } : { text: name, kind: 'name' },
      // In lower case, these match "State of Ohio" too (a capitalised first word), and "the state of
      // Georgia" says which Georgia.
      { text: `${name} state`, kind: 'name' },
      { text: `state of ${name}`, kind: 'name' },
    ];
    if (AP_ABBREVIATIONS[code]) aliases.push({ text: AP_ABBREVIATIONS[code]!, kind: 'short', caseSensitive: true });
    const facts: Fact[] = [{ label: 'Capital', value: s.capital, asOf: AS_OF }];
    const sens = (senators.get(code) ?? []).sort();
    if (sens.length > 0) facts.push({ label: 'U.S. senators', value: sens.join(' and '), asOf: AS_OF });
    // Seats held on the snapshot's date: a vacancy is one fewer.
    const house = seats.get(code);
    if (house) facts.push({ label: 'U.S. House members', value: String(house), asOf: AS_OF });
    const entity: Entity = {
      id: s.id ?? `place:${slug(name)}`,
      type: 'region',
      name: s.name ?? name,
      aliases,
      description: `U.S. state in ${REGION_NAMES[s.region]}; its capital is ${s.capital}.${s.note ? ` ${s.note}` : ''}`,
      facts,
      links: [{ label: 'USA.gov', url: `https://www.usa.gov/states/${slug(name)}` }],
      salience: 0.4,
      status: 'current',
      asOf: AS_OF,
      sources: ['curated', 'congress-legislators'],
    };
    // The country, for what a page is about (`isAboutAnotherCountry`); not for a shared name, where a
    // relation would count as context for it on every American page.
    if (shared) entity.hints = s.titles ? { context: s.context!, titles: s.titles } : { context: s.context! };
    else entity.hints = { related: ['place:united-states'] };
    return entity;
  });
}

/**
 * Adds each state's governor to its card, after the capital ("Kay Ivey (R)"), from the person whose
 * current "Governor" fact names the state (knowledge/curated/governors.json). Throws, naming the
 * state or person, when a state has no governor or two, or a governor's party cannot be read from
 * the description ("Republican governor of …"): the knowledge is then not generated.
 */
export function withGovernors(states: readonly Entity[], people: Iterable<Entity>): void {
  const byState = new Map<string, { person: Entity; fact: Fact }[]>();
  for (const p of people) {
    if (p.type !== 'person' || p.status === 'former') continue;
    for (const fact of p.facts ?? []) {
      if (fact.label !== 'Governor' || fact.to) continue;
      byState.set(fact.value, [...(byState.get(fact.value) ?? []), { person: p, fact }]);
    }
  }
  for (const state of states) {
    const name = state.aliases.find((a) => a.text.startsWith('state of '))!.text.slice('state of '.length);
    const governors = byState.get(name) ?? [];
    if (governors.length !== 1) throw new Error(`${state.id}: ${governors.length === 0 ? 'no current governor' : `${governors.length} current governors (${governors.map((g) => g.person.id).join(', ')})`} in the curated people`);
    const { person, fact } = governors[0]!;
    const party = /^(Republican|Democratic|Independent) governor\b/.exec(person.description)?.[1];
    if (!party) throw new Error(`${person.id}: field description: does not start "Republican governor", "Democratic governor" or "Independent governor"`);
    const row: Fact = { label: 'Governor', value: `${person.name} (${party[0]})`, asOf: person.asOf };
    if (fact.from) row.from = fact.from;
    const facts = state.facts ?? [];
    const capital = facts.findIndex((f) => f.label === 'Capital');
    facts.splice(capital + 1, 0, row);
    state.facts = facts;
  }
}
