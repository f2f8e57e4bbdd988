/** Members of Congress and presidents/vice presidents from unitedstates/congress-legislators (CC0). */
import type { Alias, Entity } from '../../src/knowledge/schema';
import type { AdministrationEnds } from './from-cabinet';
import { https, slug, year } from './text';
import { US_STATES } from './us-states';

interface Term { type: string; start: string; end: string; state?: string; district?: number; party?: string; url?: string }
interface Person {
  id: { bioguide?: string; wikidata?: string };
  name: { first: string; last: string; nickname?: string; official_full?: string; suffix?: string };
  terms: Term[];
}

const AS_OF = '2026-06-15';

/**
 * The everyday forms of formal given names. The data records a nickname for a few members only
 * (Bernard "Bernie" Sanders), not for the many news calls by one: "Chris Murphy" (Christopher),
 * "Dick Durbin" (Richard), "Jim Risch" (James) linked nothing, and the "Murphy" after them was read as
 * an unknown person's. A form nobody uses costs nothing: it is matched only as the whole name.
 */
const EVERYDAY_NAMES: Readonly<Record<string, readonly string[]>> = {
  Alexander: ['Alex'], Andrew: ['Andy'], Anthony: ['Tony'], Benjamin: ['Ben'], Bradley: ['Brad'], Charles: ['Chuck'],
  Christopher: ['Chris'], Daniel: ['Dan'], David: ['Dave'], Donald: ['Don'], Douglas: ['Doug'], Edward: ['Ed'],
  Eugene: ['Gene'], Frederick: ['Fred'], Gerald: ['Jerry'], Gregory: ['Greg'], James: ['Jim'], Jeffrey: ['Jeff'],
  Jennifer: ['Jen'], Joseph: ['Joe'], Joshua: ['Josh'], Kenneth: ['Ken'], Lawrence: ['Larry'], Matthew: ['Matt'],
  Michael: ['Mike'], Nicholas: ['Nick'], Patrick: ['Pat'], Peter: ['Pete'], Randall: ['Randy'], Raymond: ['Ray'],
  Richard: ['Dick', 'Rick'], Robert: ['Bob', 'Rob'], Ronald: ['Ron'], Russell: ['Russ'], Samuel: ['Sam'],
  Stephen: ['Steve'], Steven: ['Steve'], Thomas: ['Tom'], Timothy: ['Tim'], William: ['Bill'], Zachary: ['Zach'],
};

/** The aliases made from `EVERYDAY_NAMES`, a guess the data did not make: `withoutBorrowedNames` may drop them. */
const guessed = new WeakSet<Alias>();

/** A person's name aliases: their full name, then "First Last" in the everyday forms (the data's nickname, else the table's). */
function nameAliases(full: string, first: string, nickname: string | undefined, last: string, guess = true): Alias[] {
  const forms = new Set([full, `${first} ${last}`]);
  if (nickname) forms.add(`${nickname} ${last}`);
  const aliases: Alias[] = [...forms].map((text) => ({ text, kind: 'name' as const }));
  if (nickname || !guess) return aliases;
  for (const short of EVERYDAY_NAMES[first] ?? []) {
    if (forms.has(`${short} ${last}`)) continue;
    const alias: Alias = { text: `${short} ${last}`, kind: 'name' };
    guessed.add(alias);
    aliases.push(alias);
  }
  return aliases;
}

/**
 * Drops a guessed everyday name that is another member's own: "Bob Menendez" is the former senator's
 * (his recorded nickname), not his son's, the representative Robert Menendez, whom news calls Rob.
 */
export function withoutBorrowedNames(people: readonly Entity[]): void {
  const own = new Set<string>();
  for (const e of people) for (const a of e.aliases) if (a.kind === 'name' && !guessed.has(a)) own.add(a.text.toLowerCase());
  for (const e of people) e.aliases = e.aliases.filter((a) => !guessed.has(a) || !own.has(a.text.toLowerCase()));
}

/**
 * `guess`: add the table's everyday names. Not for presidents and vice presidents, whose everyday names
 * the data records ("Bill Clinton") and history fixed: "Ron Reagan" is the president's son.
 */
function personAliases(p: Person, standalone: boolean, guess = true): Alias[] {
  const aliases = nameAliases(p.name.official_full ?? `${p.name.first} ${p.name.last}`, p.name.first, p.name.nickname, p.name.last, guess);
  const surname: Alias = { text: p.name.last, kind: 'surname' };
  if (standalone) surname.standalone = true;
  if ([...p.name.last.replace(/[^\p{L}]/gu, '')].length >= 2) aliases.push(surname);
  return aliases;
}

