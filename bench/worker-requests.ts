/**
 * The worker's whole answer to a tab (`linkPage`: match, link, encode), timed in a process of its
 * own, as the worker runs it: it never matches without linking. In the bench's main process the
 * candidates-only runs come first, and they teach V8 that the matcher's objects die young, which
 * made linking read up to 2× faster there than in a fresh process (docs/performance.md).
 * Each round sends every page once, with a fresh match cache (a tab's first pass); the first
 * round (compiling) is left out. Prints one JSON line: `{ mbPerS, mentions, rounds }`.
 * Run by `bench/matcher.ts`; alone: `npx tsx bench/worker-requests.ts`.
 */
import { benchText } from './corpus-text';
import { loadWorkerKnowledge } from './matcher-core-load';

const ROUNDS = 6;
const {
  core: { linkPage, newMatchCache },
  index,
  trie,
} = await loadWorkerKnowledge();
const { pages } = benchText(4_000_000);
const bytes = pages.flat().join('\n').length;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const times: number[] = [];
let mentions = 0;
for (let r = 0; r < ROUNDS; r++) {
  const cache = newMatchCache();
  const start = cpuMs();
  mentions = 0;
  for (const texts of pages) mentions += linkPage(texts, index, trie, cache, new Map()).mentions;
  if (r > 0) times.push(cpuMs() - start);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
console.log(JSON.stringify({ mbPerS: bytes / 1e3 / median, mentions, rounds: times.length }));
