/**
 * Finds every place in a block of text where an alias matches (leftmost, then longest), with the
 * alias rows whose case rules the surface passes. Which entity it means is decided later, with
 * the whole page in view (`link-mentions.ts`).
 */
import { AliasFlag, type CompiledIndex } from '../knowledge/compile-index';
import type { AliasTrie, TrieNode } from './alias-trie';
import { caseMatches } from './case-rules';
import { tokenize, visibleSurface, type Token } from './tokenize';

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

function surfaceOf(text: string, token: Token): string {
  return token.isWord ? visibleSurface(text, token.start, token.end) : token.key;
}

export function findCandidates(text: string, index: CompiledIndex, trie: AliasTrie): BlockMatches {
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = trie.first(tokens[i]!.key);
    if (!first) {
      i++;
      continue;
    }
    // Collect every alias-ending node along the longest path, then take the longest that passes case.
    const ends: { node: TrieNode; last: number }[] = [];
    let node: TrieNode | undefined = first;
    let j = i;
    while (node) {
      if (node.aliases) ends.push({ node, last: j });
      j++;
      if (j >= tokens.length || !node.next) break;
      // A match never runs across a line break inside the block (e.g. a <br>): the tokens must be adjacent.
      node = node.next.get(tokens[j]!.key);
    }
    let matched: Candidate | undefined;
    for (let e = ends.length - 1; e >= 0 && !matched; e--) {
      const { node: end, last } = ends[e]!;
      const surface: string[] = [];
      for (let t = i; t <= last; t++) surface.push(surfaceOf(text, tokens[t]!));
      const ok = end.aliases!.filter((a) => {
        const aliasSurface = trie.tokensOf(a).map((s, k) => (tokens[i + k]!.isWord ? s : tokens[i + k]!.key));
        return caseMatches(aliasSurface, surface, (index.aliasFlags[a]! & AliasFlag.CaseSensitive) !== 0);
      });
      if (ok.length > 0) {
        matched = { start: tokens[i]!.start, end: tokens[last]!.end, token: i, tokenCount: last - i + 1, aliases: ok };
      }
    }
    if (matched) {
      candidates.push(matched);
      i += matched.tokenCount;
    } else i++;
  }
  return { tokens, candidates };
}
