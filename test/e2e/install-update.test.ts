/**
 * Pages open when Gloss is installed or updated. Chromium injects an extension's content scripts only
 * into pages loaded afterwards, and leaves an updated extension's old script running in the pages open
 * before, with dead extension APIs. The browser here starts without Gloss and installs it over CDP,
 * as a reader installs it with a story open; installing it again is an update.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, shownCardText, launchGloss, paintedText, pointOf, restOn, waitForAnnotation, type Gloss } from './support/browser';

let gloss: Gloss;
let before: Page;
let framed: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  gloss = await launchGloss({ later: true });
  before = await gloss.newPage('/seed-article.html');
  framed = await gloss.newPage('/iframe.html');
  for (const page of [before, framed]) page.on('pageerror', (e) => pageErrors.push(e.message));
  await gloss.install();
});
afterAll(async () => {
  await gloss?.close();
});

/** How many passes Gloss has made in the page (`gloss:annotate` marks, one per pass, any script of it). */
const passes = (page: Page) => page.evaluate(() => performance.getEntriesByName('gloss:annotate').length);
const cardHosts = (page: Page) => page.evaluate(() => Document.prototype.querySelectorAll.call(document, '[data-gloss]').length);

async function openCardOn(page: Page, name: string): Promise<string> {
  await page.mouse.move(2, 2);
  await restOn(page, await pointOf(page, 'article', name));
  // Its details, not only the name it matched: a freshly installed worker may still be starting.
  await expect.poll(() => shownCardText(page), { timeout: 10_000 }).toContain(name);
  return (await cardText(page))!;
}

/** Names painted in each `gloss-*` highlight of a frame's document. */
const paintedIn = (frame: Frame) =>
  frame.evaluate(() => Object.fromEntries([...CSS.highlights].filter(([name]) => name.startsWith('gloss-')).map(([name, h]) => [name, [...h].map((r) => r.toString())])));

/** Moves the pointer about a little, away from any name. */
async function moveAbout(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await page.mouse.move(40, 30, { steps: 3 });
}

describe('installed with a story open', () => {
  it('the story shows nothing until the reader clicks Gloss’s button; then its names are painted, open their cards, and the popup lists them', async () => {
    // What Chromium does: no Gloss in a page loaded before the install.
    await before.waitForTimeout(1000);
    expect(await paintedText(before)).toEqual({});

    await gloss.clickButton(before);
    await waitForAnnotation(before);
    expect((await paintedText(before))['gloss-person']).toContain('Christopher Krebs');
    expect(await openCardOn(before, 'Krebs')).toContain('Cybersecurity');
    expect(await cardHosts(before)).toBe(1);

    const popup = await gloss.popup(before);
    await expect.poll(() => popup.locator('[data-entity-id]').allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('Christopher Krebs'));
    await popup.close();
  });

  it('a story in a frame of the page’s own site is read too; the frames around it are left as they were', async () => {
    const frameText = () => Promise.all(framed.frames().map(async (f) => [new URL(f.url()).pathname, await paintedIn(f)] as const));
    expect((await frameText()).every(([, painted]) => Object.keys(painted).length === 0)).toBe(true);
    await gloss.clickButton(framed);
    await expect.poll(async () => (await frameText()).find(([path]) => path === '/seed-article.html')?.[1]['gloss-person'] ?? [], { timeout: 10_000 }).toContain('Christopher Krebs');
    // The page around it names nobody, and the ad frame has too little text to load Gloss for.
    expect(Object.fromEntries((await frameText()).filter(([path]) => path !== '/seed-article.html'))).toEqual({ '/iframe.html': {}, '/ad.html': {} });
  });
});

describe('updated with a story open', () => {
  it('the old script’s names vanish as soon as the pointer moves, leaving nothing of Gloss in the page; the button brings Gloss back', async () => {
    const page = await gloss.newPage('/seed-article.html');
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await waitForAnnotation(page);
    await openCardOn(page, 'Krebs');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();

    await gloss.install();
    await moveAbout(page);
    await expect.poll(() => paintedText(page)).toEqual({});
    // The card's host goes too: the page is as the site made it.
    expect(await cardHosts(page)).toBe(0);
    // A name rested on opens nothing, and nothing is painted again.
    await restOn(page, await pointOf(page, 'article', 'Krebs'));
    await page.waitForTimeout(1200);
    expect(await cardText(page)).toBeNull();
    expect(await paintedText(page)).toEqual({});

    await gloss.clickButton(page);
    await expect.poll(() => paintedText(page).then((p) => p['gloss-person'] ?? []), { timeout: 10_000 }).toContain('Christopher Krebs');
    expect(await openCardOn(page, 'Krebs')).toContain('Cybersecurity');
    await page.close();
  });

  it('the button clicked before the pointer moves: the new Gloss stops the old one, and its names stay painted and open their cards', async () => {
    const page = await gloss.newPage('/seed-article.html');
    await waitForAnnotation(page);
    const passesBefore = await passes(page);

    await gloss.install();
    await gloss.clickButton(page);
    await expect.poll(() => passes(page), { timeout: 10_000 }).toBeGreaterThan(passesBefore);
    await moveAbout(page);
    await page.waitForTimeout(300);
    expect((await paintedText(page))['gloss-person']).toContain('Christopher Krebs');
    expect(await openCardOn(page, 'Krebs')).toContain('Cybersecurity');
    expect(await cardHosts(page)).toBe(1);
    await page.close();
  });
});

describe('started twice in one page', () => {
  it('(the button clicked as the page’s own Gloss starts) it runs once: one card opens, once', async () => {
    const page = await gloss.newPage('/seed-article.html');
    await waitForAnnotation(page);
    const passesBefore = await passes(page);
    // The click grants the tab to Gloss; its script injected again plays the race of the button's
    // check against a page whose own script has not begun to answer.
    await gloss.clickButton(page);
    const tabId = await gloss.tabIdOf(page);
    // The grant can reach the worker a moment after the click returns (a busy machine): try until it has.
    const injected = (id: number) =>
      gloss.worker.evaluate(async (tab) => {
        try {
          await chrome.scripting.executeScript({ target: { tabId: tab, frameIds: [0] }, files: ['content.js'] });
          return true;
        } catch {
          return false;
        }
      }, id);
    await expect.poll(() => injected(tabId), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => passes(page), { timeout: 10_000 }).toBeGreaterThan(passesBefore);
    await openCardOn(page, 'Krebs');
    await page.waitForTimeout(500);
    expect(await cardHosts(page)).toBe(1);
    await page.close();
  });
});

it('no page error was caused anywhere in this suite', () => {
  expect(pageErrors).toEqual([]);
});
