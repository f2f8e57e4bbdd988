/**
 * One request of a tab, as the worker answers it: the page's text blocks in order → the answer on the
 * wire. Blocks matched before come from `cache` (a live page's unchanged paragraphs, a large page's
 * viewport blocks); the others are matched in one scan, then the whole page is linked. The worker
 * (`page-linker.ts`) and `bench/worker-requests.ts` run it.
 */
import type { CompiledIndex } from '../knowledge/compile-index';
import { Lru } from '../lru';
import type { AliasTrie } from './alias-trie';
import { collectWordHashes, findCandidatesInBlocks, type BlockMatches } from './find-candidates';
import { IntSet } from './int-set';
import { linkMentions, PageBlock } from './link-mentions';
import { encodeMentions, type WireMentions } from './mention-wire';

/**
 * Characters of block text whose matches are kept: a few large pages' worth (a block averages ~60
 * characters), bounded by text so that huge blocks cannot pile up.
 */
const MATCH_CACHE_CHARS = 4_000_000;

/** Block text → its matches against one index (the rows are that index's). */
export type MatchCache = Lru<string, BlockMatches>;

export function newMatchCache(): MatchCache {
  return new Lru<string, BlockMatches>(MATCH_CACHE_CHARS, (text) => text.length + 1);
}

export interface LinkedPage {
  wire: WireMentions;
  /** Blocks matched by this request (not found in the cache). */
  matched: number;
  mentions: number;
}

export function linkPage(
  texts: readonly string[],
  index: CompiledIndex,
  trie: AliasTrie,
  cache: MatchCache,
  corrections: ReadonlyMap<string, string | null>,
  /** Entities (rows) whose mentions are left out: the site's own outlet (`own-sites.ts`). */
  leftOut?: ReadonlySet<number>,
): LinkedPage {
  const found = texts.map((text) => cache.get(text));
  const missing: number[] = [];
  const cached: string[] = [];
  found.forEach((m, i) => (m === undefined ? missing.push(i) : cached.push(texts[i]!)));
  // The page's words for the linker's context rules, from the scan that matches the new blocks; the
  // cached blocks are scanned for theirs only if the linker asks.
  const words = new IntSet(4096);
  const fresh = findCandidatesInBlocks(missing.map((i) => texts[i]!), index, trie, words);
  missing.forEach((i, k) => cache.set(texts[i]!, (found[i] = fresh[k]!)));
  const pageWords = () => (collectWordHashes(cached.splice(0), words), words);
  let mentions = linkMentions(texts.map((text, i) => new PageBlock(text, found[i]!)), index, { corrections, pageWords });
  // After linking, so the outlet's name keeps its words from every other alias: on cnn.com "CNN" is
  // left unmarked, not linked to something else.
  if (leftOut && leftOut.size > 0) mentions = mentions.filter((m) => !leftOut.has(m.entity));
  return { wire: encodeMentions(mentions, index), matched: missing.length, mentions: mentions.length };
}
