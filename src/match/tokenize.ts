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

import { CharClass, classify, isInvisible } from './char-class';

export interface Token {
  start: number;
  /** Exclusive. */
  end: number;
  /** Normalised, lower-cased form used for lookup. */
  key: string;
  isWord: boolean;
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
  // Almost always none: one slice, not a string built a character at a time.
  let invisible = false;
  for (let i = start; i < end && !invisible; i++) invisible = isInvisible(text.charCodeAt(i));
  if (!invisible) return text.slice(start, end);
  let out = '';
  for (let i = start; i < end; i++) if (!isInvisible(text.charCodeAt(i))) out += text[i];
  return out;
}

// ---- The fast path ----

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over a key's UTF-16 units: `scanTokens` computes the same value without the string. */
export function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

/** ASCII word characters → their lower-case code; 0 for anything else. */
const ASCII_FOLD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_FOLD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_FOLD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_FOLD[c] = c + 32;

export const TokenFlag = {
  Word: 1,
  /** The key is not the ASCII lower case of the surface: it is kept in `special`. */
  Special: 2,
  /** An ASCII word that starts with a lower-case letter ("the", "on"): most of a page's words. */
  Lower: 4,
} as const;

/** Tokens as parallel typed arrays, reused from one text to the next. */
export class TokenBuffer {
  count = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  hash = new Int32Array(1024);
  flags = new Uint8Array(1024);
  /** With a `FirstTokenFilter`: the tokens that may start an alias, ascending, and how many. */
  hits = new Int32Array(1024);
  hitCount = 0;
  /** Keys of words that took the slow path (non-ASCII letters, ignorables inside), by token. */
  readonly special = new Map<number, string>();

  grow(): void {
    const size = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
    this.start = copy(this.start, new Int32Array(size));
    this.end = copy(this.end, new Int32Array(size));
    this.hash = copy(this.hash, new Int32Array(size));
    this.flags = copy(this.flags, new Uint8Array(size));
    this.hits = copy(this.hits, new Int32Array(size));
  }
}

/** Bytes that end an ASCII word run: everything but [0-9A-Za-z]; 0x80+ go to the slow path. */
const BYTE_FOLD = new Uint8Array(256);
BYTE_FOLD.set(ASCII_FOLD);

const encoder = new TextEncoder();
/** The text as UTF-8, reused: a typed-array walk is 2–4× faster than `charCodeAt` in V8. */
let utf8 = new Uint8Array(4096);

/**
 * A bit set over first-token hashes (`bitOf(hash) & bitMask`), for aliases of any case and, from
 * `lowerOffset` on, for those starting with a lower-case letter (`alias-trie.ts`); lets the scanner
 * note which tokens may start an alias while the hash is still in a register, so the matcher never
 * walks the rest.
 */
export interface FirstTokenFilter {
  /** Two halves, any case then lower-case start: one array so the scanner picks the half by arithmetic, not by a branch. */
  readonly startBits: Int32Array;
  readonly bitMask: number;
  /** Where the lower-case half starts, in bits (`bitMask + 1`). */
  readonly lowerOffset: number;
  /**
   * A second bit per first token, any case, at `secondBitOf(hash, secondShift)`: a token passes only
   * when both bits are set. One bit let common tokens through by collision (the apostrophe, 1 in 8 of
   * a page's hits); the second, a different function of the hash, stops most of them.
   */
  readonly secondBits: Int32Array;
  readonly secondShift: number;
}

/** Where a first-token hash sits in a `FirstTokenFilter` (before masking to its size). */
export function bitOf(hash: number): number {
  return hash ^ (hash >>> 13);
}

/** Where a first-token hash sits in `secondBits` (32 − `secondShift` bits): the top bits of a multiplicative hash. */
export function secondBitOf(hash: number, secondShift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> secondShift;
}

const NO_FILTER: FirstTokenFilter = { startBits: new Int32Array(1), bitMask: 0, lowerOffset: 0, secondBits: new Int32Array(1), secondShift: 27 };

/**
 * Fills `buf` with the tokens of `text`: the same tokens, in order, as `tokenize`, with `hashKey` of
 * each key. The text is encoded to UTF-8 once and ASCII is scanned as bytes; any non-ASCII character
 * is classified on the string itself, as `tokenize` does, and `delta` (bytes read minus UTF-16 units)
 * maps byte positions back to the string's offsets. With a `filter`, `buf.hits` lists the tokens
 * that may start an alias. Without one, the same code runs with an empty filter (no token is listed):
 * two paths through this function made V8 drop its optimised code when the linker first scanned
 * without a filter.
 */
