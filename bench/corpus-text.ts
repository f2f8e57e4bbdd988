/** Benchmark text: the visible text of ../shared/corpus pages (crudely stripped), or a generated news-like text when the corpus is absent. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = new URL('../../shared/corpus', import.meta.url).pathname;

export function benchText(targetBytes: number): { blocks: string[]; source: string } {
  const blocks: string[] = [];
  let size = 0;
  if (existsSync(CORPUS)) {
    const files = readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(CORPUS, d.name)).filter((f) => f.endsWith('.html')).map((f) => join(CORPUS, d.name, f)))
      .sort();
    for (const f of files) {
      const html = readFileSync(f, 'utf8').replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ');
      for (const para of html.split(/<\/?(?:p|div|li|h[1-6]|td|br|section|article)\b[^>]*>/i)) {
        const text = para.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&#?\w+;/g, "'").replace(/\s+/g, ' ').trim();
        if (text.length < 2) continue;
        blocks.push(text);
        size += text.length;
      }
      if (size >= targetBytes) break;
    }
    return { blocks, source: `${files.length} corpus pages (first ${(size / 1e6).toFixed(1)} MB of text)` };
  }
  const words = 'the president said on Tuesday that officials in Washington and Beijing would meet again as markets fell and lawmakers in Congress debated a new bill Trump Biden CISA Microsoft Pentagon Krebs'.split(' ');
  let seed = 1;
  while (size < targetBytes) {
    const n = 20 + (seed % 40);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      parts.push(words[seed % words.length]!);
    }
    const text = `${parts.join(' ')}.`;
    blocks.push(text);
    size += text.length;
  }
  return { blocks, source: `generated news-like text (${(size / 1e6).toFixed(1)} MB)` };
}
