/**
 * Finds every place in a block of text where an alias matches (leftmost, then longest), with the
 * alias rows whose case rules the surface passes. Which entity it means is decided later, with
 * the whole page in view (`link-mentions.ts`).
 *
 * Tokens are hashed into a reused buffer and walked down the hash trie; strings are made only
 * where a path reaches an alias. The block's `Token` objects, which the linker reads only for
 * some blocks (context words, first names), are made on first use.
 */
import { AliasFlag, type CompiledIndex } from '../knowledge/compile-index';
import type { AliasTrie, TrieNode } from './alias-trie';
import { caseMatches } from './case-rules';
import { keyAt, scanTokens, TokenBuffer, TokenFlag, tokenObjects, visibleSurface, type Token } from './tokenize';

export interface Candidate {
  start: number;
  end: number;
  /** Index of the first token of the match in `tokens`. */
  token: number;
  tokenCount: number;
  /** Alias rows that match here (several entities can share one alias). */
  aliases: number[];
}

export interface BlockMatches {
  tokens: Token[];
  candidates: Candidate[];
}

/** The block's tokens are made from its text when first read. */
class LazyBlockMatches implements BlockMatches {
  readonly #text: string;
  #tokens: Token[] | undefined;
  constructor(
    text: string,
    readonly candidates: Candidate[],
  ) {
    this.#text = text;
  }

  get tokens(): Token[] {
    return (this.#tokens ??= tokenObjects(this.#text, scratch));
  }
}

/** One buffer for every block: matching is synchronous and never nested. */
const buf = new TokenBuffer();
/** A second one for making token objects, so that it may happen while `buf` is in use. */
const scratch = new TokenBuffer();

/** Trie nodes holding aliases along the current path, and the token each ends on (reused). */
const endNodes: TrieNode[] = [];
const endTokens: number[] = [];

export function findCandidates(text: string, index: CompiledIndex, trie: AliasTrie): BlockMatches {
  scanTokens(text, buf);
  const count = buf.count;
  const hash = buf.hash;
  const starts = buf.start;
  const candidates: Candidate[] = [];
  let i = 0;
  while (i < count) {
    const c = text.charCodeAt(starts[i]!);
    const first = trie.first(hash[i]!, c >= 97 && c <= 122);
    if (!first) {
      i++;
      continue;
    }
    // Collect every alias-ending node along the longest path, then take the longest that passes case.
    let ends = 0;
    let node: TrieNode | undefined = first;
    let j = i;
    while (node) {
      if (node.aliases) {
        endNodes[ends] = node;
        endTokens[ends] = j;
        ends++;
      }
      j++;
      if (j >= count || !node.next) break;
      node = node.next.get(hash[j]!);
    }
    let matched: Candidate | undefined;
    for (let e = ends - 1; e >= 0 && !matched; e--) {
      const last = endTokens[e]!;
      const ok = passing(text, index, trie, endNodes[e]!.aliases!, i, last);
      if (ok.length > 0) {
        matched = { start: buf.start[i]!, end: buf.end[last]!, token: i, tokenCount: last - i + 1, aliases: ok };
      }
    }
    if (matched) {
      candidates.push(matched);
      i += matched.tokenCount;
    } else i++;
  }
  return new LazyBlockMatches(text, candidates);
}

/** The alias rows among `aliases` whose keys equal tokens `first..last` (hashes can collide) and whose case rules the surface passes. */
function passing(text: string, index: CompiledIndex, trie: AliasTrie, aliases: readonly number[], first: number, last: number): number[] {
  const keys: string[] = [];
  const surface: string[] = [];
  for (let t = first; t <= last; t++) {
    const key = keyAt(text, buf, t);
    keys.push(key);
    surface.push(buf.flags[t]! & TokenFlag.Word ? visibleSurface(text, buf.start[t]!, buf.end[t]!) : key);
  }
  const ok: number[] = [];
  for (const a of aliases) {
    const aliasKeys = trie.keysOf(a);
    if (aliasKeys.length !== keys.length || aliasKeys.some((k, t) => k !== keys[t])) continue;
    const aliasSurface = trie.tokensOf(a).map((s, k) => (buf.flags[first + k]! & TokenFlag.Word ? s : keys[k]!));
    if (caseMatches(aliasSurface, surface, (index.aliasFlags[a]! & AliasFlag.CaseSensitive) !== 0)) ok.push(a);
  }
  return ok;
}
