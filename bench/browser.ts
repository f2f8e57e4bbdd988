/**
 * In real Chromium with the built extension (dist/chrome): on the largest corpus pages, three typical
 * ones (median text nodes) and a generated 20k-text-node page, per page (medians of alternated runs):
 *  - blocks: the text blocks Gloss read (a name never spans two);
 *  - viewportMs / pageMs: from the content script's start (`gloss:script-start`) to the viewport's
 *    names painted (`gloss:annotate-viewport`, or the first `gloss:annotate` when the page is one
 *    pass) and to the whole page annotated (first `gloss:annotate`); wall time, it includes waiting
 *    for settings from storage;
 *  - linkMs: the tab's `gloss:link` measure of its first request: page text sent to the worker, mentions
 *    back (wall time: the worker matching and linking, and both message hops);
 *  - workerMs: the worker's `gloss:find-mentions` measure of the page's last request: its matching and
 *    linking time, off the page's main thread (the worker's code warm, as after the first pages);
 *  - longestTaskMs: the longest main-thread task that runs Gloss's script, from its start to its
 *    pass painted (a trace of the page load: `startRun`), not the page's own parsing and layout;
 *  - addedCpuMs / addedScriptMs / addedStyleMs: renderer main-thread task time, script time, and
 *    style + layout time (CDP Performance.getMetrics TaskDuration minus DevToolsCommandDuration /
 *    ScriptDuration / RecalcStyleDuration + LayoutDuration) with the extension minus without it,
 *    whole page loads (noisy: ±30 ms between two loads of one page here). ScriptDuration does not
 *    count content scripts (isolated worlds): Gloss's script time is in the task time only;
 *  - heapMB: JS heap of the tab with Gloss minus without it, after a forced GC (CDP
 *    HeapProfiler.collectGarbage + Runtime.getHeapUsage). The content script's isolated world lives
 *    in the page's isolate, so the difference is the content script's heap plus its source;
 *  - glossCpuMs: main-thread task time (same CDP metric) of Gloss annotating the page, measured in
 *    one tab: the page loads with Gloss turned off for the site, then the site is turned on and the
 *    task time from then until the page is annotated (and 300 ms after) is Gloss's. Loading the
 *    walk, the message to the worker and back, painting and the report to the worker are in it; the
 *    extension's fixed cost of having a content script at all is not (fixedCpuMs: the tab with
 *    Gloss off minus the tab without the extension, medians; noisy: two page loads); warmCpuMs: the
 *    same after turning the site off and on again in that tab, with Gloss's code compiled and warm;
 *    restCpuMs: after glossCpuMs, the rest of a page read in part (the 20k-node page), read as the
 *    popup makes it when it opens (about zero where the first pass read the whole page);
 *  - startCpuMs: content.js's first task on a page load (compile, set-up, the settings read's start),
 *    from a Chromium trace (`startRun`): the part of fixedCpuMs that is Gloss's own script;
 *  - markJsMs: main-thread task time (same CDP metric) of mark.js marking the same alias list as one
 *    RegExp in the tab without Gloss, in a task of the page's (DevTools' own command time is left out
 *    of every metric here), and 300 ms after; markJsTimes = markJsMs / glossCpuMs.
 * Hover: from the last pointermove (the pointer at rest on a name) to the frame that paints the
 * card, minus the configured delay: a tab's first card, which loads the card's code and lays out its
 * fonts for the first time in that renderer (fresh tabs), and the cards after it in one tab.
 * Live page: the 20k-node page, annotated and read whole, then one paragraph's text changed every 100 ms for 5 s:
 * main-thread task time over those 5 s with the extension minus without it, and Gloss's passes.
 * Scrolling: the 20k-node page, annotated, scrolled by the mouse wheel 60 px a frame for 7,200 px:
 * main-thread task time with the extension minus without it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { defaults } from '../src/settings';
import { SITES_PREFIX, toSyncItems } from '../src/settings-sync';
import { LOCAL_KEYS } from '../src/storage-keys';
import { CORPUS } from './corpus-text';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = 3;
const CARD_DELAY_MS = 350;

export interface BrowserRow {
  page: string;
  /** `largest` (largest.tsv), `typical` (median text nodes), or `generated` (the 20k-node page). */
  set: string;
  blocks: number;
  mentions: number;
  viewportMs: number;
  pageMs: number;
  linkMs: number;
  workerMs: number;
  longestTaskMs: number;
  addedCpuMs: number;
  addedScriptMs: number;
  addedStyleMs: number;
  heapMB: number;
  glossCpuMs: number;
  /**
   * Then the rest of a page read in part (the 20k-node page: Gloss reads the rest as the reader comes
   * near it), read as the popup makes it when it opens: task time from the request to its answer, and
   * 300 ms after. About zero where the first pass read the whole page.
   */
  restCpuMs: number;
  /** The same, turned off and on again in that tab: Gloss's code already compiled and warm. */
  warmCpuMs: number;
  fixedCpuMs: number;
  /** content.js's first task (compile, then its code up to the settings read), from a trace: what every page pays. */
  startCpuMs: number;
  markJsMs: number;
  markJsTimes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function launch(withExtension: boolean): Promise<BrowserContext> {
  // GLOSS_DIST: measure another build (e.g. a no-op content script, for the extension's fixed cost).
  const dist = process.env.GLOSS_DIST ?? join(ROOT, 'dist/chrome');
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gloss-bench-')), {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless=new', ...(withExtension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : ['--disable-extensions']), ...CHROMIUM_ARGS],
  });
  // Nothing leaves the machine; the extension's own files (the card's module, a subframe's script) load.
  await ctx.route('**/*', (route) => (/^(https?:\/\/127\.0\.0\.1|chrome-extension:)/.test(route.request().url()) ? route.continue() : route.abort()));
  if (withExtension) {
    let [sw] = ctx.serviceWorkers();
    sw ??= await ctx.waitForEvent('serviceworker');
    // The bench reads Gloss's `gloss:*` performance entries, which tabs write only with this on.
    await sw.evaluate((key) => chrome.storage.local.set({ [key]: true }), LOCAL_KEYS.devTimings);
  }
  return ctx;
}

