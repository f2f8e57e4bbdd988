/**
 * A token trie over the aliases of an index, in flat typed arrays keyed by token hashes
 * (`scanTokens`). It is compiled where the knowledge is compiled: the build ships the bundled index's
 * (`packed-index.ts`), so the worker reads it and builds nothing. Building it at run time (a hash
 * table of first tokens, then each subtree a page reached) cost a cold tab, where matching ran
 * before, 4–9 ms plus 6–16 ms on cnn: the code runs interpreted, and it tokenised hundreds of aliases. Hashes can collide, so a match is
 * confirmed against the alias's keys (`keysOf`) before it counts.
 *
 * An index merged from the bundled one and the reader's packs (`mergeIndexes`) keeps the bundled
 * trie and adds the packs' as a second part (`TriePart`), so a pack costs only its own aliases.
 */
import type { CompiledIndex, Rows } from '../knowledge/compile-index';
import { bitOf, keyAt, scanTokens, secondBitOf, TokenBuffer, TokenFlag, type FirstTokenFilter } from './tokenize';

/**
 * Nodes in breadth-first order. Nodes 0 … roots − 1 are the aliases' first tokens, and the children
 * of node k are nodes childStart[k] … childStart[k + 1] − 1; siblings ascend by hash (unsigned). The
 * aliases that end at node k are aliasRows[aliasStart[k] … aliasStart[k + 1] − 1], ascending.
 */
export interface TrieTables {
  /** The token hash that leads to each node. */
  readonly nodeHash: Int32Array;
  readonly childStart: Int32Array;
  readonly aliasStart: Int32Array;
  readonly aliasRows: Int32Array;
  /** Per first token: 1 when some alias starting with it starts with a lower-case ASCII letter ("the Pentagon"). */
  readonly rootLower: Uint8Array;
  /** The first tokens whose hash has `r` as its top bits are roots radix[r] … radix[r + 1] − 1. */
  readonly radix: Int32Array;
  /** The first-token filter (`FirstTokenFilter`), one bit per folded hash, for any case and for a lower-case start. */
  readonly firstBits: Int32Array;
  readonly lowerBits: Int32Array;
}

/** The tables' names, in the order `packTrie` writes them. */
export const TRIE_TABLES = ['nodeHash', 'childStart', 'aliasStart', 'aliasRows', 'rootLower', 'radix', 'firstBits', 'lowerBits'] as const;

/** A trie and how its alias rows map to the index's: `rowMap[row]` (−1: dropped), else `row + rowOffset`. */
export interface TriePart {
  readonly tables: TrieTables;
  readonly rowOffset: number;
  readonly rowMap?: Int32Array;
}

interface Building {
  hash: number;
  children: Map<number, Building> | undefined;
  rows: number[] | undefined;
  lower: boolean;
}

const byUnsignedHash = (a: Building, b: Building) => (a.hash >>> 0) - (b.hash >>> 0);

/**
 * The trie of `texts` (alias rows, in order): at build time for the bundled index, when a pack is
 * saved, and in the worker for a pack index stored without one. An alias with no token (blank text) is left out: it never matches.
 */
export function compileTrie(texts: Rows): TrieTables {
  const buf = new TokenBuffer();
  const roots = new Map<number, Building>();
  for (let row = 0; row < texts.length; row++) {
    const text = texts.at(row)!;
    scanTokens(text, buf);
    if (buf.count === 0) continue;
    let node: Building | undefined;
    for (let t = 0; t < buf.count; t++) {
      const level = node ? (node.children ??= new Map()) : roots;
      const hash = buf.hash[t]!;
      node = level.get(hash);
      if (!node) level.set(hash, (node = { hash, children: undefined, rows: undefined, lower: false }));
      if (t === 0) {
        const c = text.charCodeAt(buf.start[0]!);
        if (c >= 97 && c <= 122) node.lower = true;
      }
    }
    (node!.rows ??= []).push(row);
  }
  // Breadth-first: a node's children get consecutive numbers, so one offset per node finds them.
  const order = [...roots.values()].sort(byUnsignedHash);
  const rootCount = order.length;
  const childStart: number[] = [];
  for (let k = 0; k < order.length; k++) {
    childStart.push(order.length);
    const children = order[k]!.children;
    if (children) order.push(...[...children.values()].sort(byUnsignedHash));
  }
  childStart.push(order.length);
  const aliasStart = new Int32Array(order.length + 1);
  const aliasRows: number[] = [];
  order.forEach((node, k) => {
    aliasStart[k] = aliasRows.length;
    if (node.rows) aliasRows.push(...node.rows);
  });
  aliasStart[order.length] = aliasRows.length;

  let radixBits = 8;
  while (radixBits < 20 && 1 << radixBits < rootCount) radixBits++;
  const radix = new Int32Array((1 << radixBits) + 1);
  for (let k = 0, r = 0; r <= 1 << radixBits; r++) {
    while (k < rootCount && order[k]!.hash >>> (32 - radixBits) < r) k++;
    radix[r] = k;
  }
  // One read rejects most of a page's words.
  const bits = filterBits(rootCount);
  const firstBits = new Int32Array(bits >>> 5);
  const lowerBits = new Int32Array(bits >>> 5);
  const rootLower = new Uint8Array(rootCount);
  for (let k = 0; k < rootCount; k++) {
    rootLower[k] = order[k]!.lower ? 1 : 0;
    markFirstToken(firstBits, lowerBits, 0, bits - 1, order[k]!.hash, order[k]!.lower);
  }
  return {
    nodeHash: Int32Array.from(order, (node) => node.hash), childStart: Int32Array.from(childStart), aliasStart,
    aliasRows: Int32Array.from(aliasRows), rootLower, radix, firstBits, lowerBits,
  };
}

