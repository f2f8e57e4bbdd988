/**
 * The alias index this tab matches with: the bundled one (inlined by the build as packed string
 * literals, read lazily) merged with the reader's enabled knowledge packs, and the trie built from it.
 */
import bundledPacked from 'gloss:index';
import { mergeIndexes, type CompiledIndex } from '../src/knowledge/compile-index';
import { unpackIndex } from '../src/knowledge/packed-index';
import { buildAliasTrie, type AliasTrie } from '../src/match/alias-trie';

// When the content script started (this module runs first among Gloss's own): `npm run bench`
// measures from here to the page annotated. Marks are visible to the page (REFERENCE.md).
performance.mark('gloss:script-start');

export interface LoadedIndex {
  index: CompiledIndex;
  trie: AliasTrie;
}

let bundled: CompiledIndex | undefined;

export function loadIndex(pack?: CompiledIndex): LoadedIndex {
  const start = performance.now();
  bundled ??= unpackIndex(bundledPacked);
  const index = pack && pack.ids.length > 0 ? mergeIndexes(bundled, pack) : bundled;
  const parsed = performance.now();
  const loaded = { index, trie: buildAliasTrie(index) };
  performance.measure('gloss:index', { start, detail: { aliases: index.aliasEntity.length, parseMs: parsed - start } });
  return loaded;
}
