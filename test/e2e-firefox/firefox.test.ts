/**
 * The same Gloss in a real Firefox ESR (puppeteer-core over WebDriver BiDi, the built
 * dist/firefox installed as a temporary add-on): the demo story is painted and a card opens.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/static-server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

let browser: Browser;
let page: Page;
let server: { origin: string; close: () => Promise<void> };

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox ESR not found at ${FIREFOX}. Install it with \`sudo apt-get install -y firefox-esr\` or set FIREFOX_PATH.`);
  }
  server = await startStaticServer({ '/': join(ROOT, 'test/fixtures') });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'gloss-ff-')),
    extraPrefsFirefox: { 'network.proxy.type': 0, 'datareporting.policy.dataSubmissionEnabled': false },
  });
  await browser.installExtension(join(ROOT, 'dist/firefox'));
  page = await browser.newPage();
  await page.goto(`${server.origin}/seed-article.html`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const painted = () =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) if (name.startsWith('gloss-')) for (const r of h) out.push(r.toString());
    return out;
  });

describe('Firefox ESR', () => {
  it('paints the seed story’s names in gloss-* highlights', async () => {
    const names = await poll(painted, (v) => v.length > 10);
    expect(names).toEqual(expect.arrayContaining(['Christopher Krebs', 'CISA', 'Mark Esper', 'Krebs']));
  }, 60_000);

  it('hovering the bare "Krebs" opens the card naming Christopher Krebs', async () => {
    const point = await page.evaluate(() => {
      const p = document.querySelectorAll('article p')[2]!;
      const text = p.firstChild as Text;
      const at = text.data.indexOf('Krebs');
      const r = document.createRange();
      r.setStart(text, at);
      r.setEnd(text, at + 5);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(point.x - 40, point.y + 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const card = await poll(
      () => page.evaluate(() => document.querySelector('[data-gloss]')?.shadowRoot?.textContent ?? ''),
      (t) => t.includes('Christopher Krebs') && !t.includes('Loading'),
    );
    expect(card).toContain('Christopher Krebs');
    expect(card).toContain('first director of the Cybersecurity');
  }, 60_000);
});
