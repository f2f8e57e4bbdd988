/**
 * In real Chromium with the built extension: on the largest corpus pages and a generated
 * 20k-text-node page, Gloss's annotation pass, the longest main-thread task while it ran, the
 * main-thread time it adds (CDP Performance.getMetrics, runs alternated with a browser without
 * the extension, medians), and the same page highlighted by mark.js with the same aliases.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { CORPUS } from './corpus-text';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = 3;

export interface BrowserRow {
  page: string;
  textNodes: number;
  annotateMs: number;
  longestTaskMs: number;
  addedCpuMs: number;
  markJsMs: number;
  ratioVsMarkJs: number;
  mentions: number;
  hoverMs?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const LONGTASKS = `window.__longtasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`;

async function launch(withExtension: boolean): Promise<BrowserContext> {
  const dist = join(ROOT, 'dist/chrome');
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gloss-bench-')), {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless=new', ...(withExtension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : ['--disable-extensions']), ...CHROMIUM_ARGS],
  });
  await ctx.route('**/*', (route) => (/^https?:\/\/127\.0\.0\.1/.test(route.request().url()) ? route.continue() : route.abort()));
  await ctx.addInitScript({ content: LONGTASKS });
  if (withExtension) {
    let [sw] = ctx.serviceWorkers();
    sw ??= await ctx.waitForEvent('serviceworker');
  }
  return ctx;
}

/** Opens a page with CDP's Performance domain on from the start; `taskMs()` is then its main-thread task time so far. */
async function openMeasured(ctx: BrowserContext, url: string): Promise<{ page: Page; taskMs: () => Promise<number> }> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return {
    page,
    taskMs: async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    },
  };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
}

export async function browserBench(): Promise<BrowserRow[]> {
  const pages: string[] = [];
  const fixtures = join(ROOT, 'bench/.pages');
  if (existsSync(join(CORPUS, 'largest.tsv'))) {
    const rows = readFileSync(join(CORPUS, 'largest.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t'));
    for (const kind of ['bytes', 'text_nodes']) for (const r of rows.filter((r) => r[0] === kind).slice(0, 2)) if (!pages.includes(r[2]!)) pages.push(r[2]!);
  }
  // A generated page of 20,000 text nodes with names in them.
  const names = ['Christopher Krebs', 'CISA', 'Mark Esper', 'Joe Biden', 'Microsoft', 'the Pentagon', 'Twitter', 'Nancy Pelosi', 'NATO'];
  const body = Array.from({ length: 10_000 }, (_, i) => `<p>Paragraph ${i} says <b>${names[i % names.length]}</b> met officials.</p>`).join('\n');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(fixtures, { recursive: true });
  writeFileSync(join(fixtures, 'generated-20k.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>20k</title></head><body>${body}</body></html>`);
  const server = await startStaticServer({ '/corpus/': CORPUS, '/bench/': fixtures, '/': join(ROOT, 'node_modules/mark.js/dist') });
  const urls = [...pages.map((p) => `/corpus/${p}`), '/bench/generated-20k.html'];

  // The same alias list mark.js gets: every alias of the bundled index, as one RegExp.
  const knowledge = JSON.parse(readFileSync(join(ROOT, 'knowledge/knowledge.json'), 'utf8')) as { entities: { aliases: { text: string }[] }[] };
  const aliases = [...new Set(knowledge.entities.flatMap((e) => e.aliases.map((a) => a.text)))].sort((a, b) => b.length - a.length);
  const pattern = `\\b(?:${aliases.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`;

  const withExt = await launch(true);
  const without = await launch(false);
  const out: BrowserRow[] = [];
  try {
    for (const url of urls) {
      const gloss: { annotate: number; longest: number; cpu: number; mentions: number; nodes: number }[] = [];
      const bare: number[] = [];
      const mark: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // Alternate: a run with Gloss, a run without, a run with mark.js.
        const { page: a, taskMs: aTask } = await openMeasured(withExt, `${server.origin}${url}`);
        await a.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0, null, { timeout: 60_000 });
        await settle(a);
        const stats = await a.evaluate(() => {
          const m = performance.getEntriesByName('gloss:annotate') as PerformanceMeasure[];
          const d = m[m.length - 1]!.detail as { mentions: number; nodes: number };
          return { annotate: m.reduce((s, e) => s + e.duration, 0), mentions: d.mentions, nodes: d.nodes, longest: Math.max(0, ...((window as unknown as { __longtasks: number[] }).__longtasks)) };
        });
        gloss.push({ ...stats, cpu: await aTask() });
        await a.close();

        const { page: b, taskMs: bTask } = await openMeasured(without, `${server.origin}${url}`);
        await settle(b);
        bare.push(await bTask());

        await b.addScriptTag({ url: `${server.origin}/mark.min.js` }).catch(() => undefined);
        const markMs = await b.evaluate((src) => {
          const Mark = (window as unknown as { Mark?: new (el: Element) => { markRegExp(r: RegExp, o: object): void } }).Mark;
          if (!Mark) return NaN;
          const t = performance.now();
          new Mark(document.body).markRegExp(new RegExp(src, 'g'), { acrossElements: false });
          return performance.now() - t;
        }, pattern);
        mark.push(markMs);
        await b.close();
      }
      const annotateMs = median(gloss.map((g) => g.annotate));
      const markJsMs = median(mark);
      out.push({
        page: url.replace(/^\/(corpus|bench)\//, ''),
        textNodes: gloss[0]!.nodes,
        annotateMs,
        longestTaskMs: median(gloss.map((g) => g.longest)),
        addedCpuMs: median(gloss.map((g) => g.cpu)) - median(bare),
        markJsMs,
        ratioVsMarkJs: annotateMs / markJsMs,
        mentions: gloss[0]!.mentions,
      });
    }
    // Hover: time from the pointer's rest to the card in the page, minus the configured delay.
    const page = await withExt.newPage();
    await page.goto(`${server.origin}/bench/generated-20k.html`);
    await page.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0);
    const hovers: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      const p = await page.evaluate((n) => {
        const b = document.querySelectorAll('p b')[n]!;
        b.scrollIntoView({ block: 'center' });
        const r = b.getBoundingClientRect();
        return { x: r.left + 4, y: r.top + r.height / 2 };
      }, i * 3);
      await page.evaluate(() => {
        (window as unknown as { __cardAt: number }).__cardAt = 0;
        new MutationObserver(() => {
          if (document.querySelector('[data-gloss]')) (window as unknown as { __cardAt: number }).__cardAt ||= performance.now();
        }).observe(document.documentElement, { childList: true });
      });
      const t0 = await page.evaluate(() => performance.now());
      await page.mouse.move(p.x, p.y);
      await page.waitForFunction(() => (window as unknown as { __cardAt: number }).__cardAt > 0, null, { timeout: 5000 });
      const t1 = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r((window as unknown as { __cardAt: number }).__cardAt))));
      hovers.push(t1 - t0 - 350);
    }
    out[out.length - 1]!.hoverMs = median(hovers);
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
  return out;
}
