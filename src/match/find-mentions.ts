/**
 * The whole pure pipeline the extension, the evaluation and the benchmark share:
 * blocks of page text → linked mentions.
 */
import type { CompiledIndex } from '../knowledge/compile-index';
import type { AliasTrie } from './alias-trie';
import { findCandidates } from './find-candidates';
import { linkMentions, type LinkOptions, type Mention } from './link-mentions';

export function findMentions(blocks: readonly string[], index: CompiledIndex, trie: AliasTrie, options?: LinkOptions): Mention[] {
  return linkMentions(
    blocks.map((text) => ({ text, matches: findCandidates(text, index, trie) })),
    index,
    options,
  );
}
