/**
 * Matching and linking for every tab, in the worker: a tab sends its page's text blocks and gets
 * the linked mentions back (`findMentions`). The alias index (bundled `index.pack` merged with the
 * reader's packs) is read once per worker life, and the matcher's code stays compiled from page to
 * page; a tab's main thread only collects text and paints. Blocks already matched (a live page's
 * unchanged paragraphs, the viewport's blocks of a large page) come from a cache.
 */
import inlined from 'gloss:index';
import browser from 'webextension-polyfill';
import { mergeIndexes, type CompiledIndex } from '../knowledge/compile-index';
import { parsePackedIndex, readStoredPackIndex, unpackIndex, type StoredPackIndex } from '../knowledge/packed-index';
import { buildAliasTrie, type AliasTrie } from '../match/alias-trie';
import { linkPage, newMatchCache, type MatchCache } from '../match/link-page';
import type { WireMentions } from '../match/mention-wire';
import { LOCAL_KEYS } from '../storage-keys';
import ownSitesFile from '../../knowledge/own-sites.json';
import { ownEntitiesAt, parseOwnSites } from '../knowledge/own-sites';
import { WARM_UP_TEXTS } from './warm-up-texts';

/** Where each outlet publishes (checked against the knowledge when the extension is built). */
const OWN_SITES = parseOwnSites(ownSitesFile, 'knowledge/own-sites.json').sites;

/** Where the build writes the bundled index (read only if this script's source lacks it). */
const BUNDLED_INDEX_PATH = 'knowledge/index.pack';

interface Knowledge {
  index: CompiledIndex;
  trie: AliasTrie;
  /** Block text → its matches against this index. */
  matches: MatchCache;
  /** The rows of the entities that publish somewhere (`OWN_SITES`), found when a page of theirs first asks. */
  ownRows?: Map<string, number>;
}

/** The rows of the entities that publish at `pageUrl`, if any. */
function ownRowsAt(knowledge: Knowledge, pageUrl: string | undefined): Set<number> | undefined {
  const own = ownEntitiesAt(pageUrl, OWN_SITES);
  if (own.length === 0) return undefined;
  if (!knowledge.ownRows) {
    const publishers = new Set([...OWN_SITES.values()].flat());
    const { ids } = knowledge.index;
    knowledge.ownRows = new Map();
    for (let row = 0; row < ids.length; row++) {
      const id = ids.at(row)!;
      if (publishers.has(id)) knowledge.ownRows.set(id, row);
    }
  }
  const rows = own.map((id) => knowledge.ownRows!.get(id)).filter((row) => row !== undefined);
  return rows.length > 0 ? new Set(rows) : undefined;
}

let bundled: Promise<CompiledIndex> | undefined;
let knowledge: Promise<Knowledge> | undefined;

/**
 * `index.pack`'s text from the comment in the inlined function's source (build.mjs): a slice of the
 * script's own source, which the engine keeps anyway. Undefined if the engine did not keep it.
 */
function inlinedIndexText(): string | undefined {
  const source = inlined?.toString() ?? '';
  const start = source.indexOf('/*');
  const end = source.lastIndexOf('*/');
  return start >= 0 && end > start ? source.slice(start + 2, end) : undefined;
}

async function bundledIndexText(): Promise<string> {
  const text = inlinedIndexText();
  if (text !== undefined) return text;
  const response = await fetch(browser.runtime.getURL(BUNDLED_INDEX_PATH));
  if (!response.ok) throw new Error(`${BUNDLED_INDEX_PATH}: HTTP ${response.status}`);
  return response.text();
}

function loadBundled(): Promise<CompiledIndex> {
  return (bundled ??= bundledIndexText()
    .then((text) => unpackIndex(parsePackedIndex(text, BUNDLED_INDEX_PATH)))
    .catch((e: unknown) => {
      bundled = undefined; // tried again on the next request
      throw e;
    }));
}

let warmed = false;

