/**
 * `npm run eval`: precision and recall of entity links on the gold set (eval/gold/*.json) over
 * pages of ../shared/corpus, running the extension's own text collection (on happy-dom) and
 * matching code with the bundled knowledge. Pages whose HTML is absent are skipped, and said so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileKnowledge } from '../src/knowledge/compile-knowledge';
import { ownEntitiesAt, parseOwnSites } from '../src/knowledge/own-sites';
import type { KnowledgeFile } from '../src/knowledge/schema';
import { buildAliasTrie } from '../src/match/alias-trie';
import { findMentions } from '../src/match/find-mentions';
import { pageBlocks } from './load-page';
import { ratio, score, type GoldMention } from './score';

interface GoldPage {
  page: string;
  site: string;
  /** CSS selector of the article body; only mentions inside it are scored. */
  body: string;
  mentions: GoldMention[];
}

const root = new URL('..', import.meta.url).pathname;
const corpus = process.env.GLOSS_CORPUS ?? join(root, '../shared/corpus');
const knowledge = JSON.parse(readFileSync(join(root, 'knowledge/knowledge.json'), 'utf8')) as KnowledgeFile;
const { index } = compileKnowledge(knowledge);
const trie = buildAliasTrie(index);

// The worker leaves a page's own outlet out (own-sites.ts), by the page's URL: the corpus index has it.
const ownSites = parseOwnSites(JSON.parse(readFileSync(join(root, 'knowledge/own-sites.json'), 'utf8')), 'knowledge/own-sites.json').sites;
const pageUrls = new Map<string, string>();
if (existsSync(join(corpus, 'index.tsv'))) {
  const [head, ...lines] = readFileSync(join(corpus, 'index.tsv'), 'utf8').split('\n');
  const [pathAt, urlAt] = [head!.split('\t').indexOf('path'), head!.split('\t').indexOf('url')];
  for (const cells of lines.map((l) => l.split('\t'))) if (cells[pathAt] && cells[urlAt]) pageUrls.set(cells[pathAt]!, cells[urlAt]!);
}

const goldDir = join(root, 'eval/gold');
const pages = readdirSync(goldDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldPage);

const rows: string[][] = [];
const totals = { tp: 0, fp: 0, fn: 0 };
const wrongs: string[] = [];
let skipped = 0;
for (const gold of pages) {
  const file = join(corpus, gold.page);
  if (!existsSync(file)) {
    skipped++;
    rows.push([gold.site, gold.page, 'absent', '', '', '']);
    continue;
  }
  const { blocks, close } = pageBlocks(file, gold.body);
  const own = ownEntitiesAt(pageUrls.get(gold.page), ownSites);
  const predicted = findMentions(blocks, index, trie)
    .map((m) => ({ text: blocks[m.block]!.slice(m.start, m.end), id: index.ids[m.entity]! }))
    .filter((m) => !own.includes(m.id));
  const s = score(gold.mentions, predicted);
  totals.tp += s.tp;
  totals.fp += s.fp;
  totals.fn += s.fn;
  for (const w of s.wrong) wrongs.push(`${gold.page}: ${w}`);
  rows.push([gold.site, gold.page, String(s.tp + s.fn), String(s.tp + s.fp), ratio(s.tp, s.tp + s.fp).toFixed(3), ratio(s.tp, s.tp + s.fn).toFixed(3)]);
  if (process.argv.includes('--verbose')) {
    for (const w of s.wrong) console.log(`  wrong  ${gold.page}: ${w}`);
    for (const m of s.missed) console.log(`  missed ${gold.page}: ${m}`);
  }
  await close();
}

const header = ['site', 'page', 'gold', 'linked', 'precision', 'recall'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
const precision = ratio(totals.tp, totals.tp + totals.fp);
const recall = ratio(totals.tp, totals.tp + totals.fn);
console.log(`\nwrong links (${wrongs.length}):`);
for (const w of wrongs) console.log(`  ${w}`);
console.log(`\n${pages.length - skipped} pages scored, ${skipped} skipped (HTML absent)`);
console.log(`TOTAL precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${totals.tp}, fp ${totals.fp}, fn ${totals.fn})`);