interface Measured {
  page: Page;
  cdp: CDPSession;
  metrics: () => Promise<{ task: number; script: number; style: number }>;
  heapMB: () => Promise<number>;
}

/** Opens a page with CDP's Performance domain on from the start. */
async function openMeasured(ctx: BrowserContext, url: string): Promise<Measured> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return {
    page,
    cdp,
    metrics: async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      // DevTools' own commands (this bench's polling and evaluation) run on the page's main thread too.
      return { task: get('TaskDuration') - get('DevToolsCommandDuration'), script: get('ScriptDuration'), style: get('RecalcStyleDuration') + get('LayoutDuration') };
    },
    heapMB: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 1e6;
    },
  };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
}

function corpusPages(): string[] {
  const pages: string[] = [];
  if (existsSync(join(CORPUS, 'largest.tsv'))) {
    const rows = readFileSync(join(CORPUS, 'largest.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t'));
    for (const kind of ['bytes', 'text_nodes']) for (const r of rows.filter((r) => r[0] === kind).slice(0, 2)) if (!pages.includes(r[2]!)) pages.push(r[2]!);
  }
  return pages;
}

/**
 * Typical pages, for the "typical page" target: the three news pages of the corpus nearest the
 * median in text nodes as Chromium counts them (index.tsv), ~200 of them, where the largest pages have
 * 300–800 (largest.tsv ranks them by bytes and by text nodes).
 */
