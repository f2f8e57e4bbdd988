/**
 * Finds every place in a block of text where an alias matches (leftmost, then longest, unless a
 * longer one starts inside it), with the
 * alias rows whose case rules the surface passes. Which entity it means is decided later, with
 * the whole page in view (`link-mentions.ts`).
 *
 * Tokens are hashed into a reused buffer while the scanner notes which may start an alias; only
 * those are walked down the hash trie, and strings are made only where a path reaches an alias.
 * The scan's word hashes are also the page's words that the linker's context rules count
 * (`findCandidatesInBlocks`' `words`).
 */
import { AliasFlag, type CompiledIndex } from '../knowledge/compile-index';
import { childOf, pairBitOf, rootOf, wholeBitOf, type AliasTrie, type TriePart } from './alias-trie';
import { caseMatches } from './case-rules';
import type { IntSet } from './int-set';
import { keyAt, scanTokens, TokenBuffer, TokenFlag, visibleSurface } from './tokenize';

export interface Candidate {
  start: number;
  end: number;
  /** How many tokens (`tokenize`) the match spans. */
  tokenCount: number;
  /** Alias rows that match here (several entities can share one alias). */
  aliases: number[];
  /** The word token just before the match ("Tom" in "Tom Ford"), or -1 when the previous token is not a word or there is none. */
  prevStart: number;
  prevEnd: number;
}

/** Made with `new`, not as a literal, so V8 does not move a literal's objects to the old generation (`PageBlock` in `link-mentions.ts`). */
class FoundCandidate implements Candidate {
  constructor(
    public start: number,
    public end: number,
    public tokenCount: number,
    public aliases: number[],
    public prevStart: number,
    public prevEnd: number,
  ) {}
}

export interface BlockMatches {
  readonly candidates: readonly Candidate[];
}

/** Made with `new`, as `FoundCandidate` is. */
class FoundMatches implements BlockMatches {
  constructor(readonly candidates: readonly Candidate[]) {}
}

/** Most blocks of a page hold no name: they share this result rather than allocate their own. */
const NO_MATCHES: BlockMatches = Object.freeze({ candidates: Object.freeze([]) });

/** One buffer for every block: matching is synchronous and never nested. */
const buf = new TokenBuffer();

/** Trie nodes holding aliases along the current paths, each with its part and the token it ends on (reused). */
const endNodes: number[] = [];
const endParts: number[] = [];
const endTokens: number[] = [];

export function findCandidates(text: string, index: CompiledIndex, trie: AliasTrie): BlockMatches {
  // The scanner notes the tokens whose hash passes the trie's first-token filter: only those are looked up.
  scanTokens(text, buf, trie);
  const flags = buf.flags;
  const hits = buf.hits;
  const hitCount = buf.hitCount;
  let candidates: Candidate[] | undefined;
  // Tokens before `from` are inside an earlier match (leftmost-longest, no overlaps).
  let from = 0;
  for (let h = 0; h < hitCount; h++) {
    let i = hits[h]!;
    if (i < from || !mayStartAt(i, trie)) continue;
    let last = longestAt(i, text, index, trie);
    if (last < 0) continue;
    let ok = matched;
    // A longer match that starts inside this one and ends after it wins: "the Bureau of Land
    // Management" is the bureau, not "the Bureau" (the FBI) followed by "of Land Management".
    for (let k = h + 1; k < hitCount && hits[k]! <= last; k++) {
      const j = hits[k]!;
      if (!mayStartAt(j, trie)) continue;
      const end = longestAt(j, text, index, trie);
      if (end > last && end - j > last - i) {
        i = j;
        last = end;
        ok = matched;
      }
    }
    const prevIsWord = i > 0 && (flags[i - 1]! & TokenFlag.Word) !== 0;
    (candidates ??= []).push(new FoundCandidate(buf.start[i]!, buf.end[last]!, last - i + 1, ok!, prevIsWord ? buf.start[i - 1]! : -1, prevIsWord ? buf.end[i - 1]! : -1));
    from = last + 1;
  }
  return candidates ? new FoundMatches(candidates) : NO_MATCHES;
}

/**
 * False when no alias can start at token `i`: the token and the next start none (the pair bit), and
 * the token is no alias by itself (the whole bit). Most of a page's first tokens are turned away here
 * ("the" of "the Pentagon", "The", "New", "News"), before `longestAt` searches the roots.
 */