export function scanTokens(text: string, buf: TokenBuffer, filter?: FirstTokenFilter): void {
  if (buf.special.size > 0) buf.special.clear();
  if (utf8.length <= text.length * 3) utf8 = new Uint8Array(Math.max(text.length * 3 + 1, utf8.length * 2));
  const bytes = utf8;
  const n = encodeUtf8(text, bytes);
  // A space after the end lets the word loop run without a bounds check.
  bytes[n] = 32;
  // Locals, not `buf.…`, in the loop: refreshed only when the buffer grows.
  let starts = buf.start;
  let ends = buf.end;
  let hashes = buf.hash;
  let flags = buf.flags;
  let hits = buf.hits;
  const { startBits, bitMask, lowerOffset, secondBits, secondShift } = filter ?? NO_FILTER;
  let hitCount = 0;
  let count = 0;
  let delta = 0;
  let i = 0;
  while (i < n) {
    // Every token takes at least one byte, so a stretch of the text no longer than the room left
    // in the buffer cannot overflow it: the room is checked once a stretch, not once a token.
    if (starts.length - count < 256) {
      buf.grow();
      ({ start: starts, end: ends, hash: hashes, flags, hits } = buf);
    }
    const stop = Math.min(n, i + starts.length - count);
    while (i < stop) {
      const c = bytes[i]!;
      let f = BYTE_FOLD[c]!;
      if (f !== 0) {
        // An ASCII word: hash its lower case as we go.
        const start = i;
        let h = FNV_OFFSET;
        do {
          h = Math.imul(h ^ f, FNV_PRIME);
          f = BYTE_FOLD[bytes[++i]!]!;
        } while (f !== 0);
        // A non-ASCII letter or an ignorable inside the word: redo this one word the reference way.
        if (bytes[i]! >= 128 && i < n) {
          const cls = classify(text.charCodeAt(i - delta), text, i - delta);
          if (cls === CharClass.Word || cls === CharClass.Ignorable) {
            const from = start - delta;
            const next = pushSlowWord(text, from, buf, count);
            if (passes(hashes[count]!, startBits, 0, bitMask, secondBits, secondShift)) hits[hitCount++] = count;
            count++;
            const byteLength = utf8Length(text, from, next);
            i = start + byteLength;
            delta += byteLength - (next - from);
            continue;
          }
        }
        starts[count] = start - delta;
        ends[count] = i - delta;
        hashes[count] = h;
        // 1 when the word starts with a lower-case letter (c ≥ 97), without a branch: which case a word
        // starts with is a coin toss the CPU mispredicts, and that branch was 7% of the scan.
        const lower = (96 - c) >>> 31;
        flags[count] = TokenFlag.Word | (lower * TokenFlag.Lower);
        if (passes(h, startBits, lowerOffset & -lower, bitMask, secondBits, secondShift)) hits[hitCount++] = count;
        count++;
        // Most words end at a space: stepped over here, not by another turn of the outer loop.
        if (bytes[i] === 32) i++;
        continue;
      }
      if (c < 128) {
        if (c !== 32 && (c < 9 || c > 13)) {
          starts[count] = i - delta;
          ends[count] = i - delta + 1;
          const h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
          hashes[count] = h;
          flags[count] = 0;
          if (passes(h, startBits, 0, bitMask, secondBits, secondShift)) hits[hitCount++] = count;
          count++;
        }
        i++;
        continue;
      }
      // A non-ASCII character: classify it on the string.
      const at = i - delta;
      const cls = classify(text.charCodeAt(at), text, at);
      let next = at + 1;
      if (cls === CharClass.Punct) {
        starts[count] = at;
        ends[count] = next;
        const h = hashKey(punctKey(text[at]!));
        hashes[count] = h;
        flags[count] = 0;
        if (passes(h, startBits, 0, bitMask, secondBits, secondShift)) hits[hitCount++] = count;
        count++;
      } else if (cls === CharClass.Word) {
        next = pushSlowWord(text, at, buf, count);
        if (passes(hashes[count]!, startBits, 0, bitMask, secondBits, secondShift)) hits[hitCount++] = count;
        count++;
      }
      const byteLength = utf8Length(text, at, next);
      i += byteLength;
      delta += byteLength - (next - at);
    }
  }
  buf.count = count;
  buf.hitCount = hitCount;
}

/** Whether a token with this hash may start an alias: its bit in `bits` from `offset` (any case, or lower-case start) and its second bit. */
function passes(hash: number, bits: Int32Array, offset: number, bitMask: number, secondBits: Int32Array, secondShift: number): boolean {
  const bit = (bitOf(hash) & bitMask) + offset;
  if ((bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  const second = secondBitOf(hash, secondShift);
  return (secondBits[second >>> 5]! & (1 << (second & 31))) !== 0;
}

/** Below this length a loop here encodes faster than `encodeInto`, whose call alone costs a tab 1.5 µs. */
const NATIVE_ENCODE_MIN = 256;

/**
 * `text` as UTF-8 into `bytes` (large enough), as `TextEncoder.encodeInto` writes it, lone surrogates
 * as U+FFFD; returns the bytes written. Most blocks of a page, and every alias, are short.
 */
export function encodeUtf8(text: string, bytes: Uint8Array): number {
  const n = text.length;
  if (n >= NATIVE_ENCODE_MIN) return encoder.encodeInto(text, bytes).written;
  let j = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes[j++] = c;
    } else if (c < 0x800) {
      bytes[j++] = 0xc0 | (c >> 6);
      bytes[j++] = 0x80 | (c & 63);
    } else {
      if ((c & 0xfc00) === 0xd800 && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
        bytes[j++] = 0xf0 | (cp >> 18);
        bytes[j++] = 0x80 | ((cp >> 12) & 63);
        bytes[j++] = 0x80 | ((cp >> 6) & 63);
        bytes[j++] = 0x80 | (cp & 63);
        continue;
      }
      if ((c & 0xf800) === 0xd800) c = 0xfffd;
      bytes[j++] = 0xe0 | (c >> 12);
      bytes[j++] = 0x80 | ((c >> 6) & 63);
      bytes[j++] = 0x80 | (c & 63);
    }
  }
  return j;
}

/** How many bytes `TextEncoder` writes for `text[from..to)`: a lone surrogate becomes U+FFFD (3 bytes). */
function utf8Length(text: string, from: number, to: number): number {
  let len = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) len += 1;
    else if (c < 0x800) len += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < to && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      len += 4;
      k++;
    } else len += 3;
  }
  return len;
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
