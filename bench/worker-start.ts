/**
 * A just-started worker's first request, in Node: Chrome stops an idle extension worker after 30 s,
 * so the first page a reader opens after a pause is linked by code that has never run, against an
 * index whose lazily built tables are still empty. One process per measurement, each new:
 * - `cold`: the page's request first (what a tab gets when its request reaches the worker before
 *   the warm-up has run), then the same request again (the code warm, the index's tables built);
 * - `warm-up`: the worker's warm-up sentences (`warm-up-texts.ts`), then the page's request.
 * The index is read as the worker reads it (packed, then unpacked); the page is the typical corpus
 * page with the most names (the bundled demo story without the corpus). A process prints one JSON
 * line; `run.ts` runs them through `workerStartBench`. Alone: `npx tsx bench/worker-start.ts cold`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WARM_UP_TEXTS } from '../src/background/warm-up-texts';
import { CORPUS, pageBlocks } from './corpus-text';
import { loadWorkerKnowledge } from './matcher-core-load';
import { inOwnProcess } from './own-process';

/** Fresh processes per mode. */
const PROCESSES = 9;
const PAGE = 'postlight-parser/www.nytimes.com--feature.html';

export interface WorkerStartStats {
  page: string;
  blocks: number;
  /** Medians over the processes (ms of wall time, one call each). */
  firstMs: number;
  againMs: number;
  warmUpMs: number;
  afterWarmUpMs: number;
  processes: number;
}

function pageText(): { page: string; blocks: string[] } {
  const file = `${CORPUS}/${PAGE}`;
  if (existsSync(file)) return { page: PAGE, blocks: pageBlocks(readFileSync(file, 'utf8')) };
  return { page: 'seed-article.html (demo story)', blocks: pageBlocks(readFileSync(new URL('../test/fixtures/seed-article.html', import.meta.url), 'utf8')) };
}

async function measure(mode: string): Promise<Record<string, number>> {
  const {
    core: { linkPage, newMatchCache },
    index,
    trie,
  } = await loadWorkerKnowledge();
  const { blocks } = pageText();
  const timed = (texts: readonly string[]) => {
    const start = performance.now();
    linkPage(texts, index, trie, newMatchCache(), new Map());
    return performance.now() - start;
  };
  if (mode === 'cold') {
    const first = timed(blocks);
    return { first, again: timed(blocks) };
  }
  const warmUp = timed(WARM_UP_TEXTS);
  return { warmUp, afterWarmUp: timed(blocks) };
}

/** Alternates the two modes, PROCESSES fresh processes each. */
export function workerStartBench(): WorkerStartStats {
  const runs: Record<string, number>[] = [];
  for (let p = 0; p < PROCESSES; p++) {
    for (const mode of ['cold', 'warm-up']) {
      runs.push(inOwnProcess<Record<string, number>>(new URL(import.meta.url), [mode]));
    }
  }
  const median = (key: string) => {
    const xs = runs.flatMap((r) => (key in r ? [r[key]!] : [])).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)]!;
  };
  const { page, blocks } = pageText();
  return { page, blocks: blocks.length, firstMs: median('first'), againMs: median('again'), warmUpMs: median('warmUp'), afterWarmUpMs: median('afterWarmUp'), processes: PROCESSES };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(await measure(process.argv[2] ?? 'cold')));