function typicalPages(): string[] {
  if (!existsSync(join(CORPUS, 'index.tsv'))) return [];
  const [head, ...lines] = readFileSync(join(CORPUS, 'index.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const col = (name: string) => head!.indexOf(name);
  const news = lines.filter((r) => !r[col('kind')]!.includes('non-news')).map((r) => ({ path: r[col('path')]!, nodes: Number(r[col('browser_text_nodes')]) })).filter((r) => r.nodes > 0);
  news.sort((a, b) => a.nodes - b.nodes || a.path.localeCompare(b.path));
  const mid = Math.floor(news.length / 2);
  return news.slice(mid - 1, mid + 2).map((r) => r.path);
}

/** A generated page of 20,000 text nodes (10,000 paragraphs of two nodes) with a name in each. */
function generatedPage(dir: string): void {
  const names = ['Christopher Krebs', 'CISA', 'Mark Esper', 'Joe Biden', 'Microsoft', 'the Pentagon', 'Twitter', 'Nancy Pelosi', 'NATO'];
  const body = Array.from({ length: 10_000 }, (_, i) => `<p>Paragraph ${i} says <b>${names[i % names.length]}</b> met officials.</p>`).join('\n');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'generated-20k.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>20k</title></head><body>${body}</body></html>`);
}

interface GlossRun {
  viewport: number;
  page: number;
  link: number;
  worker: number;
  mentions: number;
  blocks: number;
  task: number;
  script: number;
  style: number;
  heap: number;
}

/**
 * Waits until the page has had more than `after` full passes (`gloss:annotate` entries), asking
 * with a one-line CDP expression every 100 ms. Not Playwright's `waitForFunction`: its first use in a
 * document compiles Playwright's injected script on the page's main thread (in a trace, 15 ms of
 * `EvaluateScript` and more compiling), which fell inside the measured windows and delayed the tab's
 * own tasks: Gloss's CPU on the 20k-node page read 136 ms with it and 92 without (medians of 5), its
 * viewport 65 ms and 22. Nor every animation frame (Playwright's default): polling per frame ran
 * DevTools commands through the browser process the whole time, and delayed the tab's messages to
 * the worker by 10–30 ms here.
 */
async function annotated(cdp: CDPSession, after = 0): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `performance.getEntriesByName('gloss:annotate').length`, returnByValue: true });
    if ((result.value as number) > after) return;
    if (Date.now() > deadline) throw new Error('bench: the page was not annotated in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Has Playwright compile its injected scripts in the page now, before a measured window that is
 * followed by `page.evaluate` or `waitForFunction` (see `annotated`), so that both sides of a
 * comparison pay them outside it.
 */
async function primeHarness(page: Page): Promise<void> {
  await page.waitForFunction(() => true);
  await page.evaluate(() => 0);
}

/** Wall times of a tab's pass, from its performance entries. */
function passTimes(page: Page) {
  return page.evaluate(() => {
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const start = performance.getEntriesByName('gloss:script-start')[0]?.startTime ?? 0;
    const pass = performance.getEntriesByName('gloss:annotate')[0] as PerformanceMeasure;
    const viewport = performance.getEntriesByName('gloss:annotate-viewport')[0] ?? pass;
    const d = pass.detail as { mentions: number; blocks: number };
    return {
      viewport: viewport.startTime + viewport.duration - start,
      page: pass.startTime + pass.duration - start,
      link: performance.getEntriesByName('gloss:link')[0]?.duration ?? NaN,
      mentions: d.mentions,
      blocks: d.blocks,
    };
  });
}

async function glossRun(ctx: BrowserContext, url: string): Promise<GlossRun> {
  const m = await openMeasured(ctx, url);
  await annotated(m.cdp);
  await settle(m.page);
  // Before any `page.evaluate`, as in `bareRun`: the page load's own task time, and Gloss's.
  const { task, script, style } = await m.metrics();
  const heap = await m.heapMB();
  const stats = await passTimes(m.page);
  const worker = await ctx.serviceWorkers()[0]!.evaluate(() => performance.getEntriesByName('gloss:find-mentions')[0]?.duration ?? NaN);
  await m.page.close();
  return { ...stats, worker, task, script, style, heap };
}

/** Trace events as `Tracing.dataCollected` gives them (the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string } };
}

/** Events that run JavaScript inside a task (a function, a script, promise reactions). */
const RUNS_SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'RunMicrotasks', 'v8.run']);

/**
 * A page load traced until Gloss has annotated it:
 *  - start: content.js's first task (Chromium's `EvaluateScript` of it: compiling the script, its
 *    modules' set-up, and `main` up to its first await), which every page pays, Gloss on or off there;
 *    fixedCpuMs holds it too, but two whole page loads differ by more than it is.
 *  - longest: the longest main-thread task from then on that runs script: Gloss's (the page's own
 *    scripts load from elsewhere and are aborted; the bench's polling is under a millisecond). The
 *    page's own parsing, style and layout tasks are not Gloss's and not counted: on the 20k-node page
 *    they take 60–200 ms each, and a 'longtask' observer counted them when they overlapped Gloss's work.
 */
