/**
 * Matcher throughput in Node: Gloss's matcher (the same code the content script runs) against two
 * baselines in the same process — one RegExp alternation of all aliases, and the npm `ahocorasick`
 * package — on the bundled knowledge, 10k and 100k aliases.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CompiledIndex } from '../src/knowledge/compile-index';
import type { Entity, KnowledgeFile } from '../src/knowledge/schema';
import type { AliasTrie } from '../src/match/alias-trie';
import { loadMatcherCore } from './matcher-core-load';
import { inOwnProcess } from './own-process';

const { compileIndex, compileKnowledge, packIndex, parsePackedIndex, serializePackedIndex, unpackIndex, buildAliasTrie, findCandidatesInBlocks, findMentions } = await loadMatcherCore();

const RUNS = 9;
const WARM_UP = 8;

const AhoCorasick = createRequire(import.meta.url)('ahocorasick') as new (words: string[]) => { search(text: string): unknown[] };

export interface MatcherRow {
  knowledge: string;
  aliases: number;
  matcher: string;
  buildMs: number;
  heapMB: number;
  mbPerS: number;
  matches: number;
}

// `npm run bench` passes --expose-gc, but tsx runs the script in a child process without it.
setFlagsFromString('--expose-gc');
const gc = (globalThis.gc ?? runInNewContext('gc')) as () => void;
/** The JS heap plus typed arrays' buffers, which live outside it (the trie's tables, for one). */
const heap = () => {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** Deterministic synthetic people and companies to grow the index to `n` aliases. */
function synthetic(n: number): Entity[] {
  const first = ['Alan', 'Maria', 'Kofi', 'Ines', 'Tomas', 'Priya', 'Lena', 'Omar', 'Grace', 'Yusuf', 'Hana', 'Ravi'];
  const syll = ['ka', 'lo', 'mer', 'van', 'dor', 'sel', 'tri', 'bel', 'nor', 'quin', 'zar', 'pet', 'ros', 'lin'];
  const out: Entity[] = [];
  for (let i = 0, aliases = 0; aliases < n; i++, aliases += 2) {
    let x = i + 7;
    let last = '';
    for (let k = 0; k < 3; k++) {
      last += syll[x % syll.length];
      x = Math.floor(x / syll.length) + k * 31;
    }
    last = last[0]!.toUpperCase() + last.slice(1) + String(i);
    out.push({
      id: `bench:${i}`, type: i % 3 ? 'person' : 'company', name: `${first[i % first.length]} ${last}`,
      aliases: [{ text: `${first[i % first.length]} ${last}`, kind: 'name' }, { text: last, kind: 'surname' }],
      description: 'x', links: [{ label: 'x', url: 'https://example.org/' }], asOf: '2026-01-01', sources: ['bench'],
    });
  }
  return out;
}

/**
 * Lets the collector's helper threads finish (a forced full collection, then a pause) before a timed
 * run: their work counts in the process's CPU time, so the garbage of building an index (or of the
 * run before) was billed to the matcher timed next. Without this, whichever set was timed first read
 * 8–35% slower (the bundled knowledge, first: 92 MB/s against 100–104 for 10k and 100k aliases).
 */
function settle(): void {
  gc();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
}

/** CPU time of the process (ms), steadier than wall time on a shared 2-core machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = cpuMs();
  const value = fn();
  return { ms: cpuMs() - t, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Candidate matching only (tokenise, trie, case rules), what the two baselines do too: page by page,
 * each page's blocks scanned together, as the worker matches a tab's page.
 */
function glossMatch(pages: string[][], index: CompiledIndex, trie: AliasTrie): number {
  let n = 0;
  for (const blocks of pages) for (const m of findCandidatesInBlocks(blocks, index, trie)) n += m.candidates.length;
  return n;
}

/** The whole pipeline the worker runs for a tab, page by page: candidates, then linking with each page in view. */
function glossPages(pages: string[][], index: CompiledIndex, trie: AliasTrie): number {
  let n = 0;
  for (const blocks of pages) n += findMentions(blocks, index, trie).length;
  return n;
}

function runGloss(index: CompiledIndex, pages: string[][], bytes: number, label: string): MatcherRow[] {
  const before = heap();
  const built = time(() => buildAliasTrie(index));
  const trie = built.value;
  // Each measurement right after its own warm-up (the linking passes, which call the matcher with the
  // page's word set, no longer run between the matcher's warm-up and its timed runs), medians of
  // several runs: the machine is shared. Warm-up passes let V8 finish optimising: with one, TurboFan's
  // background compiles fell inside the timed runs' process CPU time; with three, the set timed first
  // read 2–8% below the second in three runs of this bench.
  for (let r = 0; r < WARM_UP; r++) glossMatch(pages, index, trie);
  const heapMB = (heap() - before) / 1e6;
  settle();
  const match = timedRuns(() => glossMatch(pages, index, trie));
  for (let r = 0; r < WARM_UP; r++) glossPages(pages, index, trie);
  settle();
  const link = timedRuns(() => glossPages(pages, index, trie));
  const row = { knowledge: label, aliases: index.aliasText.length, buildMs: built.ms, heapMB };
  return [
    { ...row, matcher: 'Gloss', mbPerS: bytes / 1e3 / match.ms, matches: match.value },
    { ...row, matcher: 'Gloss + linking', mbPerS: bytes / 1e3 / link.ms, matches: link.value },
  ];
}

/** The median time of RUNS runs of `fn`, and its result. */
function timedRuns(fn: () => number): { ms: number; value: number } {
  const times: number[] = [];
  let value = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = time(fn);
    times.push(t.ms);
    value = t.value;
  }
  return { ms: median(times), value };
}

