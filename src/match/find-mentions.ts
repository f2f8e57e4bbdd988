/**
 * The whole pure pipeline the worker, the evaluation and the benchmark share:
 * blocks of page text → linked mentions.
 */
import type { CompiledIndex } from '../knowledge/compile-index';
import type { AliasTrie } from './alias-trie';
import { findCandidatesInBlocks } from './find-candidates';
import { IntSet } from './int-set';
import { linkMentions, PageBlock, type LinkOptions, type Mention } from './link-mentions';

export function findMentions(blocks: readonly string[], index: CompiledIndex, trie: AliasTrie, options?: LinkOptions): Mention[] {
  const words = new IntSet(4096);
  const matches = findCandidatesInBlocks(blocks, index, trie, words);
  return linkMentions(
    blocks.map((text, i) => new PageBlock(text, matches[i]!)),
    index,
    { ...options, pageWords: () => words },
  );
}
