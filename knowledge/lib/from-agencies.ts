/** U.S. federal agencies from the Federal Register list and the USA.gov A–Z index (both public domain). */
import type { Alias, Entity } from '../../src/knowledge/schema';
import { decodeEntities, distinctiveWords, firstSentences, https, isCommonWord, slug } from './text';

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
  if (dept) return `Department of ${dept[1]}`;
  // "Procurement and Property Management, Office of": the list's inverted form.
  const trailing = /^(.+), ([A-Z][a-z]+) of$/.exec(name);
  return trailing ? `${trailing[2]} of ${trailing[1]}` : name;
}

const norm = (s: string) => slug(s.replace(/\([^)]*\)/g, '').replace(/\bU\.?S\.?\b|\bUnited States\b|\bthe\b/gi, ''));

/**
 * Acronyms the lists leave out for agencies news names by them (written by us, each the agency's own
 * usage). An agency listed twice (USA.gov and Federal Register) meets its other record by acronym.
 */
const EXTRA_ACRONYMS: Record<string, string> = {
  'Bureau of Alcohol, Tobacco, Firearms and Explosives': 'ATF',
  'Center for Food Safety and Applied Nutrition': 'CFSAN',
  'Congressional Research Service': 'CRS',
  'Council of Economic Advisers': 'CEA',
  'Defense Advanced Research Projects Agency': 'DARPA',
  'Defense Counterintelligence and Security Agency': 'DCSA',
  'Defense Threat Reduction Agency': 'DTRA',
  'Export-Import Bank of the United States': 'EXIM',
  'Financial Crimes Enforcement Network': 'FinCEN',
  'Institute of Museum and Library Services': 'IMLS',
  'Joint Chiefs of Staff': 'JCS',
  'Medicare Payment Advisory Commission': 'MedPAC',
  'Middle East Broadcasting Networks': 'MBN',
  'National Cemetery Administration': 'NCA',
  'National Endowment for the Humanities': 'NEH',
  'National Institute of Occupational Safety and Health': 'NIOSH',
  'National Reconnaissance Office': 'NRO',
  'National Weather Service': 'NWS',
  'Office of Cuba Broadcasting': 'OCB',
  'Office of the Comptroller of the Currency': 'OCC',
  'Office on Violence Against Women': 'OVW',
  'Radio Free Asia': 'RFA',
  'Radio Free Europe and Radio Liberty': 'RFE/RL',
  'U.S. Air Force': 'USAF',
  'U.S. Army Corps of Engineers': 'USACE',
  'U.S. Capitol Police': 'USCP',
  'U.S. Cyber Command': 'USCYBERCOM',
  'U.S. Marine Corps': 'USMC',
  'U.S. Navy': 'USN',
  'U.S. Postal Inspection Service': 'USPIS',
  'U.S. Special Operations Command': 'SOCOM',
  'U.S. Trade Representative': 'USTR',
  'Veterans Benefits Administration': 'VBA',
  'Veterans Health Administration': 'VHA',
  'Voice of America': 'VOA',
  'Wireless Telecommunications Bureau': 'WTB',
};

/** Real acronyms that are not the initials of the listed name. */
const KNOWN_ACRONYMS = new Set(['ACTION', 'AOA', 'FHWA', 'MARAD', 'SEPA', 'SWPA']);

/**
 * Whether an acronym could stand for one of the names: its letters are among the words' initials
 * (plus U, S and A for "United States", "U.S.", "America"). The Federal Register's short names are
 * sometimes internal codes ("ANTITRUST", "TD") or the parent's ("DOL" for the Employment Standards
 * Administration); those are not what news calls the agency.
 */
export function plausibleAcronym(acronym: string, names: string[]): boolean {
  if (KNOWN_ACRONYMS.has(acronym)) return true;
  const letters = acronym.toUpperCase().replace(/[^A-Z]/g, '');
  return names.some((name) => {
    const pool = [...name.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w[0]!.toUpperCase()), 'U', 'S', 'A'];
    for (const ch of letters) {
      const i = pool.indexOf(ch);
      if (i < 0) return false;
      pool.splice(i, 1);
    }
    return true;
  });
}