async function startRun(ctx: BrowserContext, url: string): Promise<{ start: number; longest: number }> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'v8.execute'] } });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await annotated(cdp);
  // The answer's ranges and painting run in tasks after the pass's measure.
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const evaluate = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/content.js'));
  if (!evaluate) return { start: NaN, longest: NaN };
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === evaluate.pid && e.tid === evaluate.tid && e.ts >= evaluate.ts - 1000);
  let longest = 0;
  for (const task of onMain) {
    if (task.name !== 'ThreadControllerImpl::RunTask' || !task.dur || task.dur / 1000 <= longest) continue;
    const end = task.ts + task.dur;
    if (onMain.some((e) => RUNS_SCRIPT.has(e.name) && e.ts >= task.ts && e.ts < end)) longest = task.dur / 1000;
  }
  return { start: (evaluate.dur ?? NaN) / 1000, longest };
}

/**
 * The first page after the worker was stopped (as the browser stops it after 30 s idle): the
 * worker starts and reads the index before it answers. Stopped from an extension page's DevTools
 * session; Playwright's handle on the worker hangs after that, so this runs last.
 */
async function coldWorkerRun(ctx: BrowserContext, extensionUrl: string, url: string): Promise<{ viewport: number; link: number }> {
  const ext = await ctx.newPage();
  await ext.goto(extensionUrl);
  const cdp = await ctx.newCDPSession(ext);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await ext.close();
  await new Promise((r) => setTimeout(r, 500));
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await annotated(await ctx.newCDPSession(page));
  const { viewport, link } = await passTimes(page);
  await page.close();
  return { viewport, link };
}

/**
 * Asks the tab to read the rest of a page read in part, as the popup does when it opens (`readPage`);
 * resolves once the tab has read, linked and reported it.
 */
async function readWholePage(ctx: BrowserContext, page: Page): Promise<void> {
  const worker = ctx.serviceWorkers()[0]!;
  const url = page.url();
  for (let i = 0; i < 40; i++) {
    const done = await worker.evaluate(async (u) => {
      const stored = await chrome.storage.session.get(null);
      const key = Object.keys(stored).find((k) => k.startsWith('tab:') && (stored[k] as { url: string }).url === u);
      if (!key) return false;
      await chrome.tabs.sendMessage(Number(key.slice(4)), { gloss: 1, name: 'readPage', req: {} }, { frameId: 0 });
      return true;
    }, url);
    if (done) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`no tab reported ${url}`);
}

/** Settings with Gloss off for the bench's site, in the worker's storage layout. */
function siteOff(): Record<string, unknown> {
  return toSyncItems({ ...defaults, disabledSites: ['127.0.0.1'] }).items;
}

/** Loads the page with Gloss off for the site, then turns it on: task time from then to annotated. */
async function onDemandRun(ctx: BrowserContext, url: string): Promise<{ load: number; gloss: number; rest: number; warm: number }> {
  const worker = ctx.serviceWorkers()[0]!;
  const setSites = (sites: string[]) => worker.evaluate((items) => chrome.storage.sync.set(items), { [`${SITES_PREFIX}0`]: sites });
  await worker.evaluate(async (items) => {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set(items);
  }, siteOff());
  const m = await openMeasured(ctx, url);
  await settle(m.page);
  await primeHarness(m.page);
  // Gloss turned on: one write, one change event, as the popup's "this site" switch makes.
  const turnOn = async (pass: number) => {
    const before = await m.metrics();
    await setSites([]);
    await annotated(m.cdp, pass);
    await m.page.waitForTimeout(300);
    return (await m.metrics()).task - before.task;
  };
  const load = (await m.metrics()).task;
  const gloss = await turnOn(0);
  const beforeRest = await m.metrics();
  await readWholePage(ctx, m.page);
  await m.page.waitForTimeout(300);
  const rest = (await m.metrics()).task - beforeRest.task;
  // Off and on again in the same tab: the same work with Gloss's code already compiled and warm.
  await setSites(['127.0.0.1']);
  await m.page.waitForTimeout(500);
  const warm = await turnOn(1);
  await m.page.close();
  await worker.evaluate(() => chrome.storage.sync.clear());
  return { load, gloss, rest, warm };
}

