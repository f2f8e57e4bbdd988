/** `npm run bench`: the matcher in Node and Gloss in real Chromium; a table on stdout and bench/results.json. */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { browserBench } from './browser';
import { benchText } from './corpus-text';
import { matcherBench } from './matcher';

const { blocks, source } = benchText(4_000_000);
console.log(`Matcher over ${source}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
const matcher = matcherBench(blocks);
const table = (rows: Record<string, unknown>[]) => {
  const keys = Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1)) : String(v ?? ''));
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => cell(r[k]).length)));
  console.log(`| ${keys.map((k, i) => k.padEnd(widths[i]!)).join(' | ')} |`);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(`| ${keys.map((k, i) => cell(r[k]).padEnd(widths[i]!)).join(' | ')} |`);
};
const withRatio = matcher.rows.map((r) => {
  const gloss = matcher.rows.find((g) => g.knowledge === r.knowledge && g.matcher === 'Gloss')!;
  return { ...r, glossSpeedup: gloss.mbPerS / r.mbPerS };
});
table(withRatio);
console.log(`\nBundled index: ${matcher.indexJsonKB.toFixed(0)} KB of JSON inlined in content.js; JSON.parse + trie build ${matcher.indexParseMs.toFixed(1)} ms (median of 5, Node).\n`);
const browser = await browserBench();
table(browser as unknown as Record<string, unknown>[]);
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ source, matcher: withRatio, index: { jsonKB: matcher.indexJsonKB, parseAndBuildMs: matcher.indexParseMs }, browser }, null, 2)}\n`);
console.log('\nwritten bench/results.json');
