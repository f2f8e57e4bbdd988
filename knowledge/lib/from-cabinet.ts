/** Cabinet-level appointments Carter → Biden from FiveThirtyEight's cabinet-turnover data (CC BY 4.0). */
import type { Entity, Fact } from '../../src/knowledge/schema';
import { parseCsv, slug, usDate, year } from './text';

const AS_OF = '2023-02-13';

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

export function cabinetMembers(csv: string): Entity[] {
  const rows = parseCsv(csv).slice(1);
  const byName = new Map<string, { name: string; facts: Fact[]; titles: Set<string>; presidents: Set<string> }>();
  for (const [president, position, appointee, start, end] of rows) {
    if (!president || !position || !appointee) continue;
    const name = appointee.trim();
    const record = byName.get(name) ?? { name, facts: [], titles: new Set<string>(), presidents: new Set<string>() };
    const fact: Fact = { label: position, value: `under President ${president}`, asOf: AS_OF };
    const from = usDate(start ?? '');
    const to = usDate(end ?? '');
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
    const roles = facts.map((f) => `${f.label} ${f.value} (${year(f.from)}–${year(f.to)})`);
    return {
      id: `person:${slug(name)}`,
      type: 'person',
      name,
      aliases: [{ text: name, kind: 'name' }, ...(surname.length > 1 && surname !== name ? [{ text: surname, kind: 'surname' as const }] : [])],
      description: `U.S. Cabinet-level official: ${roles.join('; ')}.`,
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