/**
 * Matches and links WARM_UP_TEXTS with the pages' own knowledge and trie (whose aliases' tokens it
 * makes; the warm-up once built a trie of its own, ~5 ms in a just-started worker), once per
 * worker, as soon as they are loaded: the worker is woken as a tab starts loading a page
 * (`wake-on-page-load.ts`), so this usually runs before that page's request arrives, and a request
 * already waiting is answered first. A new worker compiles each function of the matcher and linker
 * on first use, and the first page after a worker start waited
 * for that: on cnn its request's matching and linking took 31–78 ms (median 57), 13–46 (median 24)
 * after this warm-up, and its viewport was painted 115 ms after the script started against 89
 * (medians of 10 loads each, the worker stopped before each).
 */
function warmUp({ index, trie }: Knowledge): void {
  try {
    // A cache of its own: the warm-up's blocks are no page's.
    const start = performance.now();
    linkPage(WARM_UP_TEXTS, index, trie, newMatchCache(), new Map());
    performance.clearMeasures('gloss:warm-up');
    performance.measure('gloss:warm-up', { start });
  } catch (e) {
    // Only a head start: a page's request runs the same code and reports its own errors.
    console.warn('Gloss: warming up the matcher failed:', e);
  }
}

async function loadKnowledge(): Promise<Knowledge> {
  const start = performance.now();
  const [baseIndex, stored] = await Promise.all([loadBundled(), browser.storage.local.get(LOCAL_KEYS.packIndex)]);
  const read = performance.now();
  const packIndex = stored[LOCAL_KEYS.packIndex];
  let index = baseIndex;
  if (typeof packIndex === 'object' && packIndex !== null) {
    try {
      const pack = readStoredPackIndex(packIndex as StoredPackIndex);
      if (pack.ids.length > 0) index = mergeIndexes(baseIndex, pack);
    } catch (e) {
      // A damaged pack index never costs the reader the bundled knowledge.
      console.warn('Gloss: the stored knowledge-pack index could not be read; using the bundled knowledge alone:', e);
    }
  }
  const loaded = { index, trie: buildAliasTrie(index), matches: newMatchCache() };
  performance.clearMeasures('gloss:index');
  performance.measure('gloss:index', { start, detail: { aliases: index.aliasEntity.length, readMs: read - start } });
  if (!warmed) {
    warmed = true;
    // In a task of its own: `storage`'s answer (the packs) no longer queues behind it, as it did when
    // the warm-up ran as soon as the bundled index was read (25–60 ms behind it, cold).
    setTimeout(() => warmUp(loaded), 0);
  }
  return loaded;
}

function currentKnowledge(): Promise<Knowledge> {
  if (!knowledge) {
    const load = loadKnowledge();
    // A failed load is tried again on the next request.
    load.catch(() => {
      if (knowledge === load) knowledge = undefined;
    });
    knowledge = load;
  }
  return knowledge;
}

/** Starts loading the knowledge, if it is not loaded: a tab is about to ask. */
export function prepareKnowledge(): void {
  currentKnowledge().catch((e: unknown) => console.warn('Gloss could not load its knowledge:', e));
}

/** The reader's packs changed: the next request merges them again (and matches every block anew). */
export function forgetKnowledge(): void {
  knowledge = undefined;
}

/** Watches the packs' index in storage for as long as the worker lives. */
export function watchKnowledge(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && LOCAL_KEYS.packIndex in changes) forgetKnowledge();
  });
}

/**
 * One pass of a page: its blocks' text in page order → linked mentions. `reload`: the tab saw the
 * packs change (its storage event may arrive before ours). `pageUrl`: the frame's, as the browser
 * gives it for the sender (not as the page says): the outlet that publishes there is left out.
 */
export async function findPageMentions(texts: readonly string[], corrections: ReadonlyMap<string, string | null>, reload: boolean, pageUrl?: string): Promise<WireMentions> {
  if (reload) forgetKnowledge();
  const loaded = await currentKnowledge();
  const { index, trie, matches } = loaded;
  const start = performance.now();
  const { wire, matched, mentions } = linkPage(texts, index, trie, matches, corrections, ownRowsAt(loaded, pageUrl));
  performance.clearMeasures('gloss:find-mentions');
  performance.measure('gloss:find-mentions', { start, detail: { blocks: texts.length, matched, mentions } });
  return wire;
}
