/** U.S. federal agencies from the Federal Register list and the USA.gov A–Z index (both public domain). */
import type { Alias, Entity } from '../../src/knowledge/schema';
import { https, isCommonWord, slug } from './text';

interface FrAgency { id: string; name: string; short_name?: string; slug?: string; parent_id?: string | null; agency_url?: string; description?: string }
interface UsaGovAgency { name: string; description?: string; website?: string }

const AS_OF = '2023-04-16';

/** "State Department" → "Department of State"; the executive departments' formal names. */
const FORMAL: Record<string, string> = {
  'Treasury Department': 'Department of the Treasury',
  'Interior Department': 'Department of the Interior',
  'Army Department': 'Department of the Army',
  'Navy Department': 'Department of the Navy',
  'Air Force Department': 'Department of the Air Force',
};

function formalName(name: string): string {
  if (FORMAL[name]) return FORMAL[name]!;
  const dept = /^([^,]+) Department$/.exec(name);
  return dept ? `Department of ${dept[1]}` : name;
}

const norm = (s: string) => slug(s.replace(/\([^)]*\)/g, '').replace(/\bU\.?S\.?\b|\bUnited States\b|\bthe\b/gi, ''));

function acronymAlias(text: string | undefined): Alias | undefined {
  if (!text || !/^[A-Z][A-Z&-]{1,9}$/.test(text) || text.endsWith('-')) return undefined;
  const alias: Alias = { text, kind: 'acronym' };
  if (isCommonWord(text)) alias.commonWord = true;
  return alias;
}

export function agencies(fr: FrAgency[], usagov: UsaGovAgency[]): Entity[] {
  const usaByKey = new Map<string, UsaGovAgency & { acronym?: string }>();
  for (const a of usagov) {
    const acronym = /\(([A-Z][A-Za-z&]{1,7})\)\s*$/.exec(a.name)?.[1];
    const clean = a.name.replace(/\s*\([^)]*\)\s*$/, '').trim();
    usaByKey.set(norm(clean), { ...a, name: clean, ...(acronym ? { acronym } : {}) });
  }
  const out: Entity[] = [];
  const used = new Set<string>();
  const ids = new Set<string>();
  const make = (name: string, shortNames: string[], acronym: string | undefined, description: string | undefined, url: string | undefined, src: string[], frSlug?: string) => {
    const formal = formalName(name);
    const acr = acronymAlias(acronym);
    let id = `agency:${acr && !acr.commonWord ? acronym!.toLowerCase() : slug(formal)}`;
    if (ids.has(id)) id = `agency:${slug(formal)}`;
    if (ids.has(id)) return;
    ids.add(id);
    const aliases: Alias[] = [{ text: formal, kind: 'name' }];
    for (const s of shortNames) if (s !== formal && !aliases.some((a) => a.text === s)) aliases.push({ text: s, kind: 'short' });
    if (acr) aliases.push(acr);
    const link = https(url) ?? (frSlug ? `https://www.federalregister.gov/agencies/${frSlug}` : 'https://www.usa.gov/agencies');
    out.push({
      id,
      type: 'agency',
      name: formal,
      aliases,
      description: (description?.trim() || `U.S. federal government body: ${formal}.`).slice(0, 1200),
      links: [{ label: new URL(link).hostname, url: link }],
      // The name's distinctive words only: "federal" or "agency" are on every page about government.
      hints: { context: formal.toLowerCase().split(/\W+/).filter((w) => w.length > 5 && !['department', 'office', 'national', 'federal', 'agency', 'administration', 'service', 'united', 'states', 'commission', 'bureau', 'council'].includes(w)).slice(0, 8) },
      salience: /^Department of /.test(formal) ? 0.7 : 0.3,
      status: 'current',
      asOf: AS_OF,
      sources: src,
    });
  };
  for (const a of fr) {
    const formal = formalName(a.name);
    // The Federal Register lists names inverted ("Prisons Bureau"); USA.gov uses the natural form.
    const inverted = /^([^,]+) (Bureau|Office)$/.exec(a.name);
    const usa = usaByKey.get(norm(formal)) ?? usaByKey.get(norm(a.name)) ?? (inverted ? usaByKey.get(norm(`${inverted[2]} of ${inverted[1]}`)) : undefined);
    if (usa) used.add(norm(usa.name));
    const display = usa && !/^Department of /.test(formal) ? usa.name : formal;
    const shorts = [a.name, formal, usa?.name].filter((n): n is string => !!n && n !== display && !n.includes(','));
    const acronyms = (a.short_name ?? '').split(/[/\s]+/).filter((x) => /^[A-Z][A-Z&-]{1,9}$/.test(x));
    make(display, [...new Set(shorts)], acronyms[0] ?? usa?.acronym, usa?.description ?? a.description, usa?.website || a.agency_url, usa ? ['federal-register', 'usagov'] : ['federal-register'], a.slug);
  }
  for (const [key, a] of usaByKey) if (!used.has(key)) make(a.name, [], a.acronym, a.description, a.website, ['usagov']);
  return out;
}
