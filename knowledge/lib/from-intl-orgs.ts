/** International organisations from the CIA World Factbook's Appendix B (public domain). */
import type { Alias, Entity } from '../../src/knowledge/schema';
import { decodeEntities, distinctiveWords, isCommonWord, slug } from './text';

interface Org { title: string; founded?: string; aim?: string }
const AS_OF = '2020-01-29';

/**
 * An aim of more than 200 characters as its first clause: ECOSOC's ran on with the names of its
 * fourteen commissions, the EMU's with a timetable, to 727 characters on a card.
 */
export function mainAim(aim: string): string {
  return aim.length > 200 ? aim.split(/;\s+/)[0]!.replace(/[,;:.]+$/, '') : aim;
}

export function intlOrgs(orgs: Org[]): Entity[] {
  const out: Entity[] = [];
  for (const o of orgs) {
    // Appendix B writes apostrophes as HTML entities ("Children&#39;s Fund").
    const m = /^(.+?)\s*\(([^)]+)\)$/.exec(decodeEntities(o.title));
    if (!m) continue;
    const name = m[1]!.trim();
    // "(or European Communities, EC)": an "or" can open the list as well as join it.
    const abbrs = m[2]!.split(/\s+or\s+|,\s*|\/\s*/).map((a) => a.trim().replace(/^or\s+/, '')).filter(Boolean);
    const aliases: Alias[] = [{ text: name, kind: 'name' }];
    for (const a of abbrs) {
      if ([...a.replace(/[^\p{L}\p{N}]/gu, '')].length < 2 || aliases.some((x) => x.text === a)) continue;
      const alias: Alias = /^[A-Z0-9&-]+$/.test(a) ? { text: a, kind: 'acronym' } : { text: a, kind: 'short' };
      if (isCommonWord(a)) alias.commonWord = true;
      aliases.push(alias);
    }
    const primary = abbrs.find((a) => /^[A-Z][A-Za-z0-9&-]+$/.test(a)) ?? name;
    out.push({
      id: `org:${slug(primary)}`,
      type: 'intl-org',
      name,
      aliases,
      description: decodeEntities(`International organisation${o.founded ? ` established ${o.founded}` : ''}${o.aim ? `; aim: ${mainAim(o.aim)}` : ''}.`),
      facts: o.founded ? [{ label: 'Established', value: o.founded, asOf: AS_OF }] : [],
      // The name's distinctive words, for an acronym that needs its page's support ("ESA": "european", "space").
      hints: { context: distinctiveWords(name) },
      links: [{ label: 'CIA World Factbook, Appendix B', url: 'https://www.cia.gov/the-world-factbook/references/international-organizations-and-groups/' }],
      salience: 0.4,
      status: 'current',
      asOf: AS_OF,
      sources: ['factbook-appendix-b'],
    });
  }
  // Two organisations can share an abbreviation: keep ids unique by falling back to the full name.
  const seen = new Set<string>();
  for (const e of out) {
    if (seen.has(e.id)) e.id = `org:${slug(e.name)}`;
    seen.add(e.id);
  }
  return out;
}
