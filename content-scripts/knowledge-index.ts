/**
 * The alias index this tab matches with: the bundled one merged with the reader's enabled knowledge
 * packs, and the trie built from it. The top frame's script carries the bundled index in a comment
 * (build.mjs says why); the script a subframe with text imports has none and fetches
 * `knowledge/index.pack` (src/knowledge/packed-index.ts).
 */
import inlined from 'gloss:index';
import browser from 'webextension-polyfill';
import { mergeIndexes, type CompiledIndex } from '../src/knowledge/compile-index';
import { parsePackedIndex, unpackIndex } from '../src/knowledge/packed-index';
import { buildAliasTrie, type AliasTrie } from '../src/match/alias-trie';

// When the content script started (this module runs first among Gloss's own): `npm run bench`
// measures from here to the page annotated. Marks are visible to the page (REFERENCE.md). Which frames
// run this script is settled before it loads: content.js by the manifest (top frames only), the
// subframes' build by content-frames.js (frames with text only).
performance.mark('gloss:script-start');

/** Where the build writes the bundled index for subframes; web-accessible by the session's dynamic URL only. */
export const BUNDLED_INDEX_PATH = 'knowledge/index.pack';

export interface LoadedIndex {
  index: CompiledIndex;
  trie: AliasTrie;
}

let bundled: CompiledIndex | undefined;
let fetched: Promise<string> | undefined;

/**
 * In a frame whose script does not carry the index, starts fetching the file (60–150 ms here), so
 * that it overlaps the wait for settings; `loadIndex` takes the same fetch.
 */
export function prefetchIndex(): void {
  if (inlined === undefined) fetchIndexText().catch(() => {}); // a failure is reported by loadIndex
}

function fetchIndexText(): Promise<string> {
  return (fetched ??= fetch(browser.runtime.getURL(BUNDLED_INDEX_PATH)).then((response) => {
    if (!response.ok) throw new Error(`${BUNDLED_INDEX_PATH}: HTTP ${response.status}`);
    return response.text();
  }));
}

/**
 * `index.pack`'s text from the comment in the inlined function's source: a slice of the script's own
 * source, which the engine keeps anyway. Undefined if the engine did not keep it (then the file is
 * fetched, as in a subframe).
 */
function inlinedIndexText(): string | undefined {
  const source = inlined?.toString() ?? '';
  const start = source.indexOf('/*');
  const end = source.lastIndexOf('*/');
  return start >= 0 && end > start ? source.slice(start + 2, end) : undefined;
}

export async function loadIndex(pack?: CompiledIndex): Promise<LoadedIndex> {
  // Where the bundled index came from, for tests and `npm run bench`: this script, the file, or an earlier call.
  let from: 'script' | 'file' | 'memory' = 'memory';
  let text: string | undefined;
  if (!bundled) {
    text = inlinedIndexText();
    from = text === undefined ? 'file' : 'script';
    text ??= await fetchIndexText();
  }
  const start = performance.now();
  bundled ??= unpackIndex(parsePackedIndex(text!, BUNDLED_INDEX_PATH));
  const index = pack && pack.ids.length > 0 ? mergeIndexes(bundled, pack) : bundled;
  const parsed = performance.now();
  const loaded = { index, trie: buildAliasTrie(index) };
  performance.measure('gloss:index', { start, detail: { aliases: index.aliasEntity.length, parseMs: parsed - start, from } });
  return loaded;
}