async function bareRun(ctx: BrowserContext, url: string, origin: string, pattern: string) {
  const m = await openMeasured(ctx, url);
  await settle(m.page);
  const { task, script, style } = await m.metrics();
  const heap = await m.heapMB();
  await primeHarness(m.page);
  await m.page.addScriptTag({ url: `${origin}/mark.min.js` }).catch(() => undefined);
  await m.page.evaluate((src) => void ((window as unknown as { __pattern: RegExp }).__pattern = new RegExp(src, 'g')), pattern);
  const before = await m.metrics();
  // In a task of the page's own, as Gloss's work is: a DevTools command's time is left out of the metric.
  await m.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(() => {
          const w = window as unknown as { __pattern: RegExp; Mark?: new (el: Element) => { markRegExp(r: RegExp, o: object): void } };
          new w.Mark!(document.body).markRegExp(w.__pattern, { acrossElements: false });
          resolve();
        }, 0);
      }),
  );
  // The style, layout and paint its marks cause, as for Gloss.
  await m.page.waitForTimeout(300);
  const after = await m.metrics();
  await m.page.close();
  return { task, script, style, heap, mark: after.task - before.task };
}

/** A tab's first card (its card code and fonts new to the tab), and the cards after it in one tab. */
interface HoverStats {
  firstMs: number;
  laterMs: number;
}

/** Tabs whose first card is timed, and later cards timed in the last of them. */
const FIRST_CARD_TABS = 5;
const LATER_CARDS = 5;

async function hoverTimes(ctx: BrowserContext, origin: string): Promise<HoverStats> {
  const firsts: number[] = [];
  const laters: number[] = [];
  for (let tab = 0; tab < FIRST_CARD_TABS; tab++) {
    const page = await ctx.newPage();
    await page.goto(`${origin}/bench/generated-20k.html`);
    await page.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0);
    await page.evaluate(() => {
      const w = window as unknown as { __lastMove: number; __cardAt: number };
      w.__lastMove = 0;
      w.__cardAt = 0;
      addEventListener('pointermove', (e) => (w.__lastMove = e.timeStamp), { capture: true, passive: true });
      // The card host appears (or its card becomes visible): the next animation frame paints it.
      new MutationObserver(() => {
        const host = document.querySelector('[data-gloss]');
        if (host && !w.__cardAt) requestAnimationFrame((t) => (w.__cardAt ||= t));
      }).observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    });
    const cards = tab === FIRST_CARD_TABS - 1 ? 1 + LATER_CARDS : 1;
    for (let i = 0; i < cards; i++) {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(400);
      const p = await page.evaluate((n) => {
        const b = document.querySelectorAll('p b')[n]!;
        b.scrollIntoView({ block: 'center' });
        const r = b.getBoundingClientRect();
        (window as unknown as { __cardAt: number }).__cardAt = 0;
        return { x: r.left + 4, y: r.top + r.height / 2 };
      }, i * 3 + 1);
      await page.mouse.move(p.x, p.y);
      await page.waitForFunction(() => (window as unknown as { __cardAt: number }).__cardAt > 0, null, { timeout: 5000 });
      const { move, card } = await page.evaluate(() => {
        const w = window as unknown as { __lastMove: number; __cardAt: number };
        return { move: w.__lastMove, card: w.__cardAt };
      });
      (i === 0 ? firsts : laters).push(card - move - CARD_DELAY_MS);
    }
    await page.close();
  }
  return { firstMs: median(firsts), laterMs: median(laters) };
}

/** The worker's side: its index load when it starts, and a page's viewport when the worker had been stopped. */
/** How long `liveRun` keeps changing the page (ms), and how often. */
const LIVE_MS = 5000;
const LIVE_EVERY_MS = 100;

/**
 * Main-thread task time while the page changes one paragraph's text every LIVE_EVERY_MS for LIVE_MS
 * (a live blog's ticker on a huge page), and how many passes Gloss made meanwhile.
 */
async function liveRun(ctx: BrowserContext, url: string, gloss: boolean): Promise<{ task: number; passes: number }> {
  const m = await openMeasured(ctx, url);
  if (gloss) await annotated(m.cdp);
  // The whole page, as in the runs before it was read in part: changes land all over it.
  if (gloss) await readWholePage(ctx, m.page);
  await settle(m.page);
  await primeHarness(m.page);
  const before = (await m.metrics()).task;
  const passesBefore = await m.page.evaluate(() => performance.getEntriesByName('gloss:annotate').length);
  await m.page.evaluate(([ms, every]) => {
    const paragraphs = document.querySelectorAll('p');
    let n = 0;
    const id = setInterval(() => {
      const text = paragraphs[(n * 7) % paragraphs.length]?.firstChild;
      if (text instanceof Text) text.data = `Update ${n} says `;
      n++;
    }, every);
    setTimeout(() => clearInterval(id), ms);
  }, [LIVE_MS, LIVE_EVERY_MS] as const);
  await m.page.waitForTimeout(LIVE_MS + 300);
  const task = (await m.metrics()).task - before;
  const passes = (await m.page.evaluate(() => performance.getEntriesByName('gloss:annotate').length)) - passesBefore;
  await m.page.close();
  return { task, passes };
}