/** The size of a bit filter over `items` (a power of two): about 16 bits each, at least 64 Kbit. */
function filterBits(items: number): number {
  let bits = 1 << 16;
  while (bits < items * 16) bits *= 2;
  return bits;
}

function setBit(bits: Int32Array, bit: number): void {
  bits[bit >>> 5]! |= 1 << (bit & 31);
}

/**
 * Sets a first token's bit (`bitOf(hash) & mask`) in `any`, and, when an alias starts with it in lower
 * case, in `lower` from bit `lowerFrom` on (the shipped tables are two arrays; `AliasTrie` joins them).
 */
function markFirstToken(any: Int32Array, lower: Int32Array, lowerFrom: number, mask: number, hash: number, isLower: boolean): void {
  const bit = bitOf(hash) & mask;
  setBit(any, bit);
  if (isLower) setBit(lower, lowerFrom + bit);
}

/** The child of `node` reached by a token with this hash, or −1. */
export function childOf(tables: TrieTables, node: number, hash: number): number {
  const nodeHash = tables.nodeHash;
  let lo = tables.childStart[node]!;
  let hi = tables.childStart[node + 1]! - 1;
  const key = hash >>> 0;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const h = nodeHash[mid]! >>> 0;
    if (h === key) return mid;
    if (h < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The node of a first token with this hash, or −1 when no alias starts with it. `lowerInText`: the
 * token in the text starts with a lower-case ASCII letter; then only aliases that start with that same
 * letter can pass the case rules (`case-rules.ts`: never "apple" for "Apple", and no upper-casing
 * gives a lower-case letter), so first tokens without a lower-case start are skipped. Most of a page's
 * hits are common words ("a", "on", "it") that are also tickers or acronyms.
 */
export function rootOf(tables: TrieTables, hash: number, lowerInText: boolean): number {
  const radix = tables.radix;
  const key = hash >>> 0;
  const r = key >>> (1 + Math.clz32(radix.length - 1)); // the top log2(radix.length - 1) bits
  const nodeHash = tables.nodeHash;
  for (let k = radix[r]!, end = radix[r + 1]!; k < end; k++) {
    const h = nodeHash[k]! >>> 0;
    if (h === key) return lowerInText && tables.rootLower[k] === 0 ? -1 : k;
    if (h > key) break;
  }
  return -1;
}

/** Where an alias's first two tokens (by hash) sit in `AliasTrie.pairBits` (32 − `shift` bits). */
export function pairBitOf(first: number, second: number, shift: number): number {
  return Math.imul(first ^ Math.imul(second, 0x85ebca6b), 0x9e3779b1) >>> shift;
}

/** Where a first token that is an alias by itself sits in `AliasTrie.wholeBits` (32 − `shift` bits). */
export function wholeBitOf(hash: number, shift: number): number {
  return Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) >>> shift;
}

export class AliasTrie implements FirstTokenFilter {
  readonly #index: CompiledIndex;
  readonly parts: readonly TriePart[];
  readonly startBits: Int32Array;
  readonly bitMask: number;
  readonly lowerOffset: number;
  readonly secondBits: Int32Array;
  readonly secondShift: number;
  /**
   * One bit per first and second token of an alias (`pairBitOf`), any part: most first tokens a page
   * has that start no name here start a longer one elsewhere ("the" of "the Pentagon": a quarter of
   * a page's look-ups), and one bit test turns them away before the search among their children.
   */
  readonly pairBits: Int32Array;
  readonly pairShift: number;
  /**
   * One bit per first token that is an alias by itself ("Trump", "CISA"), any part, at
   * `wholeBitOf`. With the pair bit clear, only such an alias can match; most first tokens a page
   * has are not one ("the" alone is 1 in 4 of a bundled page's look-ups, "The", "News", "New"), and
   * the two bits turn them away before the search among the roots.
   */
  readonly wholeBits: Int32Array;
  readonly wholeShift: number;
  /**
   * Made on first use, by alias row. Filled with `undefined` up front: written at scattered rows, an
   * empty array turns into a dictionary, and its look-ups were a tenth of the matcher's time.
   */
  readonly #keys: (readonly string[] | undefined)[];
  readonly #surfaces: (readonly string[] | undefined)[];
  /** 1 where every letter of the alias is a capital ("IT", "NOW", "U.S."), once its strings are made. */
  readonly #allCaps: Uint8Array;
  readonly #buf = new TokenBuffer();

  constructor(index: CompiledIndex) {
    this.#index = index;
    this.#keys = new Array<readonly string[] | undefined>(index.aliasText.length).fill(undefined);
    this.#surfaces = this.#keys.slice();
    this.#allCaps = new Uint8Array(index.aliasText.length);
    this.parts = index.trieParts ?? [{ tables: compileTrie(index.aliasText), rowOffset: 0 }];
    const filters = this.parts.map((p) => p.tables);
    // One filter for all parts: the widest's two halves side by side, with the others' first tokens added.
    const widest = filters.reduce((a, b) => (b.firstBits.length > a.firstBits.length ? b : a));
    const words = widest.firstBits.length;
    this.startBits = new Int32Array(words * 2);
    this.startBits.set(widest.firstBits);
    this.startBits.set(widest.lowerBits, words);
    this.bitMask = words * 32 - 1;
    this.lowerOffset = words * 32;
    for (const t of filters) {
      if (t === widest) continue;
      for (let k = 0; k < t.rootLower.length; k++) markFirstToken(this.startBits, this.startBits, this.lowerOffset, this.bitMask, t.nodeHash[k]!, t.rootLower[k] === 1);
    }
    // The second filter is made here, not shipped: it is a few thousand writes, and packs saved by
    // an earlier version load as they are.
    let roots = 0;
    let pairs = 0;
    for (const t of filters) {
      roots += t.rootLower.length;
      pairs += t.childStart[t.rootLower.length]! - t.rootLower.length;
    }
    const secondBits = filterBits(roots);
    this.secondBits = new Int32Array(secondBits >>> 5);
    this.secondShift = 32 - Math.log2(secondBits);
    this.wholeBits = new Int32Array(secondBits >>> 5);
    this.wholeShift = this.secondShift;
    const pairBits = filterBits(pairs);
    this.pairBits = new Int32Array(pairBits >>> 5);
    this.pairShift = 32 - Math.log2(pairBits);
    for (const t of filters) {
      for (let k = 0; k < t.rootLower.length; k++) {
        setBit(this.secondBits, secondBitOf(t.nodeHash[k]!, this.secondShift));
        if (t.aliasStart[k] !== t.aliasStart[k + 1]) setBit(this.wholeBits, wholeBitOf(t.nodeHash[k]!, this.wholeShift));
        // Depth-1 nodes are the second tokens: the children of the roots.
        for (let c = t.childStart[k]!, end = t.childStart[k + 1]!; c < end; c++) setBit(this.pairBits, pairBitOf(t.nodeHash[k]!, t.nodeHash[c]!, this.pairShift));
      }
    }
  }

  #strings(alias: number): void {
    const text = this.#index.aliasText.at(alias)!;
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
    this.#allCaps[alias] = text === text.toUpperCase() ? 1 : 0;
  }

  /**
   * Whether every letter of the alias is a capital. Such an alias passes the case rules only as
   * spelled (`case-rules.ts`: its capitalised and its all-caps forms are itself): the tickers "IT",
   * "ON", "NOW" need no closer look at "It", "On", "Now".
   */
  isAllCaps(alias: number): boolean {
    if (this.#surfaces[alias] === undefined) this.#strings(alias);
    return this.#allCaps[alias] === 1;
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