function mayStartAt(i: number, trie: AliasTrie): boolean {
  const hash = buf.hash;
  if (i + 1 < buf.count) {
    const bit = pairBitOf(hash[i]!, hash[i + 1]!, trie.pairShift);
    if ((trie.pairBits[bit >>> 5]! & (1 << (bit & 31))) !== 0) return true;
  }
  const bit = wholeBitOf(hash[i]!, trie.wholeShift);
  return (trie.wholeBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

/** The alias rows of the latest match `longestAt` found. */
let matched: number[] | undefined;

/**
 * The last token of the longest alias match starting at token `i` whose surface passes the case rules,
 * with its alias rows (of every part that has one ending there) in `matched`; -1 when none does.
 */
function longestAt(i: number, text: string, index: CompiledIndex, trie: AliasTrie): number {
  const count = buf.count;
  const hash = buf.hash;
  const flags = buf.flags;
  const parts = trie.parts;
  // Whether some alias starts with this token and the next (else only one-token aliases can match here).
  let pair = false;
  if (i + 1 < count) {
    const bit = pairBitOf(hash[i]!, hash[i + 1]!, trie.pairShift);
    pair = (trie.pairBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
  // Every alias-ending node along the longest path in each part (the bundled knowledge, the packs).
  let ends = 0;
  for (let p = 0; p < parts.length; p++) {
    const tables = parts[p]!.tables;
    const aliasStart = tables.aliasStart;
    let node = rootOf(tables, hash[i]!, (flags[i]! & TokenFlag.Lower) !== 0);
    for (let j = i; node >= 0; ) {
      if (aliasStart[node] !== aliasStart[node + 1]) {
        endNodes[ends] = node;
        endParts[ends] = p;
        endTokens[ends] = j;
        ends++;
      }
      if (++j >= count || (j === i + 1 && !pair)) break;
      node = childOf(tables, node, hash[j]!);
    }
  }
  // The longest that passes the case rules, with every part's aliases that end on that token.
  while (ends > 0) {
    let last = -1;
    for (let e = 0; e < ends; e++) if (endTokens[e]! > last) last = endTokens[e]!;
    let ok: number[] | undefined;
    let kept = 0;
    for (let e = 0; e < ends; e++) {
      if (endTokens[e] === last) {
        ok = passing(text, index, trie, parts[endParts[e]!]!, endNodes[e]!, i, last, ok);
      } else {
        endNodes[kept] = endNodes[e]!;
        endParts[kept] = endParts[e]!;
        endTokens[kept] = endTokens[e]!;
        kept++;
      }
    }
    ends = kept;
    if (ok) {
      matched = ok;
      return last;
    }
  }
  return -1;
}

/**
 * Joins blocks for one scan: a punctuation character no alias has, so no match spans two blocks and
 * none sees a word of the previous block before it.
 */
const BLOCK_SEPARATOR = '\u0000';
/** Blocks are scanned together up to about this many characters (the scan's buffers grow to fit). */
const JOINED_CHARS = 32_768;

/**
 * `findCandidates` for many blocks, scanned a few hundred at a time as one text: the same result per
 * block, without the per-call work (encoding set-up, the scan's start, the result) that weighs as
 * much as the scan itself on a page whose blocks average 55 characters. The worker matches a page so.
 * (In a cold tab it was slower: V8 optimises many short calls sooner than one long one.)
 */
export function findCandidatesInBlocks(texts: readonly string[], index: CompiledIndex, trie: AliasTrie, words?: IntSet): BlockMatches[] {
  const out = new Array<BlockMatches>(texts.length);
  joinForScan(texts, (joined, first, last) => {
    if (last === first) {
      out[first] = findCandidates(joined, index, trie);
      if (words) addWordHashes(buf, words);
    } else {
      const found = findCandidates(joined, index, trie).candidates;
      if (words) addWordHashes(buf, words);
      let c = 0;
      for (let b = first, offset = 0; b <= last; offset += texts[b]!.length + 1, b++) {
        const end = offset + texts[b]!.length;
        let own: Candidate[] | undefined;
        for (; c < found.length && found[c]!.start < end; c++) {
          // Made by this scan and shared with nothing: moved to the block's offsets in place.
          const m = found[c]!;
          m.start -= offset;
          m.end -= offset;
          if (m.prevStart >= 0) {
            m.prevStart -= offset;
            m.prevEnd -= offset;
          }
          if (own) own.push(m);
          else own = [m];
        }
        out[b] = own ? new FoundMatches(own) : NO_MATCHES;
      }
    }
  });
  return out;
}

/**
 * Adds the key hashes of the blocks' words to `words`: the page's words, which the linker's context
 * rules count. `findCandidatesInBlocks` adds those of the blocks it matches from the scan it makes
 * anyway; a block matched before (the worker's cache) is scanned here.
 */
export function collectWordHashes(texts: readonly string[], words: IntSet): void {
  joinForScan(texts, (joined) => {
    scanTokens(joined, wordBuffer);
    addWordHashes(wordBuffer, words);
  });
}

/** Its own buffer: `buf` holds the tokens of the block being matched. */
const wordBuffer = new TokenBuffer();

function addWordHashes(tokens: TokenBuffer, words: IntSet): void {
  const { flags, hash, count } = tokens;
  for (let t = 0; t < count; t++) if (flags[t]! & TokenFlag.Word) words.add(hash[t]!);
}

/**
 * Calls `scan` with the blocks `first..last` joined by BLOCK_SEPARATOR, about JOINED_CHARS at a time,
 * for every block in order (a block longer than that alone, as it is).
 */
export function joinForScan(texts: readonly string[], scan: (joined: string, first: number, last: number) => void): void {
  for (let first = 0; first < texts.length; ) {
    let last = first;
    let length = texts[first]!.length;
    while (last + 1 < texts.length && length + 1 + texts[last + 1]!.length <= JOINED_CHARS) length += 1 + texts[++last]!.length;
    scan(last === first ? texts[first]! : texts.slice(first, last + 1).join(BLOCK_SEPARATOR), first, last);
    first = last + 1;
  }
}

/**
 * `rows` with `row` added. A first row makes an array of one: most matches have one row, and an empty
 * array's first push gives it room for 17, which the collector then copies or frees for every match.
 */
function withRow(rows: number[] | undefined, row: number): number[] {
  if (rows === undefined) return [row];
  rows.push(row);
  return rows;
}

/** Keys and visible surfaces of the tokens being compared (reused). */
const keys: string[] = [];
const surfaces: string[] = [];

/**
 * `ok` with the alias rows ending at `node` of `part` whose keys equal tokens `first..last` (hashes
 * can collide) and whose case rules the surface passes added; undefined when none do and none did.
 */
function passing(text: string, index: CompiledIndex, trie: AliasTrie, part: TriePart, node: number, first: number, last: number, ok: number[] | undefined): number[] | undefined {
  const n = last - first + 1;
  // No invisible characters in any of the tokens (ASCII or not): each can be compared in place.
  let plain = true;
  for (let t = first; t <= last && plain; t++) plain = (buf.flags[t]! & TokenFlag.Special) === 0;
  // One plain word: the alias can be told apart without making strings, even when it fails.
  const plainWord = plain && n === 1 && (buf.flags[first]! & TokenFlag.Word) !== 0;
  let compared = false;
  const { aliasStart, aliasRows } = part.tables;
  for (let k = aliasStart[node]!, end = aliasStart[node + 1]!; k < end; k++) {
    const a = part.rowMap ? part.rowMap[aliasRows[k]!]! : aliasRows[k]! + part.rowOffset;
    if (a < 0) continue;
    const caseSensitive = (index.aliasFlags[a]! & AliasFlag.CaseSensitive) !== 0;
    if (plain) {
      const spelled = trie.tokensOf(a);
      if (spelled.length !== n) continue;
      // Spelled as the alias is, token by token ("New Zealand", "U.S."): same keys, and the case rules
      // pass any surface equal to the alias. Most names on a page are; the rest are compared below.
      let same = true;
      for (let t = 0; t < n && same; t++) {
        const start = buf.start[first + t]!;
        same = spelled[t]!.length === buf.end[first + t]! - start && text.startsWith(spelled[t]!, start);
      }
      if (same) {
        ok = withRow(ok, a);
        continue;
      }
      // A one-word alias that is case-sensitive ("CISA") or all capitals (the ticker "IT") passes only
      // as spelled: "It" is not it.
      if (plainWord && (caseSensitive || trie.isAllCaps(a))) continue;
    }
    if (!compared) {
      keys.length = n;
      surfaces.length = n;
      for (let t = 0; t < n; t++) {
        const key = keyAt(text, buf, first + t);
        keys[t] = key;
        surfaces[t] = buf.flags[first + t]! & TokenFlag.Word ? visibleSurface(text, buf.start[first + t]!, buf.end[first + t]!) : key;
      }
      compared = true;
    }
    const aliasKeys = trie.keysOf(a);
    if (aliasKeys.length !== n) continue;
    let same = true;
    for (let t = 0; t < n && same; t++) same = aliasKeys[t] === keys[t];
    if (!same || !caseMatches(trie.tokensOf(a), surfaces, caseSensitive)) continue;
    ok = withRow(ok, a);
  }
  return ok;
}
