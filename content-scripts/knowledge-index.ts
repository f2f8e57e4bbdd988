/**
 * The alias index this tab matches with: the bundled one (inlined by the build as one JSON string,
 * parsed once) merged with the reader's enabled knowledge packs, and the trie built from it.
 */
import bundledJson from 'gloss:index';
import { mergeIndexes, type CompiledIndex } from '../src/knowledge/compile-index';
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
  bundled ??= JSON.parse(bundledJson) as CompiledIndex;
  const index = pack && pack.ids.length > 0 ? mergeIndexes(bundled, pack) : bundled;
  const parsed = performance.now();
  const loaded = { index, trie: buildAliasTrie(index) };
  performance.measure('gloss:index', { start, detail: { aliases: index.aliasText.length, parseMs: parsed - start } });
  return loaded;
}