/**
 * A member, or former member, whose surname many members have borne (`common-surnames.json`: "Price", "Smith", "Walsh")
 * shares a plain full name with people outside politics: on the corpus's sports and music pages "David
 * Price" was a pitcher, "Chris Smith" a running back, "Joe Walsh" a guitarist. Such a name ("First
 * Last", not the official "David E. Price") links only with a title ("Rep. David Price") or two words
 * of `#us-politics` (or the member's state) on its page. The same words for every such member, party
 * and chamber alike, so they never decide between two members: a bare surname after a title is still
 * told apart by the state. Returns the member's context hints, and marks those names.
 */
function politicalNames(aliases: Alias[], surname: string, state: string, commonSurnames: ReadonlySet<string>, senator = false): string[] {
  const context = [state.replace(/^the /, '').toLowerCase()];
  // Not a sitting senator's: one of a hundred, named in business and world news too ("a billionaire
  // who tangled with Elizabeth Warren" on a page with no word of politics).
  if (senator || !commonSurnames.has(surname)) return context;
  for (const a of aliases) if (a.kind === 'name' && a.text.split(' ').length === 2) a.needsContext = true;
  return [...context, '#us-politics'];
}

/** The party as an adjective, as news writes it before a title: "a Democratic senator", not "a Democrat senator". */
const partyAdjective = (party: string) => (party === 'Democrat' ? 'Democratic' : party === 'Independent' || party === '' ? 'independent' : party);

