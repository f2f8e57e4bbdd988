/**
 * Launches Debian's Chromium with the built extension (dist/chrome) and a local fixture server.
 * One browser per test file; all non-loopback requests are aborted so pages load fast offline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium-path.mjs';
import { startStaticServer } from '../../../scripts/static-server.mjs';
import { LOCAL_KEYS } from '../../../src/storage-keys';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist/chrome');

export interface Gloss {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  origin: string;
  /** Requests that tried to leave the machine. */
  externalRequests: string[];
  newPage(path: string): Promise<Page>;
  popup(tabPage: Page): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  /**
   * Installs Gloss from dist/chrome into the running browser, as a reader does with pages open, or
   * updates it when it is installed (`later` only): the browser's own unpacked load, over CDP.
   */
  install(): Promise<void>;
  /** Clicks Gloss's toolbar button with `tabPage` the active tab: its popup opens for that tab, which grants `activeTab`. */
  clickButton(tabPage: Page): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  /** A touch screen (taps, no hover). */
  hasTouch?: boolean;
  /** Extra URL prefix → directory mounts for the fixture server. */
  mounts?: Record<string, string>;
  /** Response headers for every served file (e.g. a CSP that stops page scripts). */
  headers?: Record<string, string>;
  /** Starts the browser without Gloss: `install()` adds it later. */
  later?: boolean;
}

export async function launchGloss(options: LaunchOptions = {}): Promise<Gloss> {
  const server = await startStaticServer({ '/': join(ROOT, 'test/fixtures'), ...options.mounts }, 0, options.headers);
  const userDir = mkdtempSync(join(tmpdir(), 'gloss-e2e-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: chromiumPath(),
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
    viewport: { width: 1100, height: 800 },
    hasTouch: options.hasTouch ?? false,
    // `later`: extensions on (Playwright turns them off unless one is loaded at launch), and CDP may load one.
    ignoreDefaultArgs: options.later ? ['--disable-extensions'] : undefined,
    args: ['--headless=new', ...(options.later ? ['--enable-unsafe-extension-debugging'] : [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`]), ...CHROMIUM_ARGS],
  });
  const externalRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'chrome-extension:' || url.protocol === 'data:') {
      return route.continue();
    }
    externalRequests.push(url.href);
    return route.abort();
  });
  const browserCdp = options.later ? await context.browser()!.newBrowserCDPSession() : undefined;
  /** The worker of the Gloss installed now (an update starts a new one); sets the tests' timings switch. */
  const workerOf = async (extensionId?: string, started?: Worker): Promise<Worker> => {
    const isOurs = (w: Worker) => extensionId === undefined || new URL(w.url()).host === extensionId;
    const worker =
      (started && isOurs(started) ? started : context.serviceWorkers().find(isOurs)) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
    // The tests wait on and read Gloss's `gloss:*` performance entries, which tabs write only with this on.
    await worker.evaluate((key) => chrome.storage.local.set({ [key]: true }), LOCAL_KEYS.devTimings);
    return worker;
  };
  const worker = options.later ? (undefined as unknown as Worker) : await workerOf();
  const extensionId = worker ? new URL(worker.url()).host : '';

  /** A tab's id for a page URL: tab URLs need the `tabs` permission, so read the worker's per-tab records. */
  const lookup = (url: string) =>
    gloss.worker.evaluate(async (u) => {
      const stored = await chrome.storage.session.get(null);
      for (const [key, value] of Object.entries(stored)) {
        if (key.startsWith('tab:') && (value as { url: string }).url === u) return Number(key.slice(4));
      }
      throw new Error(`no tab reported ${u}`);
    }, url);

  const gloss: Gloss = {
    context,
    worker,
    extensionId,
    origin: server.origin,
    externalRequests,
    async newPage(path) {
      const page = await context.newPage();
      await page.goto(`${server.origin}${path}`);
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      // The content script reports soon after load; poll until the worker has it.
      for (let i = 0; ; i++) {
        try {
          return await lookup(url);
        } catch (e) {
          if (i >= 60) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
    async popup(tabPage) {
      const tabId = await gloss.tabIdOf(tabPage);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    async install() {
      if (!browserCdp) throw new Error('install(): launch with { later: true }');
      // An update replaces the worker: the new one, not the old one Playwright may still list.
      const started = context.waitForEvent('serviceworker', { timeout: 30_000 });
      const { id } = await browserCdp.send('Extensions.loadUnpacked', { path: DIST });
      gloss.extensionId = id;
      gloss.worker = await workerOf(id, await started);
    },
    async clickButton(tabPage) {
      const cdp = browserCdp ?? (await context.browser()!.newBrowserCDPSession());
      await tabPage.bringToFront();
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === tabPage.url());
      if (!tab) throw new Error(`no tab target for ${tabPage.url()}`);
      await cdp.send('Extensions.triggerAction', { id: gloss.extensionId, targetId: tab.targetId });
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(userDir, { recursive: true, force: true });
    },
  };
  return gloss;
}

/** A browser with Gloss and the demo story open and annotated: the setup most suites share. */
export async function openDemoStory(options: LaunchOptions = {}): Promise<{ gloss: Gloss; page: Page }> {
  const gloss = await launchGloss(options);
  const page = await gloss.newPage('/seed-article.html');
  await waitForAnnotation(page);
  return { gloss, page };
}

/** Names painted in each `gloss-*` highlight, read from the page's own world. */
export function paintedText(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('gloss-')) continue;
      out[name] = [...highlight].map((r) => r.toString());
    }
    return out;
  });
}

/** Centre of the n-th occurrence of `text` inside the element matched by `selector`. */
export async function pointOf(page: Page, selector: string, text: string, nth = 0): Promise<{ x: number; y: number }> {
  // Let any smooth scroll (stepping to a mention) settle before measuring.
  await page.evaluate(async () => {
    let last = -1;
    for (let i = 0; i < 120 && scrollY !== last; i++) {
      last = scrollY;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
  });
  return page.evaluate(
    ({ selector, text, nth }) => {
      // The document's own methods, not what a page's named elements put in their place (hostile pages).
      const el = Document.prototype.querySelector.call(document, selector);
      if (!el) throw new Error(`no element ${selector}`);
      const walker = Document.prototype.createTreeWalker.call(document, el, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        let at = data.indexOf(text);
        while (at >= 0) {
          if (seen++ === nth) {
            const range = Document.prototype.createRange.call(document);
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const r = range.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }
          at = data.indexOf(text, at + 1);
        }
      }
      throw new Error(`"${text}" #${nth} not found in ${selector}`);
    },
    { selector, text, nth },
  );
}

/** Moves the pointer onto a point and rests there, as a reader would. */
export async function restOn(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.move(point.x - 30, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

/** Text of the open card, or null when none is open. */
export function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = Document.prototype.querySelector.call(document, '[data-gloss="card"]');
    return host?.shadowRoot?.textContent ?? null;
  });
}

/**
 * The card's text once its details are shown; null while there is no card or it still says "Loading…".
 * The card opens at once with the name it matched, and its details follow from the worker: a test that
 * goes on to the details, or to the card's final size, waits for them.
 */
export async function shownCardText(page: Page): Promise<string | null> {
  const text = await cardText(page);
  return text === null || text.includes('Loading…') ? null : text;
}

export async function waitForAnnotation(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0, null, { timeout: 20_000 });
}
