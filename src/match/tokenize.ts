/**
 * Splits text into the tokens the matcher compares: runs of letters/digits (words) and single
 * punctuation characters. Keys are lower-cased and normalised so that typographic variants match:
 * curly apostrophes, Unicode hyphens, soft hyphens and zero-width characters inside words, and
 * non-breaking spaces all read as their plain forms. Offsets always point into the original text.
 *
 * Two implementations with one contract: `tokenize` is the plain reference (a `Token` object and a
 * key string per token), and `scanTokens` the one the matcher runs on every page: it writes offsets
 * and a hash of each key into reused typed arrays, folding ASCII case on the fly, so a page's
 * hundreds of thousands of words allocate nothing (REFERENCE.md: tokenise + hash is the fastest
 * matcher design). Keys become strings only on a hit (`keyAt`). A property test keeps them equal.
 */

export interface Token {
  start: number;
  /** Exclusive. */
  end: number;
  /** Normalised, lower-cased form used for lookup. */
  key: string;
  isWord: boolean;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

const enum CharClass {
  Word,
  Space,
  Ignorable,
  Punct,
}

/** Classes of BMP characters above ASCII, filled on first sight (0 = not yet known, else class + 1). */
const nonAsciiClass = new Uint8Array(0x10000);

function classify(code: number, text: string, at: number): CharClass {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return CharClass.Word;
    if (code === 32 || (code >= 9 && code <= 13)) return CharClass.Space;
    return CharClass.Punct;
  }
  const known = nonAsciiClass[code]!;
  if (known !== 0) return known - 1;
  const cls = classifyNonAscii(code, text, at);
  // Surrogates are classed by code alone, like every other BMP unit: safe to cache.
  nonAsciiClass[code] = cls + 1;
  return cls;
}

function classifyNonAscii(code: number, text: string, at: number): CharClass {
  // Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, and sites put them inside names.
  if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return CharClass.Ignorable;
  if (code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x2028 || code === 0x2029 || code === 0x85) {
    return CharClass.Space;
  }
  // Lone surrogates belong to astral letters or emoji; treating them as word characters keeps pairs together.
  if (code >= 0xd800 && code <= 0xdfff) return CharClass.Word;
  return NON_ASCII_WORD.test(text[at]!) ? CharClass.Word : CharClass.Punct;
}

/** Plain forms for punctuation that news sites write in several typographic variants. */
function punctKey(ch: string): string {
  switch (ch) {
    case '\u2019':
    case '\u2018':
    case '\u02bc':
    case '\u2032':
      return "'";
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
      return '-';
    case '\uff0e':
      return '.';
    default:
      return ch;
  }
}

/** The reference tokenizer: simple, one object per token. The matcher uses `scanTokens`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = classify(code, text, i);
    if (cls === CharClass.Space || cls === CharClass.Ignorable) {
      i++;
      continue;
    }
    if (cls === CharClass.Punct) {
      tokens.push({ start: i, end: i + 1, key: punctKey(text[i]!), isWord: false });
      i++;
      continue;
    }
    const word = slowWord(text, i);
    tokens.push({ start: i, end: word.end, key: word.key, isWord: true });
    i = word.next;
  }
  return tokens;
}

/** A word from `start` on: its key, its end (before trailing ignorables) and where scanning resumes. */
function slowWord(text: string, start: number): { key: string; end: number; next: number } {
  const n = text.length;
  let i = start;
  let key = '';
  let runStart = i;
  while (i < n) {
    const k = classify(text.charCodeAt(i), text, i);
    if (k === CharClass.Word) {
      i++;
    } else if (k === CharClass.Ignorable) {
      key += text.slice(runStart, i);
      i++;
      runStart = i;
    } else break;
  }
  key += text.slice(runStart, i);
  // Trailing ignorables belong outside the token so ranges end on a visible character.
  let end = i;
  while (end > start && classify(text.charCodeAt(end - 1), text, end - 1) === CharClass.Ignorable) end--;
  return { key: key.toLowerCase(), end, next: i };
}

/** The visible characters of a token's surface, without soft hyphens or zero-width characters. */
export function visibleSurface(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) continue;
    out += text[i];
  }
  return out;
}

// ---- The fast path ----

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over a key's UTF-16 units: `scanTokens` computes the same value without the string. */
export function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

/** ASCII word characters → their lower-case code; 0 for anything else. */
export const ASCII_FOLD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_FOLD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_FOLD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_FOLD[c] = c + 32;

