/** Benchmark text: the visible text of ../shared/corpus pages (crudely stripped), or a generated news-like text when the corpus is absent. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = new URL('../../shared/corpus', import.meta.url).pathname;

/**
 * `pages`: the blocks of each page, as the worker receives them.
 *
 * Chrome carries extension messages as JSON, and V8's JSON.parse gives a string of Latin-1 characters
 * one byte per character. Cut out of a page's HTML here, every block of a page with one curly quote
 * anywhere was two bytes a character, and the matcher read 5–7% slower on
 * those strings than on what the worker is sent. So the text goes through JSON as a tab's does.
 */
export function benchText(targetBytes: number): { pages: string[][]; source: string } {
  const text = extractText(targetBytes);
  return { pages: JSON.parse(JSON.stringify(text.pages)) as string[][], source: text.source };
}

/** A page's HTML cut into text blocks (crudely: at block tags, tags and scripts dropped, entities roughly read). */
export function pageBlocks(html: string): string[] {
  const page: string[] = [];
  for (const para of html.replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ').split(/<\/?(?:p|div|li|h[1-6]|td|br|section|article)\b[^>]*>/i)) {
    const text = para.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&#?\w+;/g, "'").replace(/\s+/g, ' ').trim();
    if (text.length >= 2) page.push(text);
  }
  return page;
}

function extractText(targetBytes: number): { pages: string[][]; source: string } {
  const pages: string[][] = [];
  let size = 0;
  if (existsSync(CORPUS)) {
    const files = readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(CORPUS, d.name)).filter((f) => f.endsWith('.html')).map((f) => join(CORPUS, d.name, f)))
      .sort();
    for (const f of files) {
      const page = pageBlocks(readFileSync(f, 'utf8'));
      pages.push(page);
      for (const text of page) size += text.length;
      if (size >= targetBytes) break;
    }
    return { pages, source: `${files.length} corpus pages (first ${(size / 1e6).toFixed(1)} MB of text)` };
  }
  const words = 'the president said on Tuesday that officials in Washington and Beijing would meet again as markets fell and lawmakers in Congress debated a new bill Trump Biden CISA Microsoft Pentagon Krebs'.split(' ');
  let seed = 1;
  let page: string[] = [];
  while (size < targetBytes) {
    // Pages of about 200 blocks, like a long article.
    if (page.length === 0 || page.length === 200) pages.push((page = []));
    const n = 20 + (seed % 40);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      parts.push(words[seed % words.length]!);
    }
    const text = `${parts.join(' ')}.`;
    page.push(text);
    size += text.length;
  }
  return { pages, source: `generated news-like text (${(size / 1e6).toFixed(1)} MB)` };
}