function acronymAlias(text: string | undefined, names: string[]): Alias | undefined {
  if (!text || !/^[A-Z][A-Z&-]{1,9}$/.test(text) || text.endsWith('-') || !plausibleAcronym(text, names)) return undefined;
  const alias: Alias = { text, kind: 'acronym' };
  if (isCommonWord(text)) alias.commonWord = true;
  return alias;
}

/**
 * An agency's text as a card shows it: the Federal Register's run to 1,200 characters of statute
 * ("established under the Administrative Conference Act (5 U.S.C. 591-96)"): its citations and
 * bracketed addresses are left out, and the first sentences kept, up to 400 characters.
 */
export function agencyDescription(raw: string): string {
  const text = decodeEntities(raw)
    .replace(/\s*\[https?:[^\]]*\]/g, '')
    .replace(/\s*\((?:[^()]*?(?:U\.S\.C\.|\bP\.?\s?L\.?\s?\d|Pub\.\s?L\.|\d\s?Stat\.)[^()]*)\)/g, '')
    // A citation the source cut off: "(50 U.S.C. app. 2401 et seq." at the end.
    .replace(/\s*\([^()]*U\.S\.C\.[^()]*$/, '.')
    .replace(/\s+([,.;])/g, '$1');
  return firstSentences(text, 400);
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
  const byAcronym = new Map<string, Entity>();
  const make = (name: string, shortNames: string[], acronym: string | undefined, rawDescription: string | undefined, url: string | undefined, src: string[], frSlug?: string) => {
    // The lists write some punctuation as HTML entities ("decision&#150;makers").
    const description = rawDescription?.trim() ? agencyDescription(rawDescription) : undefined;
    const formal = formalName(name);
    const extra = EXTRA_ACRONYMS[name] ?? EXTRA_ACRONYMS[formal];
    const acr: Alias | undefined = extra ? { text: extra, kind: 'acronym' } : acronymAlias(acronym, [formal, name, ...shortNames]);
    const twin = extra ? byAcronym.get(extra) : undefined;
    if (twin) {
      // The same agency under the other list's name ("Alcohol, Tobacco, Firearms, and Explosives Bureau").
      if (!twin.aliases.some((a) => a.text === formal)) twin.aliases.push({ text: formal, kind: 'name' });
      // USA.gov's natural word order reads better than the Federal Register's inverted one.
      if (twin.name.includes(',')) twin.name = formal;
      twin.sources = [...new Set([...twin.sources, ...src])];
      if (description && twin.description.startsWith('U.S. federal government body')) twin.description = description;
      return;
    }
    let id = `agency:${acr && !acr.commonWord ? slug(acr.text) : slug(formal)}`;
    if (ids.has(id)) id = `agency:${slug(formal)}`;
    if (ids.has(id)) return;
    ids.add(id);
    const aliases: Alias[] = [{ text: formal, kind: 'name' }];
    for (const s of shortNames) if (s !== formal && !aliases.some((a) => a.text === s)) aliases.push({ text: s, kind: 'short' });
    if (acr) aliases.push(acr);
    // Amtrak's short name is a word in its own right, written "Amtrak".
    if (acronym === 'AMTRAK') aliases.push({ text: 'Amtrak', kind: 'short' });
    const link = https(url) ?? (frSlug ? `https://www.federalregister.gov/agencies/${frSlug}` : 'https://www.usa.gov/agencies');
    out.push({
      id,
      type: 'agency',
      name: formal,
      aliases,
      description: description ?? `U.S. federal government body: ${formal}.`,
      links: [{ label: new URL(link).hostname, url: link }],
      // The name's distinctive words only: "federal" or "agency" are on every page about government.
      hints: { context: distinctiveWords(formal) },
      salience: /^Department of /.test(formal) ? 0.7 : 0.3,
      status: 'current',
      asOf: AS_OF,
      sources: src,
    });
    if (acr) byAcronym.set(acr.text, out[out.length - 1]!);
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