/** "in Congress since 2003, in the Senate since 2019"; a senator who came to Congress in the Senate, once: "in the Senate since 2013". */
function servedSince(congress: string, senate: string | undefined): string {
  if (senate === undefined) return `in Congress since ${congress}`;
  return senate === congress ? `in the Senate since ${senate}` : `in Congress since ${congress}, in the Senate since ${senate}`;
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

export function congressMembers(people: Person[], commonSurnames: ReadonlySet<string> = new Set()): Entity[] {
  return people.map((p) => {
    const last = p.terms[p.terms.length - 1]!;
    const chamber = last.type === 'sen' ? 'senator' : 'representative';
    // Continuous service in the current chamber starts at the first term of that type.
    const since = p.terms.find((t) => t.type === last.type)!.start;
    const state = US_STATES[last.state ?? ''] ?? last.state ?? '';
    const party = last.party ?? 'Independent';
    const where = last.type === 'rep' && last.district ? `${state}'s ${last.district === 0 ? 'at-large' : ordinal(last.district)} district` : state;
    const name = p.name.official_full ?? `${p.name.first} ${p.name.last}`;
    const url = https(last.url) ?? `https://bioguide.congress.gov/search/bio/${p.id.bioguide}`;
    const aliases = personAliases(p, false);
    const context = politicalNames(aliases, p.name.last, state, commonSurnames, last.type === 'sen');
    const entity: Entity = {
      id: `person:${slug(name)}`,
      type: 'person',
      name,
      aliases,
      description: `${partyAdjective(party).replace(/^./, (c) => c.toUpperCase())} U.S. ${chamber} for ${where}, ${servedSince(year(p.terms[0]!.start), last.type === 'sen' ? year(since) : undefined)}.`,
      facts: [{ label: last.type === 'sen' ? 'U.S. Senator' : 'U.S. Representative', value: where, from: since, asOf: AS_OF }],
      links: [{ label: last.type === 'sen' ? 'Senate website' : 'House website', url }, { label: 'Congressional biography', url: `https://bioguide.congress.gov/search/bio/${p.id.bioguide}` }],
      hints: {
        titles: last.type === 'sen' ? ['sen.', 'senator'] : ['rep.', 'representative', 'congressman', 'congresswoman'],
        // The state; chamber and party words only where the surname is common (`#us-politics`), for
        // the full name, the same for every member: they would not tell one Smith from another.
        context,
      },
      salience: last.type === 'sen' ? 0.5 : 0.3,
      status: 'current',
      asOf: AS_OF,
      sources: ['congress-legislators'],
      refs: refsOf(p),
    };
    return entity;
  });
}

/**
 * The presidents and vice presidents whose surnames news uses alone (curated judgement), by name: not
 * every namesake (George Clinton, Jefferson's vice president, had "Clinton" alone too). Not Bill
 * Clinton: since 2015 a bare "Clinton" is as often Hillary, and links only to the Clinton its page names.
 */
const STANDALONE = new Set([
  'Barack Obama', 'Donald Trump', 'Joe Biden', 'Ronald Reagan', 'Richard Nixon', 'Dwight Eisenhower', 'Abraham Lincoln',
  'Mike Pence', 'Dan Quayle', 'Al Gore', 'Walter Mondale',
]);

/**
 * Presidents and vice presidents. `otherPeople`: full name → bioguide id of the members of Congress
 * already in the knowledge: a president whose everyday name is another member's ("John Kennedy", the
 * senator for Louisiana) is named with his initial ("John F. Kennedy"), and so gets an id of his own.
 */
export function executives(people: Person[], otherPeople: ReadonlyMap<string, string | undefined> = new Map()): Entity[] {
  const out: Entity[] = [];
  const common = (p: Person) => `${p.name.nickname ?? p.name.first} ${p.name.last}`;
  const counts = new Map<string, number>();
  for (const p of people) counts.set(common(p), (counts.get(common(p)) ?? 0) + 1);
  const numbers = presidentNumbers(people);
  for (const p of people) {
    // The name news uses ("Bill Clinton"), with middle initials only where two share it (the Bushes),
    // or a member of Congress has it.
    const initials = initialsOf(p);
    const other = otherPeople.has(common(p)) && otherPeople.get(common(p)) !== p.id.bioguide;
    const name = ((counts.get(common(p)) ?? 0) > 1 || other) && initials ? `${p.name.first} ${initials} ${p.name.last}` : common(p);
    const facts: NonNullable<Entity['facts']> = [];
    for (const t of p.terms) {
      const label = t.type === 'prez' ? 'President of the United States' : t.type === 'viceprez' ? 'Vice President of the United States' : undefined;
      if (!label) continue;
      // Re-election is one stretch in office on a card: "(2009-01-20–2017-01-20)", not a row a term.
      const before = facts[facts.length - 1];
      if (before?.label === label && before.value === (t.party ?? '') && before.to === t.start) before.to = t.end;
      else facts.push({ label, value: t.party ?? '', from: t.start, to: t.end, asOf: AS_OF });
    }
    const roles = numbers.has(p) ? [`${numbers.get(p)!.map(ordinal).join(' and ')} President of the United States`] : [];
    const prez = p.terms.filter((t) => t.type === 'prez');
    const vp = p.terms.filter((t) => t.type === 'viceprez');
    const spans = (ts: Term[]) => ts.map((t) => `${year(t.start)}–${t.end > AS_OF ? '' : year(t.end)}`).join(', ');
    const parts: string[] = [];
    if (prez.length) parts.push(`${roles.join(' and ')} (${mergeSpans(spans(prez))})`);
    if (vp.length) parts.push(`Vice President of the United States (${mergeSpans(spans(vp))})`);
    const party = p.terms[p.terms.length - 1]!.party;
    const current = p.terms.some((t) => t.end > AS_OF);
    out.push({
      id: `person:${slug(name)}`,
      type: 'person',
      name,
      aliases: executiveAliases(p, name, STANDALONE.has(name) && (counts.get(common(p)) ?? 0) === 1, (counts.get(common(p)) ?? 0) > 1 || other),
      description: `${parts.join('; ')}${party ? `, ${party}` : ''}.`,
      facts,
      links: [{ label: 'Biography (Congress)', url: p.id.bioguide ? `https://bioguide.congress.gov/search/bio/${p.id.bioguide}` : 'https://www.whitehouse.gov/about-the-white-house/presidents/' }],
      hints: { titles: [...(prez.length ? ['president', 'former president', 'president-elect'] : []), ...(vp.length ? ['vice president'] : [])] },
      salience: prez.length ? 1 : 0.7,
      status: current ? 'current' : 'former',
      asOf: AS_OF,
      sources: ['congress-legislators'],
      refs: refsOf(p),
    });
  }
  return out;
}

/**
 * Each president's number or numbers, counted over every presidential term in order of its start: a
 * president counts again after another's term ("22nd and 24th": Grover Cleveland), not for his own
 * second term. The data lists people, not terms, in order: counting people gave Benjamin Harrison,
 * listed before Cleveland, the 22nd, and everyone after him one too few, down to "39th" for Reagan.
 */
export function presidentNumbers(people: readonly Person[]): Map<Person, number[]> {
  const terms = people.flatMap((p) => p.terms.filter((t) => t.type === 'prez').map((t) => ({ p, start: t.start })));
  terms.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const numbers = new Map<Person, number[]>();
  let n = 0;
  let last: Person | undefined;
  for (const { p } of terms) {
    if (p === last) continue;
    last = p;
    n++;
    const list = numbers.get(p);
    if (list) list.push(n);
    else numbers.set(p, [n]);
  }
  return numbers;
}

/** A person's middle names as initials ("F." for Fitzgerald), or '' without one. */
function initialsOf(p: Person): string {
  const middle = (p.name as { middle?: string }).middle;
  return middle ? middle.split(/\s+/).map((m) => `${m[0]}.`).join(' ') : '';
}

/** "1933–1937, 1937–1941" → "1933–1941". */
function mergeSpans(s: string): string {
  const parts = s.split(', ').map((x) => x.split('–'));
  const out: string[][] = [];
  for (const [a, b] of parts) {
    const prev = out[out.length - 1];
    if (prev && prev[1] === a) prev[1] = b!;
    else out.push([a!, b!]);
  }
  return out.map(([a, b]) => `${a}–${b}`).join(', ');
}

function refsOf(p: Person): Entity['refs'] {
  const refs: Record<string, string> = {};
  if (p.id.bioguide) refs.bioguide = p.id.bioguide;
  if (p.id.wikidata) refs.wikidata = p.id.wikidata;
  return refs;
}

interface FormerRow { last_name: string; first_name: string; nickname: string; full_name: string; type: string; state: string; district: string; party: string; url: string; bioguide_id: string }

/**
 * Presidencies over by the data's date, by last name as FiveThirtyEight's cabinet data names them
 * ("Biden"); a name two presidents share (the Bushes) is left out, as that data numbers them.
 */
export function administrationEnds(people: Person[]): AdministrationEnds {
  const ends: Record<string, string> = {};
  const shared = new Set<string>();
  for (const p of people) {
    const terms = p.terms.filter((t) => t.type === 'prez');
    const end = terms[terms.length - 1]?.end;
    if (!end) continue;
    if (p.name.last in ends) shared.add(p.name.last);
    if (end <= AS_OF) ends[p.name.last] = end;
  }
  for (const name of shared) delete ends[name];
  return { ends, asOf: AS_OF };
}

/**
 * The historical file's members since 2012: the run of rows with a full name at its end (rows are in
 * order of departure). A named row far before that run is not one of them (Enid Greene Waldholtz,
 * who left in 1997, has a full name too): a gap of more than `maxGap` unnamed rows ends the run.
 */
export function recentFormerRows<T>(rows: readonly T[], named: (row: T) => boolean, maxGap = 10): T[] {
  let start = rows.length;
  for (let i = rows.length - 1, gap = 0; i >= 0 && gap <= maxGap; i--) {
    if (named(rows[i]!)) [start, gap] = [i, 0];
    else gap++;
  }
  return rows.slice(start).filter(named);
}

/**
 * Members who left Congress since 2012. The historical file gives their last term only, without
 * dates: the card says what they were, not when ("left after 2012" read as a date it is not).
 */
export function formerMembers(rows: FormerRow[], commonSurnames: ReadonlySet<string> = new Set()): Entity[] {
  return rows.map((r) => {
    const state = US_STATES[r.state] ?? r.state;
    const chamber = r.type === 'sen' ? 'senator' : 'representative';
    const district = Number(r.district);
    const where = r.type === 'rep' && district > 0 ? `${state}'s ${ordinal(district)} district` : state;
    const aliases = nameAliases(r.full_name, r.first_name, r.nickname || undefined, r.last_name);
    if ([...r.last_name].length > 1) aliases.push({ text: r.last_name, kind: 'surname' });
    const context = politicalNames(aliases, r.last_name, state, commonSurnames);
    return {
      id: `person:${slug(r.full_name)}`,
      type: 'person',
      name: r.full_name,
      aliases,
      description: `Former ${partyAdjective(r.party)} U.S. ${chamber} for ${where}.`,
      links: [{ label: 'Congressional biography', url: `https://bioguide.congress.gov/search/bio/${r.bioguide_id}` }],
      hints: { titles: r.type === 'sen' ? ['sen.', 'senator', 'former senator'] : ['rep.', 'representative', 'congressman', 'congresswoman', 'former congressman'], context },
      salience: 0.2,
      status: 'former',
      asOf: AS_OF,
      sources: ['congress-legislators'],
      refs: r.bioguide_id ? { bioguide: r.bioguide_id } : {},
    } satisfies Entity;
  });
}

/** A president's or vice president's names; when two share first and last name (the Adamses, the Bushes) only the distinct forms. */
function executiveAliases(p: Person, name: string, standalone: boolean, shared: boolean): Alias[] {
  const aliases = [{ text: name, kind: 'name' as const }, ...personAliases(p, standalone, false)];
  const unique = aliases.filter((a, i, all) => all.findIndex((b) => b.text === a.text) === i);
  const kept = shared ? unique.filter((a) => a.text === name || a.kind === 'surname') : unique;
  // With the middle name or its initial ("John F. Kennedy", "Franklin Delano Roosevelt"), as news names many of them.
  const middle = (p.name as { middle?: string }).middle;
  // Not a middle name with particles ("Rufus de Vane"), whose initials nobody writes.
  if (middle && /^\p{Lu}\S*(?:\s+\p{Lu}\S*)*$/u.test(middle)) {
    for (const text of [`${p.name.first} ${initialsOf(p)} ${p.name.last}`, `${p.name.first} ${middle} ${p.name.last}`]) {
      if (!kept.some((a) => a.text === text)) kept.push({ text, kind: 'name' });
    }
  }
  return kept;
}
