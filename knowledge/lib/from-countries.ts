/**
 * Countries (countries-list, MIT, joined to the CIA World Factbook, public domain) and their
 * current heads of state and government as the Factbook names them.
 */
import type { Alias, Entity } from '../../src/knowledge/schema';
import { decodeEntities, firstSentences, isCommonWord, slug, titleCase } from './text';

interface ListedCountry { name: string; native?: string; capital?: string; continent?: string; alias?: string[]; partOf?: string }
interface FactbookCountry { short?: string; long?: string; capital?: string; chief?: string; head?: string; background?: string; govType?: string; dependency?: string; location?: string; population?: string }

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

/**
 * Short names of a country that name something else as often, with the words that say the page means
 * the country: "Emirates" alone is the Dubai airline in most news (a curated company), the country
 * being "the UAE" or "the Emirates".
 */
const SHORT_NAME_NEEDS_CONTEXT: Record<string, { aliases: string[]; context: string[] }> = {
  AE: { aliases: ['Emirates'], context: ['emirati', 'dubai', 'gulf', 'sheikh', 'federation'] },
};

/** Titles the Factbook puts before a leader's name; the longest that fits wins ("President of China" before "President"). */
export const TITLES = ['Supreme Leader', 'Prime Minister', 'Federal Chancellor', 'Chancellor', 'President', 'Vice President', 'King', 'Queen', 'Emperor', 'Emir', 'Amir', 'Sultan', 'Grand Duke', 'Prince', 'Crown Prince', 'Premier', 'Chairman', 'General Secretary', 'Pope', 'Chief Executive', 'Governor General', 'Taoiseach', 'Co-Prince', 'Co-prince', 'Captain Regent', 'Head of State', 'Chief Adviser', 'Transitional President', 'Transition President', 'Transition Prime Minister', 'Interim President', 'Interim Prime Minister', 'Acting President', 'State Counsellor',
  'Sultan and Prime Minister', 'President of China', 'President of the Swiss Confederation', 'President of Council of Ministers', 'President of the Government', 'President of French Polynesia', 'President of the Territorial Assembly', 'President of Territorial Council', 'Chairman of the Cabinet of Ministers', 'Chairperson of the Council of Ministers', 'Chairperson of the Presidency', 'State Affairs Commission President',
].sort((a, b) => b.length - a.length);

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
    if (fb?.short && fb.short !== 'none') add({ text: decodeEntities(fb.short), kind: 'short' });
    if (fb?.long && fb.long !== 'none') add({ text: decodeEntities(fb.long), kind: 'name' });
    for (const a of c.alias ?? []) add(/^[A-Z]{2,4}$/.test(a) ? { text: a, kind: 'acronym' } : { text: a, kind: /^(Upper Volta|Dahomey|Zaire|Abyssinia|East Pakistan|Bechuanaland|British Honduras|Gold Coast|Spanish Sahara|Portuguese Guinea|Dutch East Indies|Ubangi-Shari|Byelorussia|Belorussia)$/.test(a) ? 'former' : 'short' });
    for (const a of EXTRA_ALIASES[iso] ?? []) add(a);
    const shortNames = SHORT_NAME_NEEDS_CONTEXT[iso];
    const context = NEEDS_CONTEXT[iso] ?? shortNames?.context;
    if (NEEDS_CONTEXT[iso]) for (const a of aliases) a.needsContext = true;
    for (const a of aliases) if (shortNames?.aliases.includes(a.text)) a.needsContext = true;
    // The Factbook's own slugs drop apostrophes: "cote-divoire".
    const fbSlug = slug((fb?.short && fb.short !== 'none' ? decodeEntities(fb.short) : c.name).replace(/['’]/g, ''));
    const link = `https://www.cia.gov/the-world-factbook/countries/${fbSlug}/`;
    const facts: NonNullable<Entity['facts']> = [];
    // The Factbook writes accents as HTML entities ("Bras&iacute;lia"); cards show text, never HTML.
    const capital = fb?.capital ? decodeEntities(fb.capital) : c.capital;
    if (capital) facts.push({ label: 'Capital', value: capital, asOf: AS_OF });
    const population = fb?.population ? readablePopulation(fb.population) : undefined;
    if (population) facts.push({ label: 'Population', value: population, asOf: AS_OF });
    const id = `place:${slug(c.name)}`;
    for (const [role, text] of [['Chief of state', fb?.chief], ['Head of government', fb?.head]] as const) {
      if (!text) continue;
      facts.push({ label: role, value: leaderNamesCased(decodeEntities(text.replace(/<[^>]+>/g, ' ')).split(';')[0]!.replace(/\s+/g, ' ').trim()).slice(0, 250), asOf: AS_OF });
      const leader = parseLeader(text, c.name, id, role, link);
      if (!leader) continue;
      // A sovereign's head of state is listed for its territories too (the U.S. President for Guam,
      // the French President for New Caledonia): the record is the home country's.
      const at = leaders.findIndex((l) => l.id === leader.id);
      if (at < 0) leaders.push(leader);
      else if (SOVEREIGNS.has(iso)) leaders[at] = leader;
    }
    out.push({
      id,
      type: 'country',
      name: c.name,
      aliases,
      description: countryDescription(fb, Boolean(c.partOf), capital),
      facts,
      links: [{ label: 'CIA World Factbook', url: link }],
      hints: { context: [...new Set([...(context ?? []), ...(capital ? [capital.split(/[;,(]/)[0]!.trim().toLowerCase()] : [])])] },
      salience: 0.6,
      status: 'current',
      asOf: AS_OF,
      sources: fb ? ['countries-list', 'factbook', 'country-codes'] : ['countries-list'],
    });
  }
  return { countries: out, leaders };
}

/** Government types that say nothing of what the place is ("in transition", a sovereignty dispute). */
const UNSAID_GOVERNMENT = /^(in transition|formerly\b|legal status\b|authoritarian$)/i;

/**
 * A country card's first words say what the place is and where ("Communist party-led state in
 * Eastern Asia."), then the Factbook's background opens (one sentence, its names in their own case):
 * its first sentences alone were often ancient history ("China's historical civilization dates to at
 * least the 13th century B.C.").
 */
export function countryDescription(fb: FactbookCountry | undefined, territory: boolean, capital: string | undefined): string {
  const kind = fb?.govType ? decodeEntities(fb.govType.replace(/&nbsp;?/g, ' ')).replace(/\s*\([^)]*\)/g, '').replace(/^a\s+/i, '').trim() : '';
  // A territory is first what it is to its country: Hong Kong's "presidential limited democracy"
  // alone reads as a state of its own.
  const tie = dependencyStatus(fb);
  const what = tie ? tie : kind && !UNSAID_GOVERNMENT.test(kind) ? kind[0]!.toUpperCase() + kind.slice(1) : territory ? 'Territory' : 'Country';
  const region = (fb?.location ? decodeEntities(fb.location) : '').replace(/^(Middle East|Caribbean|Eastern Mediterranean)$/, 'the $1');
  // "in Western Europe", "in interior Western Africa"; a description of the land itself after a comma ("…, islands in the South Atlantic Ocean").
  // After a territory's country, a comma too: "overseas territory of the UK, in Southwestern Europe".
  const where = !region ? '' : /^(archipelago|islands?|chain|atoll|two|group|continent|body)\b/.test(region) ? `, ${region}` : `${what.includes(',') || tie ? ',' : ''} in ${region}`;
  const identity = region || kind ? `${what}${where}.` : `${what} with its capital at ${capital ?? 'none'}.`;
  const background = fb?.background ? proseNamesCased(firstSentences(decodeEntities(fb.background.replace(/<[^>]+>/g, ' ')), 300, 1)) : '';
  return background ? `${identity} ${background}` : identity;
}

/**
 * The Factbook's dependency status as a card's first words: "Special administrative region of the
 * People's Republic of China", "Part of the Kingdom of Denmark". A status that does not open with what
 * the place is ("with the exception of Palmyra Atoll, …") or runs on is left out.
 */
export function dependencyStatus(fb: FactbookCountry | undefined): string | undefined {
  if (!fb?.dependency) return undefined;
  let tie = decodeEntities(fb.dependency).replace(/\s+/g, ' ').trim();
  if (fb.short && tie.startsWith(`${fb.short} is `)) tie = tie.slice(fb.short.length + 4);
  // What follows ", with policy relations …" is how it is run, not what it is.
  tie = tie.replace(/^an?\s+/i, '').replace(/,\s+(?:with|administered|policy)\b.*$/, '');
  if (!tie || /^(with|however|since|although)\b/i.test(tie) || tie.length > 80) return undefined;
  return tie[0]!.toUpperCase() + tie.slice(1);
}

/** "1,407,181,209 (2025 est.)" → "1.41 billion (2025 est.)"; small populations as the Factbook writes them. */
export function readablePopulation(text: string): string | undefined {
  const m = /^([\d,]+) (\(.*\))$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/,/g, ''));
  // Three significant figures, without trailing zeros: "1.41 billion", "340 million", "5 million".
  const scaled = n >= 1e9 ? `${Number((n / 1e9).toPrecision(3))} billion` : n >= 1e6 ? `${Number((n / 1e6).toPrecision(3))} million` : m[1]!;
  return `${scaled} ${m[2]}`;
}

