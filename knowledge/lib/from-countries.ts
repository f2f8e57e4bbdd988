/**
 * Countries (countries-list, MIT, joined to the CIA World Factbook, public domain) and their
 * current heads of state and government as the Factbook names them.
 */
import type { Alias, Entity } from '../../src/knowledge/schema';
import { isCommonWord, slug, titleCase } from './text';

interface ListedCountry { name: string; native?: string; capital?: string; continent?: string; alias?: string[]; partOf?: string }
interface FactbookCountry { short?: string; long?: string; capital?: string; chief?: string; head?: string; background?: string }

const AS_OF = '2026-01-22';

/** Common names news uses, beyond the lists' own aliases. */
const EXTRA_ALIASES: Record<string, Alias[]> = {
  US: [{ text: 'United States of America', kind: 'name' }, { text: 'U.S.', kind: 'acronym', caseSensitive: true }, { text: 'US', kind: 'acronym', caseSensitive: true },
    { text: 'USA', kind: 'acronym' }, { text: 'U.S.A.', kind: 'acronym' }, { text: 'America', kind: 'informal' }],
  GB: [{ text: 'U.K.', kind: 'acronym' }, { text: 'United Kingdom of Great Britain and Northern Ireland', kind: 'name' }],
  RU: [{ text: 'Russian Federation', kind: 'name' }],
  CN: [{ text: "People's Republic of China", kind: 'name' }, { text: 'PRC', kind: 'acronym' }],
  KR: [{ text: 'South Korea', kind: 'short' }, { text: 'Republic of Korea', kind: 'name' }],
  KP: [{ text: 'North Korea', kind: 'short' }],
  AE: [{ text: 'United Arab Emirates', kind: 'name' }],
  VA: [{ text: 'Holy See', kind: 'name' }],
};

/** Country names that are also people's names or other places: they need the page's support to link. */
const NEEDS_CONTEXT: Record<string, string[]> = {
  GE: ['tbilisi', 'georgian', 'caucasus', 'kremlin', 'moscow'],
  JO: ['amman', 'jordanian', 'abdullah', 'kingdom', 'west bank'],
  TD: ['chadian', 'ndjamena', 'sahel', 'africa'],
  NE: ['niamey', 'sahel', 'niger delta', 'africa'],
  GN: ['conakry', 'guinean', 'africa'],
  ML: ['bamako', 'malian', 'sahel', 'africa'],
  TG: ['lome', 'togolese', 'africa'],
  PE: ['lima', 'peruvian', 'andes'],
  SV: ['san salvador', 'salvadoran', 'bukele'],
  TR: ['ankara', 'istanbul', 'turkish', 'erdogan'],
  JE: ['channel islands', 'st helier', 'guernsey'],
  RE: ['indian ocean', 'saint-denis', 'mauritius'],
};

export const TITLES = ['Supreme Leader', 'Prime Minister', 'Federal Chancellor', 'Chancellor', 'President', 'Vice President', 'King', 'Queen', 'Emir', 'Amir', 'Sultan', 'Grand Duke', 'Prince', 'Crown Prince', 'Premier', 'Chairman', 'General Secretary', 'Pope', 'Chief Executive', 'Governor General', 'Taoiseach', 'Co-Prince', 'Captain Regent', 'Head of State', 'Chief Adviser', 'Transitional President', 'Interim President', 'Interim Prime Minister', 'State Counsellor'];

