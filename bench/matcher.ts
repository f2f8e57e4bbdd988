/**
 * Matcher throughput in Node: Gloss's matcher (the same code the content script runs) against two
 * baselines in the same process — one RegExp alternation of all aliases, and the npm `ahocorasick`
 * package — on the bundled knowledge, 10k and 100k aliases.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileKnowledge } from '../src/knowledge/compile-knowledge';
import { compileIndex, type CompiledIndex } from '../src/knowledge/compile-index';
import type { Entity, KnowledgeFile } from '../src/knowledge/schema';
import { buildAliasTrie } from '../src/match/alias-trie';
import { findMentions } from '../src/match/find-mentions';

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

const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

/** Deterministic synthetic people and companies to grow the index to `n` aliases. */
function synthetic(n: number): Entity[] {
  const first = ['Alan', 'Maria', 'Kofi', 'Ines', 'Tomas', 'Priya', 'Lena', 'Omar', 'Grace', 'Yusuf', 'Hana', 'Ravi'];
  const syll = ['ka', 'lo', 'mer', 'van', 'dor', 'sel', 'tri', 'bel', 'nor', 'quin', 'zar', 'pet', 'ros', 'lin'];
  const out: Entity[] = [];
  for (let i = 0; out.reduce((s, e) => s + e.aliases.length, 0) < n; i++) {
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

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

function runGloss(index: CompiledIndex, blocks: string[], bytes: number, label: string): MatcherRow {
  const before = heap();
  const built = time(() => buildAliasTrie(index));
  const heapMB = (heap() - before) / 1e6;
  findMentions(blocks.slice(0, 200), index, built.value); // warm up
  const runs = [0, 1, 2].map(() => time(() => findMentions(blocks, index, built.value)));
  const best = runs.sort((a, b) => a.ms - b.ms)[1]!;
  return { knowledge: label, aliases: index.aliasText.length, matcher: 'Gloss', buildMs: built.ms, heapMB, mbPerS: bytes / 1e6 / (best.ms / 1000), matches: best.value.length };
}

function runRegExp(aliases: string[], text: string, label: string): MatcherRow {
  const before = heap();
  const escaped = [...new Set(aliases)].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const built = time(() => new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'g'));
  const heapMB = (heap() - before) / 1e6;
  const run = time(() => [...text.matchAll(built.value)].length);
  return { knowledge: label, aliases: aliases.length, matcher: 'RegExp alternation', buildMs: built.ms, heapMB, mbPerS: text.length / 1e6 / (run.ms / 1000), matches: run.value };
}

function runAho(aliases: string[], text: string, label: string): MatcherRow {
  const before = heap();
  const built = time(() => new AhoCorasick([...new Set(aliases.map((a) => a.toLowerCase()))]));
  const heapMB = (heap() - before) / 1e6;
  const run = time(() => built.value.search(text.toLowerCase()).length);
  return { knowledge: label, aliases: aliases.length, matcher: 'ahocorasick (npm)', buildMs: built.ms, heapMB, mbPerS: text.length / 1e6 / (run.ms / 1000), matches: run.value };
}

export function matcherBench(blocks: string[]): { rows: MatcherRow[]; indexJsonKB: number; indexParseMs: number } {
  const text = blocks.join('\n');
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
    const index = compileIndex(entities);
    rows.push(runGloss(index, blocks, bytes, label));
    rows.push(runRegExp(index.aliasText, text, label));
    rows.push(runAho(index.aliasText, text, label));
  }
  // What a tab pays to load the bundled index: parse the inlined JSON string and build the trie.
  const json = JSON.stringify(load.value.index);
  const parse = [0, 1, 2, 3, 4].map(() => time(() => buildAliasTrie(JSON.parse(json) as CompiledIndex)).ms).sort((a, b) => a - b)[2]!;
  return { rows, indexJsonKB: json.length / 1024, indexParseMs: parse };
}