export const TokenFlag = {
  Word: 1,
  /** The key is not the ASCII lower case of the surface: it is kept in `special`. */
  Special: 2,
} as const;

/** Tokens as parallel typed arrays, reused from one text to the next. */
export class TokenBuffer {
  count = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  hash = new Int32Array(1024);
  flags = new Uint8Array(1024);
  /** Keys of words that took the slow path (non-ASCII letters, ignorables inside), by token. */
  readonly special = new Map<number, string>();

  grow(): void {
    const size = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
    this.start = copy(this.start, new Int32Array(size));
    this.end = copy(this.end, new Int32Array(size));
    this.hash = copy(this.hash, new Int32Array(size));
    this.flags = copy(this.flags, new Uint8Array(size));
  }
}

/** Fills `buf` with the tokens of `text`: the same tokens, in order, as `tokenize`, with `hashKey` of each key. */
export function scanTokens(text: string, buf: TokenBuffer): void {
  if (buf.special.size > 0) buf.special.clear();
  const n = text.length;
  // Locals, not `buf.…`, in the loop: refreshed only when the buffer grows.
  let starts = buf.start;
  let ends = buf.end;
  let hashes = buf.hash;
  let flags = buf.flags;
  let count = 0;
  let i = 0;
  while (i < n) {
    if (count === starts.length) {
      buf.grow();
      ({ start: starts, end: ends, hash: hashes, flags } = buf);
    }
    let c = text.charCodeAt(i);
    if (c < 128) {
      let f = ASCII_FOLD[c]!;
      if (f === 0) {
        if (c === 32 || (c >= 9 && c <= 13)) {
          i++;
          continue;
        }
        starts[count] = i;
        ends[count] = i + 1;
        hashes[count] = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
        flags[count] = 0;
        count++;
        i++;
        continue;
      }
      // An ASCII word: hash its lower case as we go.
      const start = i;
      let h = FNV_OFFSET;
      for (;;) {
        h = Math.imul(h ^ f, FNV_PRIME);
        if (++i === n) break;
        c = text.charCodeAt(i);
        if (c >= 128 || (f = ASCII_FOLD[c]!) === 0) break;
      }
      // A non-ASCII letter or an ignorable inside the word: redo this one word the reference way.
      if (i < n && c >= 128) {
        const cls = classify(c, text, i);
        if (cls === CharClass.Word || cls === CharClass.Ignorable) {
          i = pushSlowWord(text, start, buf, count);
          count++;
          continue;
        }
      }
      starts[count] = start;
      ends[count] = i;
      hashes[count] = h;
      flags[count] = TokenFlag.Word;
      count++;
      continue;
    }
    const cls = classify(c, text, i);
    if (cls === CharClass.Space || cls === CharClass.Ignorable) {
      i++;
    } else if (cls === CharClass.Punct) {
      starts[count] = i;
      ends[count] = i + 1;
      hashes[count] = hashKey(punctKey(text[i]!));
      flags[count] = 0;
      count++;
      i++;
    } else {
      i = pushSlowWord(text, i, buf, count);
      count++;
    }
  }
  buf.count = count;
}

function pushSlowWord(text: string, start: number, buf: TokenBuffer, at: number): number {
  const word = slowWord(text, start);
  buf.start[at] = start;
  buf.end[at] = word.end;
  buf.hash[at] = hashKey(word.key);
  buf.flags[at] = TokenFlag.Word | TokenFlag.Special;
  buf.special.set(at, word.key);
  return word.next;
}

/** The key of token `t` in `buf` (as `tokenize` gives it), made only when asked. */
export function keyAt(text: string, buf: TokenBuffer, t: number): string {
  const flags = buf.flags[t]!;
  if (flags & TokenFlag.Special) return buf.special.get(t)!;
  if (flags & TokenFlag.Word) return text.slice(buf.start[t], buf.end[t]).toLowerCase();
  return punctKey(text[buf.start[t]!]!);
}

/** `tokenize(text)` from the fast scanner: what the linker reads when it needs a block's words. */
export function tokenObjects(text: string, buf: TokenBuffer): Token[] {
  scanTokens(text, buf);
  const tokens = new Array<Token>(buf.count);
  for (let t = 0; t < buf.count; t++) {
    tokens[t] = { start: buf.start[t]!, end: buf.end[t]!, key: keyAt(text, buf, t), isWord: (buf.flags[t]! & TokenFlag.Word) !== 0 };
  }
  return tokens;
}
