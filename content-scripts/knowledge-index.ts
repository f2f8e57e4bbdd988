/**
 * The alias index this tab matches with: the bundled one (inlined by the build as one JSON string,
 * parsed once) merged with the reader's enabled knowledge packs, and the trie built from it.
 */
import bundledJson from 'gloss:index';
import { mergeIndexes, type CompiledIndex } from '../src/knowledge/compile-index';
import { buildAliasTrie, type AliasTrie } from '../src/match/alias-trie';

export interface LoadedIndex {
  index: CompiledIndex;
  trie: AliasTrie;
}

let bundled: CompiledIndex | undefined;

export function loadIndex(pack?: CompiledIndex): LoadedIndex {
  bundled ??= JSON.parse(bundledJson) as CompiledIndex;
  const index = pack && pack.ids.length > 0 ? mergeIndexes(bundled, pack) : bundled;
  return { index, trie: buildAliasTrie(index) };
}
