/**
 * Labelling aid (not the evaluation): lists every alias match in a corpus page's article body with
 * its candidate entities, what Gloss links it to, and a context snippet, so a person can write the
 * gold labels for eval/gold/. Usage: npx tsx eval/draft.ts <corpus-relative-path> [css-selector]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageBlocks } from './load-page';
import { collectBlocks } from '../content-scripts/collect-text';
import { compileKnowledge } from '../src/knowledge/compile-knowledge';
import type { KnowledgeFile } from '../src/knowledge/schema';
import { buildAliasTrie } from '../src/match/alias-trie';
import { findCandidates } from '../src/match/find-candidates';
import { linkMentions } from '../src/match/link-mentions';

const root = new URL('..', import.meta.url).pathname;
const [page, selector] = process.argv.slice(2);
const { index } = compileKnowledge(JSON.parse(readFileSync(join(root, 'knowledge/knowledge.json'), 'utf8')) as KnowledgeFile);
const trie = buildAliasTrie(index);
const loaded = pageBlocks(join(root, '../shared/corpus', page!), selector);
const window = { document: loaded.body.ownerDocument };
let body: Element | null = selector ? loaded.body : null;
let autoSelector: string | undefined;
if (!body) {
  // The deepest element holding at least 70% of the page's paragraph text: the article body, usually.
  const doc = loaded.body.ownerDocument;
  const pText = (el: Element) => [...el.querySelectorAll('p')].reduce((n, p) => n + (p.textContent?.trim().length ?? 0), 0);
  const total = pText(doc.body);
  let el: Element = doc.body;
  for (;;) {
    const next = [...el.children].find((c) => pText(c) >= 0.7 * total);
    if (!next) break;
    el = next;
  }
  body = el;
  const parts: string[] = [];
  for (let e: Element | null = el; e && e !== doc.body; e = e.parentElement) {
    if (e.id && /^[A-Za-z][\w-]*$/.test(e.id)) {
      parts.unshift(`#${e.id}`);
      break;
    }
    const cls = String(e.className).trim().split(/\s+/)[0];
    parts.unshift(cls && /^[A-Za-z][\w-]*$/.test(cls) ? `${e.tagName.toLowerCase()}.${cls}` : e.tagName.toLowerCase());
  }
  const sel = parts.join(' > ') || 'body';
  const ok = doc.querySelector(sel) === el;
  console.log(`body: ${ok ? sel : 'body'} (${pText(el)} of ${total} paragraph characters)`);
  if (!ok) body = doc.body;
  autoSelector = ok ? sel : 'body';
}
const blocks = collectBlocks(body as unknown as Node).map((b) => b.text);
void loaded;
const linkBlocks = blocks.map((text) => ({ text, matches: findCandidates(text, index, trie) }));
const linked = new Map(linkMentions(linkBlocks, index).map((m) => [`${m.block}:${m.start}`, index.ids[m.entity]!]));
const bySurface = new Map<string, { count: number; ids: Set<string>; linked: Map<string, number>; context: string }>();
linkBlocks.forEach((b, bi) => {
  for (const c of b.matches.candidates) {
    const surface = b.text.slice(c.start, c.end);
    const rec = bySurface.get(surface) ?? { count: 0, ids: new Set(), linked: new Map(), context: b.text.slice(Math.max(0, c.start - 60), c.end + 40).replace(/\s+/g, ' ') };
    rec.count++;
    for (const a of c.aliases) rec.ids.add(index.ids[index.aliasEntity[a]!]!);
    const l = linked.get(`${bi}:${c.start}`) ?? '-';
    rec.linked.set(l, (rec.linked.get(l) ?? 0) + 1);
    bySurface.set(surface, rec);
  }
});
for (const [surface, r] of [...bySurface].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`${JSON.stringify(surface)} ×${r.count} | linked ${[...r.linked].map(([k, v]) => `${k}×${v}`).join(',')} | cand ${[...r.ids].slice(0, 5).join(',')}${r.ids.size > 5 ? `,+${r.ids.size - 5}` : ''} | …${r.context}…`);
}

// --gold: a starting point for a gold file, to be corrected by hand (every line checked against the page).
if (process.argv.includes('--gold')) {
  const rows: string[] = [];
  for (const [surface, r] of [...bySurface].sort((a, b) => b[1].count - a[1].count)) {
    for (const [id, n] of r.linked) rows.push(`    { "text": ${JSON.stringify(surface)}, "id": ${id === '-' ? 'null' : JSON.stringify(id)}, "count": ${n} }`);
  }
  console.log(`{\n  "page": ${JSON.stringify(page)},\n  "site": "",\n  "body": ${JSON.stringify(selector ?? autoSelector ?? 'body')},\n  "mentions": [\n${rows.join(',\n')}\n  ]\n}`);
}
