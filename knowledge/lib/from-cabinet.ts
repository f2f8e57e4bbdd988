/** Cabinet-level appointments Carter → Biden from FiveThirtyEight's cabinet-turnover data (CC BY 4.0). */
import type { Entity, Fact } from '../../src/knowledge/schema';
import { monthYear, parseCsv, slug, usDate, year } from './text';

const AS_OF = '2023-02-13';

/** The data's names for two presidents, as a card writes them. */
const PRESIDENTS: Record<string, string> = { 'Bush 41': 'George H. W. Bush', 'Bush 43': 'George W. Bush' };

/**
 * Written by us: who left office before their administration ended, among the data's "Still in office"
 * rows (month precision where the day is not certain). Everyone else served to the administration's end.
 */
const EARLY_DEPARTURES: Record<string, string> = {
  'Marty Walsh|Secretary of Labor': '2023-03',
  'Cecilia Rouse|CEA Chair': '2023-03',
  'Marcia Fudge|Secretary of Housing & Urban Development': '2024-03',
};
const DEPARTURES_AS_OF = '2026-12-06';

/** When each administration that has ended did: a cabinet post under a president ends with them at the latest. */
export interface AdministrationEnds {
  /** The data's president name ("Biden") → the last day of their presidency, for presidencies over by `asOf`. */
  ends: Record<string, string>;
  asOf: string;
}

/**
 * The data's short position names as a card writes an office ("CEA Chair" → "Chair of the Council of
 * Economic Advisers"); "&" is "and". The data's own names stay the titles news puts before a surname.
 */
const OFFICE_NAMES: Record<string, string> = {
  'CEA Chair': 'Chair of the Council of Economic Advisers',
  'CIA Director': 'Director of the CIA',
  'Chief of Staff': 'White House Chief of Staff',
  'Director of Central Intelligence/CIA Director': 'Director of Central Intelligence',
  'EPA Administrator': 'Administrator of the Environmental Protection Agency',
  'OMB Director': 'Director of the Office of Management and Budget',
  'OSTP Director': 'Director of the Office of Science and Technology Policy',
  'SBA Administrator': 'Administrator of the Small Business Administration',
  'UN Ambassador': 'Ambassador to the United Nations',
  'Secretary of Health, Education & Welfare/Secretary of Health & Human Services': 'Secretary of Health, Education and Welfare, then of Health and Human Services',
};
const officeName = (position: string) => OFFICE_NAMES[position] ?? position.replace(/ & /g, ' and ');

/** Titles a news story puts before a surname, by position ("Secretary of Defense" → "defense secretary"). */
function titlesFor(position: string): string[] {
  const p = position.toLowerCase();
  const out = new Set([p]);
  const m = /^secretary of (?:the )?(.+)$/.exec(p);
  if (m) {
    out.add(`${m[1]} secretary`);
    out.add('secretary');
  }
  if (p === 'attorney general') out.add('attorney general');
  if (p.includes('director')) out.add('director');
  if (p.includes('administrator')) out.add('administrator');
  if (p.includes('ambassador')) out.add('ambassador');
  return [...out];
}

/** A record's cabinet posts as a card's words: "Secretary of Labor under President Biden (2021–2023)". */
export function cabinetRoles(facts: readonly Fact[] | undefined): string[] {
  // One year once: "(2017)", not "(2017–2017)".
  const span = (f: Fact) => (f.from && year(f.from) === year(f.to) ? year(f.from) : `${year(f.from)}–${year(f.to)}`);
  return (facts ?? []).filter((f) => f.value.startsWith('under President')).map((f) => `${f.label} ${f.value} (${span(f)})`);
}

/**
 * A cabinet record's description, its posts in order: "U.S. Secretary of Labor under President Biden
 * (2021–2023)." ("U.S." before a first post that does not name its country or body otherwise.)
 */
export function cabinetDescription(facts: readonly Fact[] | undefined): string {
  const roles = cabinetRoles(facts).join('; ');
  return `${/^(Secretary|Attorney General|Ambassador|Vice President|Director of National Intelligence)\b/.test(roles) ? 'U.S. ' : ''}${roles}.`;
}

/**
 * A member of Congress who also held a cabinet post keeps the Congress record's description, which
 * says nothing of the post: "Former Democratic U.S. representative for California's 34th district."
 * for Xavier Becerra, Secretary of Health and Human Services. The post is added to it.
 */
export function withCabinetRoles(e: Entity): Entity {
  const roles = cabinetRoles(e.facts);
  if (roles.length === 0 || e.description === cabinetDescription(e.facts)) return e;
  return { ...e, description: `${e.description.replace(/\.$/, '')}; also ${roles.join('; ')}.` };
}

/**
 * The data (February 2023) marks the Biden cabinet "Still in office": without the administration's
 * end, cards read "Secretary of Labor under President Biden (2021–)" in 2026, as if still serving.
 */
export function cabinetMembers(csv: string, administrations: AdministrationEnds = { ends: {}, asOf: AS_OF }): Entity[] {
  const rows = parseCsv(csv).slice(1);
  const byName = new Map<string, { name: string; facts: Fact[]; titles: Set<string>; presidents: Set<string> }>();
  for (const [president, position, appointee, start, end] of rows) {
    if (!president || !position || !appointee) continue;
    const name = appointee.trim();
    const record = byName.get(name) ?? { name, facts: [], titles: new Set<string>(), presidents: new Set<string>() };
    const under = PRESIDENTS[president] ?? president;
    // Kept on by the next president: the data's two rows ("… to 'Bush admin'", "from 'Reagan admin' …")
    // are one term, "Attorney General under Presidents Reagan and George H. W. Bush (1988–1991)".
    const before = record.facts[record.facts.length - 1];
    if (before?.label === officeName(position) && !before.to && /\badmin$/i.test(start ?? '')) {
      before.value = `${before.value.replace('under President ', 'under Presidents ')} and ${under}`;
      const to = usDate(end ?? '');
      if (to) before.to = to;
      continue;
    }
    const fact: Fact = { label: officeName(position), value: `under President ${under}`, asOf: AS_OF };
    const from = usDate(start ?? '') ?? monthYear(start ?? '');
    let to = usDate(end ?? '');
    if (!to && /still in office/i.test(end ?? '')) {
      const departed = EARLY_DEPARTURES[`${name}|${position}`];
      const over = administrations.ends[president];
      if (departed) [to, fact.asOf] = [departed, DEPARTURES_AS_OF];
      else if (over) [to, fact.asOf] = [over, administrations.asOf];
    }
    if (from) fact.from = from;
    if (to) fact.to = to;
    record.facts.push(fact);
    for (const t of titlesFor(position)) record.titles.add(t);
    record.presidents.add(president);
    byName.set(name, record);
  }
  return [...byName.values()].map(({ name, facts, titles }) => {
    const words = name.split(/\s+/);
    const surname = words[words.length - 1]!.replace(/,$/, '');
    return {
      id: `person:${slug(name)}`,
      type: 'person',
      name,
      aliases: [{ text: name, kind: 'name' }, ...(surname.length > 1 && surname !== name ? [{ text: surname, kind: 'surname' as const }] : [])],
      description: cabinetDescription(facts),
      facts,
      links: [{ label: 'FiveThirtyEight cabinet data', url: 'https://github.com/fivethirtyeight/data/tree/master/cabinet-turnover' }],
      hints: { titles: [...titles] },
      salience: 0.3,
      status: 'former',
      asOf: AS_OF,
      sources: ['fivethirtyeight-cabinet'],
    } satisfies Entity;
  });
}