type ChangeKind = 'style' | 'height' | 'text';
/** How long `changingRun` lets a page's script change it, and how often. */
const CHANGING_MS = 5000;
const CHANGING_EVERY_MS = 10;

/**
 * Main-thread task time while the page's own script changes it every CHANGING_EVERY_MS for CHANGING_MS,
 * as a carousel, a video's progress bar or a clock does: `style`, an element's inline width (no text
 * changes, Gloss makes no pass); `height`, its height (the page's height changes at every frame, as
 * under a growing ad); `text`, a line's text without a name ("Updated 10 ms ago"). Chromium
 * rebuilds its highlight markers for every registered range after any change to the DOM or style
 * (`paint-highlights.ts`). Also how many ranges were registered, with Gloss.
 */
async function changingRun(ctx: BrowserContext, url: string, gloss: boolean, kind: ChangeKind): Promise<{ task: number; registered: number }> {
  const m = await openMeasured(ctx, url);
  if (gloss) await annotated(m.cdp);
  await settle(m.page);
  await primeHarness(m.page);
  const before = (await m.metrics()).task;
  const registered = await m.page.evaluate(
    ([ms, every, kind]) => {
      const box = document.body.appendChild(document.createElement('div'));
      box.textContent = 'Updated';
      let n = 0;
      const id = setInterval(() => {
        n++;
        if (kind === 'style') box.style.width = `${200 + (n % 50)}px`;
        else if (kind === 'height') box.style.height = `${20 + (n % 50)}px`;
        else box.textContent = `Updated ${n * every} ms ago`;
      }, every);
      setTimeout(() => clearInterval(id), ms);
      let count = 0;
      for (const [name, highlight] of CSS.highlights) if (name.startsWith('gloss-')) count += highlight.size;
      return count;
    },
    [CHANGING_MS, CHANGING_EVERY_MS, kind] as const,
  );
  await m.page.waitForTimeout(CHANGING_MS + 300);
  const task = (await m.metrics()).task - before;
  await m.page.close();
  return { task, registered };
}

/** How far `scrollRun` scrolls, and by how much per wheel event (one per frame, about). */
const SCROLL_STEP_PX = 60;
const SCROLL_STEPS = 120;

/**
 * Main-thread task time while the reader scrolls the annotated page with the mouse wheel: a page with
 * more names than the painter registers at once (paint-highlights.ts) changes its highlights as the
 * viewport moves, and each change repaints the page.
 */
async function scrollRun(ctx: BrowserContext, url: string, gloss: boolean): Promise<number> {
  const m = await openMeasured(ctx, url);
  if (gloss) await annotated(m.cdp);
  await settle(m.page);
  await primeHarness(m.page);
  await m.page.mouse.move(600, 400);
  const before = (await m.metrics()).task;
  for (let i = 0; i < SCROLL_STEPS; i++) {
    await m.page.mouse.wheel(0, SCROLL_STEP_PX);
    await m.page.waitForTimeout(16);
  }
  await m.page.waitForTimeout(300);
  const task = (await m.metrics()).task - before;
  await m.page.close();
  return task;
}

export interface ScrollStats {
  page: string;
  px: number;
  /** Main-thread task time while scrolling, with Gloss and without (medians of RUNS, alternated). */
  withMs: number;
  withoutMs: number;
}

export interface ChangingStats {
  page: string;
  /** The page's mentions, and how many ranges were registered (painted) with the reader at its top. */
  mentions: number;
  registered: number;
  seconds: number;
  /** Main-thread task time over CHANGING_MS of the page's changes, with Gloss minus without (medians of RUNS, alternated). */
  styleAddedMs: number;
  heightAddedMs: number;
  textAddedMs: number;
  /** The page scrolled by the wheel (`scrollRun`): task time with Gloss and without. */
  scrollPx: number;
  scrollWithMs: number;
  scrollWithoutMs: number;
}

