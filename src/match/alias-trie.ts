/**
 * A token trie over every alias in a compiled index, keyed by token hashes (`scanTokens`) and
 * built lazily: loading only puts each alias's first-token hash into an open-addressing table
 * (typed arrays, no string per alias), and the subtree under a first token is built the first time a page
 * contains it. A tab that loads 10,000 aliases builds a few hundred small subtrees. Hashes can
 * collide, so a match is confirmed against the alias's keys (`keysOf`) before it counts.
 */
import type { CompiledIndex } from '../knowledge/compile-index';
import { bitOf, hashPlainWord, keyAt, scanTokens, TokenBuffer, TokenFlag, type FirstTokenFilter } from './tokenize';

export interface TrieNode {
  /** Child by the next token's key hash (`childKey`). */
  next: Map<number, TrieNode> | undefined;
  /** Alias rows ending at this node, ascending. */
  aliases: number[] | undefined;
}

/**
 * Each alias's first-token hash, and whether that token starts with a lower-case ASCII letter
 * ("the Pentagon"): 1 when it does, 0 when not, 2 for an alias with no token (it never matches).
 * Precomputed for the bundled index (`packed-index.ts`); computed here for knowledge packs.
 */
export function firstTokensOf(texts: readonly string[]): { hash: Int32Array; lower: Uint8Array } {
  const buf = new TokenBuffer();
  const hash = new Int32Array(texts.length);
  const lower = new Uint8Array(texts.length);
  texts.forEach((text, a) => {
    // Most aliases start with a plain ASCII word: hash just that (as `scanTokens` would), not the rest.
    let h = hashPlainWord(text);
    let c = text.charCodeAt(0);
    if (h === undefined) {
      scanTokens(text, buf);
      if (buf.count === 0) {
        lower[a] = 2;
        return;
      }
      h = buf.hash[0]!;
      c = text.charCodeAt(buf.start[0]!);
    }
    hash[a] = h;
    lower[a] = c >= 97 && c <= 122 ? 1 : 0;
  });
  return { hash, lower };
}

/** Where a first-token hash starts probing in the table. */
function slotOf(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}

/**
 * The first-token hash table and filters, in one function of locals and typed arrays: it runs once
 * per tab, before the JIT has seen it, where every property access counts.
 */
