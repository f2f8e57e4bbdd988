/**
 * Launches Debian's Firefox ESR with the built extension (dist/firefox) and a local fixture server,
 * driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive stock Firefox).
 * One browser per test file. The mirror of test/e2e/support/browser.ts for Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { LOCAL_KEYS } from '../../src/storage-keys';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist/firefox');
/** The internal UUID Firefox gives the add-on, pinned so `moz-extension://<UUID>/…` is known in advance. */
export const EXTENSION_UUID = '6f1d0c2e-9b7a-4c3e-8d5f-0a1b2c3d4e5f';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox ESR not found at ${path}. Install Debian's Firefox ESR with \`sudo apt-get install -y firefox-esr\` ` +
        'or set FIREFOX_PATH to a Firefox binary (browser downloads by test tools do not work here).',
    );
  }
  // The manifest's strict_min_version: an older Firefox installs nothing, and each test would fail apart.
  const version = /(\d+)\.\d+/.exec(execFileSync(path, ['--version'], { encoding: 'utf8' }));
  const min = Number(/^(\d+)/.exec(MANIFEST.browser_specific_settings.gecko.strict_min_version)![1]);
  if (version && Number(version[1]) < min) {
    throw new Error(
      `${path} is Firefox ${version[0]}; Gloss needs Firefox ${min} or later. Update it with ` +
        '`sudo apt-get update && sudo apt-get install -y firefox-esr` (.ci/run does), or set FIREFOX_PATH.',
    );
  }
  return path;
}

const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { strict_min_version: string } } };

export interface FirefoxGloss {
  browser: Browser;
  origin: string;
  newPage(path: string): Promise<Page>;
  /** The extension's popup page for the tab showing `tabPage`, opened in a tab of its own. */
  popup(tabPage: Page): Promise<Page>;
  /** Installs Gloss from dist/firefox into the running browser (`later`), or again: an update. */
  install(): Promise<void>;
  /** Removes Gloss from the running browser, as a reader does from about:addons. */
  uninstall(): Promise<void>;
  close(): Promise<void>;
}

/** Polls `fn` until it returns a value `ok` accepts; throws with the last value or error on timeout. */
export async function pollFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (ok(v)) return v;
      last = v;
    } catch (e) {
      // A page mid-navigation has no context to evaluate in yet: try again.
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits for `selector` in a page that may still be navigating (a popup just opened): Puppeteer's
 * `waitForSelector` over BiDi can fail outright when the page's realm is replaced under it ("right-hand
 * side of 'in' should be an object, got null", seen once in CI), where a poll just tries again.
 */
export async function waitForElement(page: Page, selector: string, timeoutMs = 20_000): Promise<void> {
  await pollFor(() => page.evaluate((s) => document.querySelector(s) !== null, selector), Boolean, timeoutMs, selector);
}

/**
 * Opens an extension page. `page.goto('moz-extension://…')` never resolves over BiDi (the load
 * event of extension pages is not reported), so navigate without awaiting and wait for the DOM.
 */
function openExtensionPage(page: Page, path: string): void {
  page.goto(`moz-extension://${EXTENSION_UUID}/${path}`).catch(() => {
    // Rejects with "Frame detached" when the page closes; the callers wait on the DOM instead.
  });
}

/** `prefs`: more Firefox preferences, such as a contrast theme's; `later`: start without Gloss (`install()` adds it). */
export async function launchFirefoxGloss(prefs: Record<string, string | number | boolean> = {}, { later = false } = {}): Promise<FirefoxGloss> {
  const executablePath = firefoxPath();
  const geckoId = (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } })
    .browser_specific_settings.gecko.id;
  const server = await startStaticServer({ '/': join(ROOT, 'test/fixtures') });
  const userDir = mkdtempSync(join(tmpdir(), 'gloss-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: userDir,
    // Lets the BiDi session open and script moz-extension:// pages (the popup).
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'network.proxy.type': 0,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...prefs,
    },
  });
  const install = async () => {
    await browser.installExtension(DIST);
    await timingsOn();
  };
  // The tests wait on and read Gloss's `gloss:*` performance entries, which tabs write only with this on.
  const timingsOn = async () => {
    const setup = await browser.newPage();
    try {
      openExtensionPage(setup, 'options.html');
      await pollFor(
        () =>
          setup.evaluate(async (key) => {
            const ext = (globalThis as unknown as { browser?: { storage: { local: { set(items: object): Promise<void> } } } }).browser;
            if (!ext?.storage) return false; // still about:blank
            await ext.storage.local.set({ [key]: true });
            return true;
          }, LOCAL_KEYS.devTimings),
        (done) => done,
        20_000,
        'the options page to turn timings on',
      );
    } finally {
      await setup.close();
    }
  };
  if (!later) await install();

  /** A tab's id for a page URL, read from the worker's per-tab records (no `tabs` permission needed). */
  const tabIdOf = async (url: string): Promise<number> => {
    const page = await browser.newPage();
    try {
      openExtensionPage(page, 'options.html');
      return await pollFor(
        () =>
          page.evaluate(async (u) => {
            const ext = (globalThis as unknown as { browser?: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).browser;
            if (!ext?.storage) return -1; // still about:blank
            const stored = await ext.storage.session.get(null);
            for (const [key, value] of Object.entries(stored)) {
              if (key.startsWith('tab:') && (value as { url: string }).url === u) return Number(key.slice(4));
            }
            return -1;
          }, url),
        (id) => id >= 0,
        20_000,
        `the worker to record ${url}`,
      );
    } finally {
      await page.close();
    }
  };

  return {
    browser,
    origin: server.origin,
    async newPage(path) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}${path}`);
      return page;
    },
    async popup(tabPage) {
      const tabId = await tabIdOf(tabPage.url());
      const popup = await browser.newPage();
      openExtensionPage(popup, `popup.html?tab=${tabId}`);
      return popup;
    },
    install,
    uninstall: () => browser.uninstallExtension(geckoId),
    async close() {
      await browser.close();
      await server.close();
      rmSync(userDir, { recursive: true, force: true });
    },
  };
}

/** Names painted in each `gloss-*` highlight, read from the page's own world. */
export function paintedText(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('gloss-')) out[name] = [...highlight].map((r) => r.toString());
    }
    return out;
  });
}

/** Centre of the first occurrence of `text` in the n-th element matching `selector`, scrolled into view. */
export function pointOf(page: Page, selector: string, nth: number, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (selector, nth, text) => {
      // The document's own methods, not what a page's named elements put in their place (hostile pages).
      const el = Document.prototype.querySelectorAll.call(document, selector)[nth];
      if (!el) throw new Error(`no element ${selector} #${nth}`);
      const walker = Document.prototype.createTreeWalker.call(document, el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.search(new RegExp(`\\b${text}\\b`));
        if (at < 0) continue;
        el.scrollIntoView({ block: 'center' });
        const range = Document.prototype.createRange.call(document);
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`"${text}" not found in ${selector} #${nth}`);
    },
    selector,
    nth,
    text,
  );
}

/** Moves the pointer onto a point and rests there, as a reader would. */
export async function restOn(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.move(point.x - 30, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

/** Text of the open card, or null when none is open. */
export function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => Document.prototype.querySelector.call(document, '[data-gloss]')?.shadowRoot?.textContent ?? null);
}

export async function waitForAnnotation(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0, { timeout: 20_000 });
}
