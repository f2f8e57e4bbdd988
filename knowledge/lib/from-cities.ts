/**
 * The cities the CIA World Factbook (public domain) lists as each country's major urban areas, with
 * their urban area's population: "3.368 million Mashhad" is Iran's second city, which world news
 * names ("Iran's Revolutionary Guards said… in Mashhad") and the hand-written lists did not have.
 * The Factbook lists a country's capital and its largest urban areas (up to six).
 *
 * Which names are left out, or need their page's support, and how the news spells the rest, are
 * ours: a name that is as often a person's or an American city's ("Birmingham", "Naples", "Rosario",
 * "Mendoza") would give the wrong card on the American pages most readers read.
 */
import type { Alias, Entity, Fact } from '../../src/knowledge/schema';
import { decodeEntities, slug, titleCase } from './text';

/** One "N name (note)" of the Factbook's list. */
export interface UrbanArea {
  name: string;
  people: number;
  year: string;
  /** "capital", "seat of government", "legislative capital"…, or another spelling ("Homs"). */
  note?: string;
}

const NUMBER = String.raw`(\d[\d.,]*)(?: million)?`;
const NAME = String.raw`([^,;()\d][^,;()]*?)`;
const NOTE = String.raw`(?: \(([^)]*)\))?`;
/** "3.368 million Mashhad", "9.500 million TEHRAN (capital)", and the reversed "YAMOUSSOUKRO (capital) 231,000". */
const ENTRY = new RegExp(String.raw`^(?:${NUMBER} ${NAME}${NOTE}|${NAME}${NOTE} ${NUMBER})$`);

/** The Factbook's "Major urban areas - population" text as entries; any entry it cannot read is left out. */
export function parseUrbanAreas(text: string): UrbanArea[] {
  const out: UrbanArea[] = [];
  // Entities first: "C&oacute;rdoba" holds a semicolon, and the list's groups are split on semicolons.
  for (const group of decodeEntities(text.replace(/&nbsp;?/g, ' ')).split(';')) {
    const year = /\((\d{4})\)\s*$/.exec(group)?.[1];
    if (!year) continue;
    const body = group.replace(/\s*\(\d{4}\)\s*$/, '').trim();
    // Entries are split at ", " before a digit or before a name (the reversed form): never inside "285,000".
    for (const entry of body.split(/, (?=\d|\p{L})/u)) {
      const m = ENTRY.exec(entry.trim());
      if (!m) continue;
      const [number, name, note] = m[1] ? [m[1], m[2]!, m[3]] : [m[6]!, m[4]!, m[5]];
      out.push({ name: name.trim(), people: peopleOf(number, entry), year, ...(note ? { note } : {}) });
    }
  }
  return out;
}

/** "3.368" (millions, with or without the word) or "285,000"; "872,000 million" is a typo for 872,000. */
function peopleOf(number: string, entry: string): number {
  if (number.includes(',')) return Number(number.replace(/,/g, ''));
  return number.includes('.') || /million/.test(entry) ? Math.round(Number(number) * 1e6) : Number(number);
}

