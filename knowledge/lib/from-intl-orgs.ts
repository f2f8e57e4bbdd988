/** International organisations from the CIA World Factbook's Appendix B (public domain). */
import type { Alias, Entity } from '../../src/knowledge/schema';
import { decodeEntities, distinctiveWords, isCommonWord, slug } from './text';

interface Org { title: string; founded?: string; aim?: string; about?: string }
const AS_OF = '2020-01-29';

/**
 * An aim of more than 200 characters as its first clause: ECOSOC's ran on with the names of its
 * fourteen commissions, the EMU's with a timetable, to 727 characters on a card.
 */
export function mainAim(aim: string): string {
  return aim.length > 200 ? aim.split(/;\s+/)[0]!.replace(/[,;:.]+$/, '') : aim;
}

/** Whole clauses up to 200 characters: "established 14 May 1955 to promote mutual defense; members met 1 July 1991 to dissolve the alliance". */
export function leadingClauses(text: string, max = 200): string {
  const clauses = text.replace(/[;.\s]+$/, '').split(/;\s+/);
  let out = clauses[0]!;
  for (const c of clauses.slice(1)) {
    if (out.length + 2 + c.length > max) break;
    out += `; ${c}`;
  }
  return out;
}

export function intlOrgs(orgs: Org[]): Entity[] {
  const out: Entity[] = [];
  const localNames: { name: string; of: string }[] = [];
  for (const o of orgs) {
    // Appendix B writes apostrophes as HTML entities ("Children&#39;s Fund").
    const m = /^(.+?)\s*\(([^)]+)\)$/.exec(decodeEntities(o.title));
    if (!m) continue;
    const name = m[1]!.trim();
    // Groupings the Factbook names in lower case ("less developed countries", "former Soviet Union")
    // are terms, not bodies; an entry that only points to another ("see the World Trade Organization")
    // has no card of its own, and one that gives another's local name is a name of that one.
    if (/^\p{Ll}/u.test(name) || /^see\b/i.test(o.about ?? '')) continue;
    const localNameOf = /^local name of (?:the )?(.+)$/i.exec(o.about ?? '')?.[1];
    if (localNameOf) {
      localNames.push({ name, of: localNameOf.trim() });
      continue;
    }
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
      description: decodeEntities(
        o.about ? `International organisation: ${leadingClauses(o.about)}.` : `International organisation${o.founded ? ` established ${o.founded}` : ''}${o.aim ? `; aim: ${mainAim(o.aim)}` : ''}.`,
      ),
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
  // "Pacific Community (SPC)": "local name of the Secretariat of the Pacific Community".
  for (const { name, of } of localNames) {
    const target = out.find((e) => e.name === of || e.name === `the ${of}`);
    if (target && !target.aliases.some((a) => a.text === name)) target.aliases.push({ text: name, kind: 'name' });
  }
  // Two organisations can share an abbreviation: keep ids unique by falling back to the full name.
  const seen = new Set<string>();
  for (const e of out) {
    if (seen.has(e.id)) e.id = `org:${slug(e.name)}`;
    seen.add(e.id);
  }
  return out;
}