function runRegExp(aliases: string[], text: string, label: string): MatcherRow {
  const before = heap();
  const escaped = [...new Set(aliases)].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const built = time(() => new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'g'));
  settle();
  const runs = [0, 1].map(() => time(() => [...text.matchAll(built.value)].length));
  const heapMB = (heap() - before) / 1e6;
  const ms = median(runs.map((r) => r.ms));
  return { knowledge: label, aliases: aliases.length, matcher: 'RegExp alternation', buildMs: built.ms, heapMB, mbPerS: text.length / 1e3 / ms, matches: runs[0]!.value };
}

function runAho(aliases: string[], text: string, label: string): MatcherRow {
  const before = heap();
  const built = time(() => new AhoCorasick([...new Set(aliases.map((a) => a.toLowerCase()))]));
  const heapMB = (heap() - before) / 1e6;
  settle();
  const run = time(() => built.value.search(text.toLowerCase()).length);
  return { knowledge: label, aliases: aliases.length, matcher: 'ahocorasick (npm)', buildMs: built.ms, heapMB, mbPerS: text.length / 1e3 / run.ms, matches: run.value };
}

/**
 * The worker's whole answer to each page, timed in a process of its own (`bench/worker-requests.ts`:
 * why). It reads the corpus text itself, as this process does.
 */
function workerRequests(): Omit<MatcherRow, 'knowledge' | 'aliases'> {
  const { mbPerS, mentions } = inOwnProcess<{ mbPerS: number; mentions: number }>(new URL('./worker-requests.ts', import.meta.url));
  return { matcher: 'Gloss worker requests', buildMs: NaN, heapMB: NaN, mbPerS, matches: mentions };
}

export function matcherBench(pages: string[][]): { rows: MatcherRow[]; packedKB: number; indexLoadMs: number; jsonKB: number; jsonLoadMs: number } {
  const text = pages.flat().join('\n');
  const bytes = text.length;
  const file = JSON.parse(readFileSync(new URL('../knowledge/knowledge.json', import.meta.url), 'utf8')) as KnowledgeFile;
  const bundled = file.entities;
  const load = time(() => compileKnowledge(file));
  const sets: [string, Entity[]][] = [
    ['bundled', bundled],
    ['10k aliases', [...bundled, ...synthetic(10_000 - load.value.index.aliasText.length)]],
    ['100k aliases', [...bundled, ...synthetic(100_000 - load.value.index.aliasText.length)]],
  ];
  const rows: MatcherRow[] = [];
  for (const [label, entities] of sets) {
    // The bundled index as the worker has it: packed, its trie compiled at build time. A pack's trie is
    // compiled when the pack is saved: for 10k and 100k aliases, buildMs is that compile.
    const compiled = compileIndex(entities);
    const index = label === 'bundled' ? unpackIndex(packIndex(compiled)) : compiled;
    rows.push(...runGloss(index, pages, bytes, label));
    if (label === 'bundled') rows.push({ knowledge: label, aliases: index.aliasText.length, ...workerRequests() });
    rows.push(runRegExp(compiled.aliasText, text, label));
    rows.push(runAho(compiled.aliasText, text, label));
  }
  // What the worker pays to load the bundled index when it starts: read the packed tables and the
  // trie's (warm here; bench/browser.ts has it cold). JSON.parse of the same index, for comparison.
  const packed = serializePackedIndex(packIndex(load.value.index));
  const json = JSON.stringify(load.value.index);
  const fifth = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
  const unpack = fifth([0, 1, 2, 3, 4].map(() => time(() => buildAliasTrie(unpackIndex(parsePackedIndex(packed, 'index.pack')))).ms));
  const parse = fifth([0, 1, 2, 3, 4].map(() => time(() => buildAliasTrie(JSON.parse(json) as CompiledIndex)).ms));
  return { rows, packedKB: packed.length / 1024, indexLoadMs: unpack, jsonKB: json.length / 1024, jsonLoadMs: parse };
}