export interface LiveStats {
  page: string;
  /** Main-thread task time over LIVE_MS of changes, with Gloss minus without (medians of RUNS, alternated). */
  addedMs: number;
  seconds: number;
  /** Gloss's passes over that time. */
  passes: number;
}

export interface WorkerStats {
  /** `gloss:index` in the worker: its script's index read and merged with the packs, the first time (cold). */
  indexMs: number;
  /**
   * Each real page loaded once right after the worker was stopped (`coldWorkerRun`), as most pages a
   * reader opens find it (Chrome stops it after 30 s idle): the median of their viewportMs, and of
   * their first request's round trip (`linkMs`); the same pages' warm medians are in the table.
   */
  coldViewportMs: number;
  coldLinkMs: number;
  /** Lowest and highest cold viewportMs. */
  coldViewportRange: [number, number];
  pages: number;
}

export async function browserBench(): Promise<{ rows: BrowserRow[]; hover: HoverStats | undefined; worker: WorkerStats | undefined; live: LiveStats | undefined; scroll: ScrollStats | undefined; changing: ChangingStats | undefined }> {
  const fixtures = join(ROOT, 'bench/.pages');
  generatedPage(fixtures);
  const server = await startStaticServer({ '/corpus/': CORPUS, '/bench/': fixtures, '/': join(ROOT, 'node_modules/mark.js/dist') });
  const largest = corpusPages();
  const typical = typicalPages().filter((p) => !largest.includes(p));
  // BENCH_PAGES: only the pages whose path holds it (an A/B of two builds on one page).
  const urls = [...largest.map((p) => `/corpus/${p}`), ...typical.map((p) => `/corpus/${p}`), '/bench/generated-20k.html'].filter((u) => u.includes(process.env.BENCH_PAGES ?? ''));
  const setOf = (url: string) => (url.startsWith('/bench/') ? 'generated' : typical.some((p) => url.endsWith(p)) ? 'typical' : 'largest');

  // The same alias list mark.js gets: every alias of the bundled index, as one RegExp.
  const knowledge = JSON.parse(readFileSync(join(ROOT, 'knowledge/knowledge.json'), 'utf8')) as { entities: { aliases: { text: string }[] }[] };
  const aliases = [...new Set(knowledge.entities.flatMap((e) => e.aliases.map((a) => a.text)))].sort((a, b) => b.length - a.length);
  const pattern = `\\b(?:${aliases.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`;

  const withExt = await launch(true);
  const without = await launch(false);
  const rows: BrowserRow[] = [];
  let hover: HoverStats | undefined;
  let worker: WorkerStats | undefined;
  let live: LiveStats | undefined;
  let scroll: ScrollStats | undefined;
  let changing: ChangingStats | undefined;
  try {
    for (const url of urls) {
      const gloss: GlossRun[] = [];
      const bare: Awaited<ReturnType<typeof bareRun>>[] = [];
      const onDemand: Awaited<ReturnType<typeof onDemandRun>>[] = [];
      const start: { start: number; longest: number }[] = [];
      // Alternate: a run with Gloss, one without it (which then runs mark.js), one turning Gloss on in the tab.
      for (let run = 0; run < RUNS; run++) {
        gloss.push(await glossRun(withExt, `${server.origin}${url}`));
        bare.push(await bareRun(without, `${server.origin}${url}`, server.origin, pattern));
        if (!process.env.GLOSS_DIST) onDemand.push(await onDemandRun(withExt, `${server.origin}${url}`));
        start.push(await startRun(withExt, `${server.origin}${url}`));
      }
      const added = median(gloss.map((g) => g.task)) - median(bare.map((b) => b.task));
      const markJsMs = median(bare.map((b) => b.mark));
      rows.push({
        page: url.replace(/^\/(corpus|bench)\//, ''),
        set: setOf(url),
        blocks: gloss[0]!.blocks,
        mentions: gloss[0]!.mentions,
        viewportMs: median(gloss.map((g) => g.viewport)),
        pageMs: median(gloss.map((g) => g.page)),
        linkMs: median(gloss.map((g) => g.link)),
        workerMs: median(gloss.map((g) => g.worker)),
        longestTaskMs: median(start.map((t) => t.longest)),
        addedCpuMs: added,
        addedScriptMs: median(gloss.map((g) => g.script)) - median(bare.map((b) => b.script)),
        addedStyleMs: median(gloss.map((g) => g.style)) - median(bare.map((b) => b.style)),
        heapMB: median(gloss.map((g) => g.heap)) - median(bare.map((b) => b.heap)),
        glossCpuMs: median(onDemand.map((o) => o.gloss)),
        restCpuMs: median(onDemand.map((o) => o.rest)),
        warmCpuMs: median(onDemand.map((o) => o.warm)),
        fixedCpuMs: median(onDemand.map((o) => o.load)) - median(bare.map((b) => b.task)),
        startCpuMs: median(start.map((t) => t.start)),
        markJsMs,
        markJsTimes: markJsMs / Math.max(median(onDemand.map((o) => o.gloss)), 1),
      });
    }
    {
      const liveUrl = `${server.origin}/bench/generated-20k.html`;
      const withRuns: { task: number; passes: number }[] = [];
      const withoutRuns: { task: number; passes: number }[] = [];
      for (let run = 0; run < RUNS; run++) {
        withRuns.push(await liveRun(withExt, liveUrl, true));
        withoutRuns.push(await liveRun(without, liveUrl, false));
      }
      live = {
        page: 'generated-20k.html',
        addedMs: median(withRuns.map((r) => r.task)) - median(withoutRuns.map((r) => r.task)),
        seconds: LIVE_MS / 1000,
        passes: median(withRuns.map((r) => r.passes)),
      };
      const withScroll: number[] = [];
      const withoutScroll: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        withScroll.push(await scrollRun(withExt, liveUrl, true));
        withoutScroll.push(await scrollRun(without, liveUrl, false));
      }
      scroll = { page: 'generated-20k.html', px: SCROLL_STEP_PX * SCROLL_STEPS, withMs: median(withScroll), withoutMs: median(withoutScroll) };
    }
    // The real page with the most names, changed by its own script, and scrolled.
    const real = rows.filter((r) => r.set !== 'generated').sort((a, b) => b.mentions - a.mentions)[0];
    if (real) {
      const url = `${server.origin}/corpus/${real.page}`;
      const runs = { style: [[], []], height: [[], []], text: [[], []] } as Record<ChangeKind, [{ task: number; registered: number }[], { task: number; registered: number }[]]>;
      const scrolls: [number[], number[]] = [[], []];
      for (let run = 0; run < RUNS; run++) {
        for (const kind of ['style', 'height', 'text'] as const) {
          runs[kind][0].push(await changingRun(withExt, url, true, kind));
          runs[kind][1].push(await changingRun(without, url, false, kind));
        }
        scrolls[0].push(await scrollRun(withExt, url, true));
        scrolls[1].push(await scrollRun(without, url, false));
      }
      const added = (kind: ChangeKind) => median(runs[kind][0].map((r) => r.task)) - median(runs[kind][1].map((r) => r.task));
      changing = {
        page: real.page,
        mentions: real.mentions,
        registered: median(runs.style[0].map((r) => r.registered)),
        seconds: CHANGING_MS / 1000,
        styleAddedMs: added('style'),
        heightAddedMs: added('height'),
        textAddedMs: added('text'),
        scrollPx: SCROLL_STEP_PX * SCROLL_STEPS,
        scrollWithMs: median(scrolls[0]),
        scrollWithoutMs: median(scrolls[1]),
      };
    }
    if (!process.env.GLOSS_DIST) {
      hover = await hoverTimes(withExt, server.origin);
      const sw = withExt.serviceWorkers()[0]!;
      const indexMs = await sw.evaluate(() => performance.getEntriesByName('gloss:index')[0]?.duration ?? NaN);
      // `new URL` gives a chrome-extension: URL the origin "null".
      const extensionUrl = `${sw.url().split('/').slice(0, 3).join('/')}/popup.html`;
      const cold: { viewport: number; link: number }[] = [];
      for (const url of urls.filter((u) => u.startsWith('/corpus/'))) cold.push(await coldWorkerRun(withExt, extensionUrl, `${server.origin}${url}`));
      const viewports = cold.map((c) => c.viewport);
      worker = {
        indexMs,
        coldViewportMs: median(viewports),
        coldLinkMs: median(cold.map((c) => c.link)),
        coldViewportRange: [Math.min(...viewports), Math.max(...viewports)],
        pages: cold.length,
      };
    }
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
  return { rows, hover, worker, live, scroll, changing };
}