export function countries(list: Record<string, ListedCountry>, isoToGec: Record<string, string>, factbook: Record<string, FactbookCountry>): { countries: Entity[]; leaders: Entity[] } {
  const out: Entity[] = [];
  const leaders: Entity[] = [];
  for (const [iso, c] of Object.entries(list).sort(([a], [b]) => a.localeCompare(b))) {
    if (iso === 'XK' && !c.name) continue;
    const fb = factbook[isoToGec[iso] ?? ''];
    const aliases: Alias[] = [{ text: c.name, kind: 'name' }];
    const add = (a: Alias) => {
      if (!aliases.some((x) => x.text === a.text) && a.text.length <= 100 && [...a.text.replace(/[^\p{L}\p{N}]/gu, '')].length >= 2) aliases.push(a);
    };
    if (fb?.short && fb.short !== 'none') add({ text: fb.short, kind: 'short' });
    if (fb?.long && fb.long !== 'none') add({ text: fb.long, kind: 'name' });
    for (const a of c.alias ?? []) add(/^[A-Z]{2,4}$/.test(a) ? { text: a, kind: 'acronym' } : { text: a, kind: /^(Upper Volta|Dahomey|Zaire|Abyssinia|East Pakistan|Bechuanaland|British Honduras|Gold Coast|Spanish Sahara|Portuguese Guinea|Dutch East Indies|Ubangi-Shari|Byelorussia|Belorussia)$/.test(a) ? 'former' : 'short' });
    for (const a of EXTRA_ALIASES[iso] ?? []) add(a);
    const context = NEEDS_CONTEXT[iso];
    if (context) for (const a of aliases) a.needsContext = true;
    const fbSlug = slug(fb?.short && fb.short !== 'none' ? fb.short : c.name);
    const link = `https://www.cia.gov/the-world-factbook/countries/${fbSlug}/`;
    const facts: NonNullable<Entity['facts']> = [];
    const capital = fb?.capital ?? c.capital;
    if (capital) facts.push({ label: 'Capital', value: capital, asOf: AS_OF });
    const id = `place:${slug(c.name)}`;
    for (const [role, text] of [['Chief of state', fb?.chief], ['Head of government', fb?.head]] as const) {
      if (!text) continue;
      facts.push({ label: role, value: text.split(/;|<br/)[0]!.replace(/<[^>]+>/g, '').trim().slice(0, 250), asOf: AS_OF });
      const leader = parseLeader(text, c.name, id, role, link);
      if (leader && !leaders.some((l) => l.id === leader.id)) leaders.push(leader);
    }
    out.push({
      id,
      type: 'country',
      name: c.name,
      aliases,
      description: (fb?.background ?? `Country${c.partOf ? ' or territory' : ''} with its capital at ${capital ?? 'none'}.`).replace(/<[^>]+>/g, '').slice(0, 900),
      facts,
      links: [{ label: 'CIA World Factbook', url: link }],
      hints: { context: [...(context ?? []), ...(capital ? [capital.split(/[;,(]/)[0]!.trim().toLowerCase()] : [])] },
      salience: 0.6,
      status: 'current',
      asOf: AS_OF,
      sources: fb ? ['countries-list', 'factbook', 'country-codes'] : ['countries-list'],
    });
  }
  return { countries: out, leaders };
}

/** "Chancellor Friedrich MERZ (since 6 May 2025)" → a person entity; undefined when the text does not parse. */
export function parseLeader(text: string, country: string, countryId: string, role: string, link: string): Entity | undefined {
  const first = text.split(/;|<br|note/)[0]!.replace(/<[^>]+>/g, '').trim();
  const title = TITLES.find((t) => first.startsWith(`${t} `));
  if (!title) return undefined;
  const rest = first.slice(title.length + 1);
  const since = /\(since ([^)]+)\)/.exec(rest)?.[1];
  const namePart = rest.replace(/\s*\(.*$/, '').trim();
  const words = namePart.split(/\s+/);
  const isCaps = (w: string) => w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w);
  if (!words.some(isCaps) || words.length > 6) return undefined;
  const surnameWords = words.filter(isCaps).filter((w) => !/^(II|III|IV|VI|VII|XVI)$/.test(w));
  if (surnameWords.length === 0) return undefined;
  const name = words.map((w) => (isCaps(w) && !/^(II|III|IV|VI|VII|XVI)$/.test(w) ? titleCase(w) : w)).join(' ');
  const surname = surnameWords.map(titleCase).join(' ');
  if (!/^[\p{L}' .-]+$/u.test(name)) return undefined;
  const aliases: Alias[] = [{ text: name, kind: 'name' }];
  if (surname !== name && [...surname].length > 1) aliases.push({ text: surname, kind: 'surname' });
  return {
    id: `person:${slug(name)}`,
    type: 'person',
    name,
    aliases,
    description: `${title} of ${country}${since ? ` since ${since}` : ''} (${role.toLowerCase()}, per the CIA World Factbook of January 2026).`,
    facts: [{ label: `${title} of ${country}`, value: role, ...(since ? { from: toIso(since) ?? '' } : {}), asOf: AS_OF }].map((f) => (f.from === '' ? { label: f.label, value: f.value, asOf: f.asOf } : f)),
    links: [{ label: 'CIA World Factbook', url: link }],
    hints: { titles: [title.toLowerCase(), `${country.toLowerCase()}'s ${title.toLowerCase()}`], context: [country.toLowerCase()], related: [countryId] },
    salience: 0.5,
    status: 'current',
    asOf: AS_OF,
    sources: ['factbook'],
  };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
function toIso(text: string): string | undefined {
  const m = /(\d{1,2}) ([A-Za-z]+) (\d{4})/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    if (month > 0) return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  return /^\d{4}$/.test(text.trim()) ? text.trim() : undefined;
}