/** The name news writes, for the Factbook's spelling; null leaves the area out (a region, two cities, a name news does not use). */
const NEWS_NAME: Record<string, string | null> = {
  Esfahan: 'Isfahan', Mombassa: 'Mombasa', Nothaburi: 'Nonthaburi', Songkla: 'Songkhla', "Bur Sa'id": 'Port Said',
  'Ad Dammam': 'Dammam', Fes: 'Fez', Hargeysa: 'Hargeisa', Misratah: 'Misrata', Daejon: 'Daejeon', Medellin: 'Medellín',
  Concepcion: 'Concepción', Valparaiso: 'Valparaíso', Krakow: 'Kraków', Dnipropetrovsk: 'Dnipro', 'Nur-Sultan': 'Astana',
  Rangoon: 'Yangon', Hims: 'Homs', Hamah: 'Hama', Shimkent: 'Shymkent', 'Chon Buri': 'Chonburi',
  'Marseille-Aix-en-Provence': 'Marseille', 'Tel Aviv-Yafo': 'Tel Aviv', 'Kitakyushu-Fukuoka': 'Fukuoka',
  'Blantyre-Limbe': 'Blantyre', 'Sekondi Takoradi': 'Sekondi-Takoradi', 'Port Elizabeth': 'Gqeberha', 'Toluca de Lerdo': 'Toluca',
  'Sao Tome': 'São Tomé', Asuncion: 'Asunción', Yaounde: 'Yaoundé', Lome: 'Lomé', Noumea: 'Nouméa', Torshavn: 'Tórshavn',
  Hagatna: 'Hagåtña', 'Nizhniy Novgorod': 'Nizhny Novgorod', 'Cagayan de Oro City': 'Cagayan de Oro', Dasmarinas: 'Dasmariñas',
  'Ar-Rayyan': 'Al Rayyan', Bogota: 'Bogotá', 'San Miguel de Tucumán': 'Tucumán', Male: 'Malé', "N'djamena": "N'Djamena",
  'Port-Of-Spain': 'Port of Spain', "Nuku'Alofa": "Nuku'alofa", Ibb: null,
  // Two cities, a region or a district, not one city a page names.
  'Shizuoka-Hamamatsu': null, 'Southampton/Portsmouth': null, 'West Yorkshire': null, 'West Rand': null, 'Hufuf-Mubarraz': null,
  // Names that are as often people's, another place's or a word: "Victoria", "Kingston", "Santiago", "Wellington", "Sofia",
  // "Tripoli" and "Bern" as from-capitals.ts leaves them out; "Jerusalem", whose status as a capital is itself the news.
  Victoria: null, Kingston: null, Santiago: null, Wellington: null, Sofia: null, Tripoli: null, Bern: null, Jerusalem: null,
  Hamilton: null, Douglas: null, Stanley: null, Jamestown: null, 'The Valley': null, 'George Town': null, "Saint John's": null,
  "Saint George's": null, 'Saint-Pierre': null, Medina: null, Cali: null, Trujillo: null, Sucre: null, 'Santa Cruz': null,
  Rosario: null, Mendoza: null, Naples: null, 'San Juan': null,
};

/**
 * Names an American city (or another country's) also has: they link only where their page speaks of
 * their country (its name, people or capital, in the country's context words below).
 */
const NEEDS_COUNTRY = new Set([
  'Birmingham', 'Manchester', 'Alexandria', 'Perth', 'Valencia', 'Córdoba', 'Panama City', 'Nassau', 'Georgetown',
  'Saint Petersburg', 'Aden', 'Adelaide', 'Durban', 'Cologne', 'Zanzibar', 'Lagos', 'Porto', 'Praia', 'Cabinda', 'Bergamo',
]);

/** Other spellings and names news uses. */
const ALSO: Record<string, string[]> = {
  Yangon: ['Rangoon'], Mumbai: ['Bombay'], Chennai: ['Madras'], Kolkata: ['Calcutta'], Bangalore: ['Bengaluru'], Isfahan: ['Esfahan'],
  Homs: ['Hims'], Fez: ['Fes'], Gqeberha: ['Port Elizabeth'], 'Ho Chi Minh City': ['Saigon'], Daegu: ['Taegu'], Daejeon: ['Taejon'],
  Gwangju: ['Kwangju'], 'Saint Petersburg': ['St. Petersburg', 'St Petersburg'], Misrata: ['Misurata'], Shymkent: ['Shimkent'],
  'Hai Phong': ['Haiphong'], 'Da Nang': ['Danang'], Hargeisa: ['Hargeysa'], Mombasa: [], 'Port of Spain': ['Port-of-Spain'],
};

const AS_OF = '2026-01-22';

export interface Country {
  id: string;
  name: string;
  /** Words that show a page speaks of it: its name, its capital. */
  context: string[];
  link: Entity['links'][number] | undefined;
}