function fillTables(
  hashes: Int32Array, lowers: Uint8Array, mask: number, slotHash: Int32Array, slotHead: Int32Array, nextInBucket: Int32Array,
  slotLower: Uint8Array, bitMask: number, firstBits: Int32Array, lowerBits: Int32Array,
): void {
  // Backwards, prepending, so that every bucket lists its rows in ascending order.
  for (let a = hashes.length - 1; a >= 0; a--) {
    const lower = lowers[a]!;
    if (lower === 2) continue;
    const hash = hashes[a]!;
    let s = (hash ^ (hash >>> 15)) & mask; // slotOf, inlined: no call per alias while interpreted
    while (slotHead[s] !== 0 && slotHash[s] !== hash) s = (s + 1) & mask;
    slotHash[s] = hash;
    nextInBucket[a] = slotHead[s]!;
    slotHead[s] = a + 1;
    const bit = (hash ^ (hash >>> 13)) & bitMask; // bitOf, inlined likewise
    firstBits[bit >>> 5]! |= 1 << (bit & 31);
    if (lower === 1) {
      slotLower[s] = 1;
      lowerBits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
}

/** A child's key in `TrieNode.next`: the hash cut to 30 bits, so V8 keeps it a small integer (no boxing). */
export function childKey(hash: number): number {
  return hash & 0x3fffffff;
}

export class AliasTrie implements FirstTokenFilter {
  readonly #index: CompiledIndex;
  readonly #mask: number;
  /** Open addressing on first-token hashes: the hash, and 1 + the first alias row of its bucket (0 = empty). */
  readonly #slotHash: Int32Array;
  readonly #slotHead: Int32Array;
  /** Next alias row in the same bucket, + 1 (0 = end); rows ascend within a bucket. */
  readonly #nextInBucket: Int32Array;
  /**
   * The subtrees built so far, by slot. A Map, not an array of the table's size: `new Array(16384)`
   * alone was 90% of building the trie (0.75 of 0.84 ms in Node), and a page builds a few hundred.
   */
  readonly #slotNode = new Map<number, TrieNode>();
  /** 1 when some alias of the bucket starts with a lower-case ASCII letter ("the Pentagon"). */
  readonly #slotLower: Uint8Array;
  /**
   * One bit per first-token hash (folded to the filter's size), for aliases of any case and for those
   * that start with a lower-case letter: most of a page's tokens are rejected by one read of a table
   * small enough to stay in the CPU cache, before the hash table is probed.
   */
  readonly firstBits: Int32Array;
  readonly lowerBits: Int32Array;
  readonly bitMask: number;
  readonly #keys: (string[] | undefined)[] = [];
  readonly #surfaces: (string[] | undefined)[] = [];
  readonly #buf = new TokenBuffer();

  constructor(index: CompiledIndex) {
    this.#index = index;
    const given = index.firstTokens;
    // With precomputed first tokens, the alias texts are not even split at load.
    const n = given ? given.hash.length : index.aliasText.length;
    let size = 16;
    while (size < n * 2) size *= 2;
    this.#mask = size - 1;
    this.#slotHash = new Int32Array(size);
    this.#slotHead = new Int32Array(size);
    this.#nextInBucket = new Int32Array(n);
    this.#slotLower = new Uint8Array(size);
    // About 16 bits per alias, at least 64 Kbit: few false positives, and 8 KB for the bundled index.
    let bits = 1 << 16;
    while (bits < n * 16) bits *= 2;
    this.bitMask = bits - 1;
    this.firstBits = new Int32Array(bits >>> 5);
    this.lowerBits = new Int32Array(bits >>> 5);
    // Shipped with the bundled index: no alias text is read at load.
    const { hash: hashes, lower: lowers } = given ?? firstTokensOf(index.aliasText);
    fillTables(hashes, lowers, this.#mask, this.#slotHash, this.#slotHead, this.#nextInBucket, this.#slotLower, this.bitMask, this.firstBits, this.lowerBits);
  }

  /** The slot of a first-token hash, or -1 when absent. */
  #slot(hash: number): number {
    let s = slotOf(hash, this.#mask);
    for (;;) {
      if (this.#slotHead[s] === 0) return -1;
      if (this.#slotHash[s] === hash) return s;
      s = (s + 1) & this.#mask;
    }
  }

  /**
   * The trie node after a first token with this key hash, or undefined when no alias starts with it.
   * `lowerInText`: the token in the text starts with a lower-case ASCII letter; then only aliases that
   * start with that same letter can pass the case rules (`case-rules.ts`: never "apple" for "Apple",
   * and no upper-casing gives a lower-case letter), so buckets without a lower-case start are skipped.
   * Most of a page's hits are common words ("a", "on", "it") that are also tickers or acronyms.
   */
  first(hash: number, lowerInText = false): TrieNode | undefined {
    const slot = this.#slot(hash);
    if (slot < 0 || (lowerInText && this.#slotLower[slot] === 0)) return undefined;
    return this.#slotNode.get(slot) ?? this.#build(slot);
  }

  #build(slot: number): TrieNode {
    const root: TrieNode = { next: undefined, aliases: undefined };
    const buf = this.#buf;
    // Only the path of token hashes: an alias's key and surface strings are made when a text reaches it
    // (`keysOf`, `tokensOf`), which few of a bucket's aliases ever do on one page.
    for (let a = this.#slotHead[slot]! - 1; a >= 0; a = this.#nextInBucket[a]! - 1) {
      scanTokens(this.#index.aliasText[a]!, buf);
      let node = root;
      for (let t = 1; t < buf.count; t++) {
        const key = childKey(buf.hash[t]!);
        node.next ??= new Map();
        let child = node.next.get(key);
        if (!child) {
          child = { next: undefined, aliases: undefined };
          node.next.set(key, child);
        }
        node = child;
      }
      (node.aliases ??= []).push(a);
    }
    this.#slotNode.set(slot, root);
    return root;
  }

  #strings(alias: number): void {
    const text = this.#index.aliasText[alias]!;
    const buf = this.#buf;
    scanTokens(text, buf);
    const keys: string[] = [];
    const surfaces: string[] = [];
    for (let t = 0; t < buf.count; t++) {
      const key = keyAt(text, buf, t);
      keys.push(key);
      // Punctuation compares by its plain form (the text's side does the same): "AT’T" is "AT'T".
      surfaces.push(buf.flags[t]! & TokenFlag.Word ? text.slice(buf.start[t], buf.end[t]) : key);
    }
    this.#keys[alias] = keys;
    this.#surfaces[alias] = surfaces;
  }

  /** Each token's key of an alias, made on first use. */
  keysOf(alias: number): readonly string[] {
    if (this.#keys[alias] === undefined) this.#strings(alias);
    return this.#keys[alias]!;
  }

  /** Each token's surface of an alias (for the case rules; punctuation in its plain form), made on first use. */
  tokensOf(alias: number): readonly string[] {
    if (this.#surfaces[alias] === undefined) this.#strings(alias);
    return this.#surfaces[alias]!;
  }
}

export function buildAliasTrie(index: CompiledIndex): AliasTrie {
  return new AliasTrie(index);
}