/** Acronyms the Factbook's backgrounds write in capitals, which are not surnames. */
const ACRONYMS = new Set(['US', 'UK', 'UN', 'EU', 'NATO', 'USSR', 'EEC', 'UAE', 'PNG', 'FSM', 'CAR', 'BIOT', 'FARC', 'SFRY', 'TAAF', 'OAS', 'WTO']);

/**
 * The Factbook's prose writes surnames in capitals ("Shah Mohammad Reza PAHLAVI", "Christopher
 * COLUMBUS"): as names, keeping its acronyms ("joined NATO", "(FARC)"), "B.C." and regnal numbers.
 */
export function proseNamesCased(text: string): string {
  const words = text.split(' ');
  return words
    .map((w, i) => {
      const core = w.replace(/^[("“]+|[)"”.,;:'’s]*$/g, '');
      if (!/\p{Lu}{2}/u.test(core) || core !== core.toUpperCase() || core.includes('.') || /^\(/.test(w) || ACRONYMS.has(core)) return w;
      if (ROMAN.test(core) && i > 0 && /^\p{Lu}/u.test(words[i - 1]!)) return w;
      // The second of two numerals: "World Wars I and II".
      if (ROMAN.test(core) && /^(?:and|or|to)$/.test(words[i - 1] ?? '') && ROMAN.test(words[i - 2] ?? '')) return w;
      return w.replace(core, core.split('-').map(titleCase).join('-'));
    })
    .join(' ');
}

/** Name particles written in lower case inside a surname ("Van der Bellen", "Rebelo de Sousa", "Muhammad bin Salman"). */
const PARTICLES = new Set(['van', 'der', 'den', 'de', 'da', 'do', 'dos', 'das', 'di', 'von', 'bin', 'bint', 'al', 'el', 'la', 'le']);

/**
 * The Factbook's leader line as a card shows it: "King CHARLES III (since 8 September 2022)" →
 * "King Charles III (since …)". Its surnames in capitals read as shouting on a card. A regnal number
 * after a name stays ("Charles III", "Carl XVI Gustaf", "Sualauvi II"; "XI" and "LI" are the surnames
 * Xi and Li, never a living ruler's number); a short acronym starting the line ("GNU Interim Prime
 * Minister", "CNSP Prime Minister") or in brackets ("(CNSP)") stays.
 */
export function leaderNamesCased(line: string): string {
  const words = line.split(' ');
  const isCaps = (w: string) => /\p{Lu}{2}/u.test(w) && w === w.toUpperCase();
  const isName = (w: string) => /^\p{Lu}/u.test(w);
  return words
    .map((w, i) => {
      if (i === 0 && /^\p{Lu}{2,5}$/u.test(w)) return w;
      if (/^\(\p{Lu}+\)$/u.test(w)) return w;
      const before = words[i - 1] ?? '';
      if (ROMAN.test(w) && w !== 'XI' && w !== 'LI' && isName(before) && !TITLE_WORDS.has(before)) return w;
      // Per part of a hyphenated name: "Hoseini-KHAMENEI" → "Hoseini-Khamenei".
      // An apostrophe after two letters or more is a glottal stop, not "O'": "Tuimaleali'ifano".
      const cased = w
        .split('-')
        .map((part) => (isCaps(part) ? titleCase(part).replace(/(\p{L}{2,})'(\p{Lu})/gu, (_, head: string, next: string) => `${head}'${next.toLowerCase()}`) : part))
        .join('-');
      // A particle inside a name in capitals, not its first word: "VAN DER BELLEN" → "Van der Bellen".
      return PARTICLES.has(cased.toLowerCase()) && isCaps(before) ? cased.toLowerCase() : cased;
    })
    .join(' ');
}

/** The words of the Factbook's titles ("President", "Minister"): a numeral after one is not a regnal number. */
const TITLE_WORDS = new Set(TITLES.flatMap((t) => t.split(' ')));

/** Countries whose head of state the Factbook also lists for their territories and realms. */
const SOVEREIGNS = new Set(['US', 'GB', 'FR', 'NL', 'DK', 'NO', 'CN']);

/** Ranks and honorifics the Factbook writes between the title and the name ("Col.", "Dr.", "Sir"). */
const HONORIFIC = /^(?:(?:Sr\.|Lt\.|Maj\.|Brig\.)\s+)?(?:Gen\.|General|Col\.|Capt\.|Dr\.|Sir|Dame|Sheikh|Crown Prince)\s+/;
const ROMAN = /^[IVXLC]+$/;
/** An Arabic article before a surname in capitals ("al-SUDANI"), and the article alone. */
const ARTICLE_CAPS = /^(?:al|el|ad|ar|as|ash|at|az|an)-\p{Lu}{2}[\p{Lu}'-]*$/u;
const ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an)-/;

/**
 * "Chancellor Friedrich MERZ (since 6 May 2025)" → a person entity. The Factbook writes surnames in
 * capitals; anything that does not fit that shape is skipped (undefined) rather than guessed at.
 */
export function parseLeader(text: string, country: string, countryId: string, role: string, link: string): Entity | undefined {
  const first = decodeEntities(text.replace(/<[^>]+>/g, ' ')).split(/;|\bnote\b|, represented by/)[0]!.replace(/\s+/g, ' ').trim();
  const title = TITLES.find((t) => first.startsWith(`${t} `));
  if (!title) return undefined;
  const since = /\(since ([^)]+)\)/.exec(first)?.[1];
  // "Taoiseach (Prime Minister) Michael MARTIN": a gloss of the title before the name.
  let namePart = first.slice(title.length + 1).replace(/^\([^)]*\)\s*/, '').replace(/\s*\((?:also|or|born)\b[^)]*\)/g, '').replace(/\s*\(.*$/, '').trim();
  for (let m = HONORIFIC.exec(namePart); m; m = HONORIFIC.exec(namePart)) namePart = namePart.slice(m[0].length);
  // "King FREDERIK X of Denmark": the country is already known.
  namePart = namePart.replace(/\s+of\s+(the\s+)?\p{Lu}[\p{L}\s]*$/u, '').trim();
  // An unparsed title complement ("President of the Pontifical Commission … NAME") is not a name.
  if (/^(of|and|the)\b/i.test(namePart) || /[,()]/.test(namePart)) return undefined;
  const words = namePart.split(' ').filter(Boolean);
  // Regnal numbers ("CHARLES III", "CARL XVI Gustaf") stay as written; "XI" and "LI" first are surnames.
  const numeral = (w: string, i: number) => i > 0 && ROMAN.test(w);
  // "al-SUDANI": an Arabic article before a surname in capitals stays lower case ("al-Sudani").
  const isCaps = (w: string, i: number) => (/\p{Lu}{2}/u.test(w) && w === w.toUpperCase() && !numeral(w, i)) || ARTICLE_CAPS.test(w);
  const cased = (w: string) => (ARTICLE_CAPS.test(w) ? w.replace(/-(.*)$/, (_, rest: string) => `-${titleCase(rest)}`) : titleCase(w));
  if (!words.some(isCaps) || words.length > 6) return undefined;
  const surname = words.filter(isCaps).map(cased).join(' ');
  const bare = words.map((w, i) => (isCaps(w, i) ? cased(w) : w)).join(' ');
  if (!/^[\p{L}' .-]+$/u.test(bare)) return undefined;
  // A monarch's one-word or regnal name ("GUILLAUME", "CHARLES III") reads as "Grand Duke Guillaume", "King Charles III".
  const regnal = words.length === 1 || words.some(numeral);
  const name = words.length === 1 ? `${title} ${bare}` : bare;
  const aliases: Alias[] = [{ text: name, kind: 'name' }];
  if (regnal && words.length > 1) aliases.push({ text: `${title} ${bare}`, kind: 'name' });
  // The shorter form news writes some long names in (a table of ours: a rule over every name made
  // "Mohammed Ali" of Guyana's Mohammed Irfaan Ali and "Kim Jong" of Kim Jong Un).
  for (const text of SHORT_NAMES[name] ?? []) aliases.push({ text, kind: 'name' });
  // Surnames link only after the full name introduced the person on the page, so even "Lee" or "Park" is safe.
  if (!regnal && surname !== name && [...surname].length > 1) aliases.push({ text: surname, kind: 'surname' });
  // …and news often drops the article: "Sudani".
  const unarticled = surname.replace(ARTICLE, '');
  if (!regnal && unarticled !== surname && [...unarticled].length > 2) aliases.push({ text: unarticled, kind: 'surname' });
  return {
    id: `person:${slug(name)}`,
    type: 'person',
    // The card is headed by the name news writes ("Cyril Ramaphosa"); the Factbook's stays an alias and the id.
    name: SHORT_NAMES[name]?.[0] ?? name,
    aliases,
    description: `${title} of ${withArticle(country)}${since ? ` since ${since}` : ''} (${role.toLowerCase()}, per the CIA World Factbook of January 2026).`,
    facts: [{ label: `${title} of ${withArticle(country)}`, value: role, ...(since && toIso(since) ? { from: toIso(since)! } : {}), asOf: AS_OF }],
    links: [{ label: 'CIA World Factbook', url: link }],
    hints: { titles: [title.toLowerCase(), `${country.toLowerCase()}'s ${title.toLowerCase()}`], context: [country.toLowerCase()], related: [countryId] },
    salience: 0.5,
    status: 'current',
    asOf: AS_OF,
    sources: ['factbook'],
  };
}

/** Written by us: how news names leaders whose Factbook names are longer. */
const SHORT_NAMES: Record<string, string[]> = {
  'Matamela Cyril Ramaphosa': ['Cyril Ramaphosa'],
  'Bola Ahmed Adekunle Tinubu': ['Bola Tinubu', 'Bola Ahmed Tinubu'],
  'Abiy Ahmed Ali': ['Abiy Ahmed'],
  'Emmerson Dambudzo Mnangagwa': ['Emmerson Mnangagwa'],
  'Alassane Dramane Ouattara': ['Alassane Ouattara'],
  'Muhammad Shehbaz Sharif': ['Shehbaz Sharif'],
  'Mikhail Vladimirovich Mishustin': ['Mikhail Mishustin'],
  'Prabowo Subianto Djojohadikusumo': ['Prabowo Subianto'],
  'John Dramani Mahama': ['John Mahama'],
  'Mahamat Idriss Déby': ['Mahamat Déby'],
  'Joao Manuel Goncalves Lourenco': ['João Lourenço', 'Joao Lourenco'],
  'Kay Rala Xanana Gusmao': ['Xanana Gusmão', 'Xanana Gusmao'],
  'Jonas Gahr Store': ['Jonas Gahr Støre'],
  'Antonio Luis Montenegro': ['Luís Montenegro', 'Luis Montenegro'],
  'Daniel Francisco Chapo': ['Daniel Chapo'],
  'Muhammad Bin Zayid Al Nuhayyan': ['Mohammed bin Zayed', 'Mohamed bin Zayed', 'Mohammed bin Zayed Al Nahyan'],
  'Gustavo Francisco Petro Urrego': ['Gustavo Petro'],
  'Nayib Armando Bukele Ortez': ['Nayib Bukele'],
  'Daniel Noboa Azin': ['Daniel Noboa'],
  'Tamim bin Hamad Al Thani': ['Tamim bin Hamad', 'Sheikh Tamim'],
  'José Raúl Mulino Quintero': ['José Raúl Mulino', 'Raúl Mulino'],
  'Luis Rodolfo Abinader Corona': ['Luis Abinader'],
  'Bernardo Arévalo de León': ['Bernardo Arévalo'],
  'Jose Daniel Ortega Saavedra': ['Daniel Ortega'],
  'José Enrique Jerí Oré': ['José Jerí'],
  'Rodrigo Paz Pereira': ['Rodrigo Paz'],
  'Salman bin Abd al-Aziz Al Saud': ['Salman bin Abdulaziz', 'King Salman'],
  'Delcy Eloína Rodríguez Gómez': ['Delcy Rodríguez', 'Delcy Rodriguez'],
  'Miguel Diaz-Canel Bermudez': ['Miguel Díaz-Canel', 'Miguel Diaz-Canel'],
  'Manuel Marrero Cruz': ['Manuel Marrero'],
  // The Factbook's capitals lose the lower case of particles: "Van Der Bellen" is "Van der Bellen".
  'Alexander Van Der Bellen': ['Alexander Van der Bellen'],
  'Marcelo Rebelo De Sousa': ['Marcelo Rebelo de Sousa'],
  'Santiago Peña Palacios': ['Santiago Peña', 'Santiago Pena'],
  'Rodrigo Chaves Robles': ['Rodrigo Chaves'],
  'Yamandú Orsi Martínez': ['Yamandú Orsi', 'Yamandu Orsi'],
  'Iris Xiomara Castro de Zelaya': ['Xiomara Castro'],
  'Xavier Espot Zamora': ['Xavier Espot'],
  'Yoweri Kaguta Museveni': ['Yoweri Museveni'],
  'Salva Kiir Mayardit': ['Salva Kiir'],
  'Mohammed Irfaan Ali': ['Irfaan Ali'],
  'Kamla Susheila Persad-Bissessar': ['Kamla Persad-Bissessar'],
  'Jose Maria Pereira Neves': ['José Maria Neves'],
  'Jose Ulisses Correia e Silva': ['Ulisses Correia e Silva'],
  'Haitham bin Tarik Al Said': ['Haitham bin Tariq', 'Sultan Haitham'],
  'Sultan Ibrahim ibni al-Marhum Sultan Iskandar': ['Sultan Ibrahim Iskandar', 'Sultan Ibrahim'],
  'Ntsokoane Samuel Matekane': ['Sam Matekane'],
  'Mohamed Ould Cheikh el Ghazouani': ['Mohamed Ould Ghazouani'],
  'Sitiveni Ligamamada Rabuka': ['Sitiveni Rabuka'],
  'Judith Suminwa Tuluka': ['Judith Suminwa'],
};

/** "United Kingdom" → "the United Kingdom", "Netherlands" → "the Netherlands"; most names take no article. */
function withArticle(country: string): string {
  return /^(United |Central African|Dominican Republic|Czech Republic|Gambia|Holy See|Vatican)|(Islands|lands|Bahamas|Philippines|Comoros|Maldives|Seychelles|Emirates)$|Republic of|Kingdom/.test(country) ? `the ${country}` : country;
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