/**
 * A city record per major urban area of every country but the United States (whose cities are
 * curated with their states), keyed by `countryOf` (the Factbook's code → the country's record).
 * Names the knowledge already has as another kind of thing are left to the caller (`generate.ts`).
 */
export function cities(factbook: Record<string, { urbanAreas?: string; capital?: string }>, countryOf: (gec: string) => Country | undefined): Entity[] {
  const out: Entity[] = [];
  for (const [gec, fb] of Object.entries(factbook).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (gec === 'us' || !fb.urbanAreas) continue;
    const country = countryOf(gec);
    if (!country) continue;
    const areas = parseUrbanAreas(fb.urbanAreas);
    const largest = areas.reduce<UrbanArea | undefined>((a, b) => (!a || b.people > a.people ? b : a), undefined);
    for (const area of areas) {
      // Capitals are in capitals ("ANDORRA LA VELLA"): cased as names, the particles inside them lower-case.
      const factbookName = /\p{Ll}/u.test(area.name) ? area.name : titleCase(area.name).replace(/(?<=.) (La|De|Del|Es|Of)\b/g, (w) => w.toLowerCase()).replace(/'S\b/g, "'s");
      const mapped = NEWS_NAME[factbookName];
      if (mapped === null) continue;
      const name = mapped ?? factbookName;
      // Tonga's list gives its capital without the note.
      const role = capitalRole(area.note) ?? (fb.capital && decodeEntities(fb.capital).split(/[;(]/)[0]!.trim().toLowerCase() === factbookName.toLowerCase() ? 'capital' : undefined);
      // A spelling in the note ("Hims (Homs)", "Daegu (Taegu)") is another name for it.
      const spelled = area.note && !role && /^\p{Lu}\p{Ll}+$/u.test(area.note) ? [area.note] : [];
      const names = [...new Set([name, ...(ALSO[name] ?? []), ...spelled, ...withoutAccents(name)])];
      const aliases: Alias[] = names.map((text) => ({ text, kind: 'name', ...(NEEDS_COUNTRY.has(name) ? { needsContext: true } : {}) }));
      const isLargest = area === largest && areas.length > 1;
      const of = withThe(country.name);
      const what = role ? `${capitalize(role)}${isLargest ? ' and largest city' : ''} of ${of}.` : isLargest ? `Largest city of ${of}.` : `One of the largest cities of ${of}.`;
      const facts: Fact[] = [
        { label: 'Country', value: country.name, asOf: AS_OF },
        { label: 'Urban area population', value: `${readable(area.people)} (${area.year})`, asOf: AS_OF },
      ];
      out.push({
        id: `place:${slug(name)}`,
        type: 'city',
        name,
        aliases,
        description: what,
        facts,
        links: country.link ? [{ ...country.link }] : [],
        hints: { related: [country.id], context: country.context },
        salience: role ? 0.45 : 0.35,
        status: 'current',
        asOf: AS_OF,
        sources: ['factbook'],
      });
    }
  }
  return out;
}

/** "capital", "seat of government", "legislative capital"… from the entry's note; undefined for none. */
function capitalRole(note: string | undefined): string | undefined {
  if (!note) return undefined;
  return /capital|seat of government/.test(note) ? note : undefined;
}

/** "the Philippines", "the United Kingdom", "the Marshall Islands"; "Peru". */
function withThe(country: string): string {
  return /^(United|Democratic|Czech Republic|Dominican|Central African|Republic of|U\.S\.|British|Northern Mariana)\b|^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)$|Islands$/.test(country) ? `the ${country}` : country;
}

const capitalize = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** "Medellín" → ["Medellin"]: pages and their writers drop accents as often as not. */
function withoutAccents(name: string): string[] {
  const plain = name.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return plain !== name && /^[\p{L} .'-]+$/u.test(plain) && !/ʻ/.test(plain) ? [plain] : [];
}

/** "3.4 million", "815,000". */
function readable(n: number): string {
  return n >= 1e6 ? `${Number((n / 1e6).toPrecision(n >= 1e7 ? 3 : 2))} million` : n.toLocaleString('en-US');
}
