/**
 * Firefox and a story open when Gloss is installed or updated: unlike Chromium (test/e2e/
 * install-update.test.ts), Firefox injects an extension's content scripts into the pages already
 * open, so Gloss starts there with no click, in a page whose load ended long before.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, launchFirefoxGloss, paintedText, pointOf, pollFor, restOn, type FirefoxGloss } from './support';

let gloss: FirefoxGloss;
let page: Page;
beforeAll(async () => {
  gloss = await launchFirefoxGloss({}, { later: true });
  page = await gloss.newPage('/seed-article.html');
});
afterAll(async () => {
  await gloss?.close();
});

const cardHosts = () => page.evaluate(() => document.querySelectorAll('[data-gloss]').length);

async function cardOn(name: string): Promise<string> {
  await page.mouse.move(5, 5);
  await pollFor(() => cardText(page), (t) => t === null, 5000, 'no card');
  await restOn(page, await pointOf(page, 'article p', 2, name));
  return (await pollFor(() => cardText(page), (t) => t !== null && t.includes('Christopher Krebs') && !t.includes('Loading'), 10_000, 'the card'))!;
}

describe('Firefox, a story open at install and at update', () => {
  it('installed: the open story’s names are painted and open their cards, with no click and no reload', async () => {
    expect(await paintedText(page)).toEqual({});
    await gloss.install();
    const painted = await pollFor(() => paintedText(page), (p) => (p['gloss-person'] ?? []).includes('Christopher Krebs'), 20_000, 'the names painted');
    expect(painted['gloss-agency']).toContain('CISA');
    expect(await cardOn('Krebs')).toContain('Christopher Krebs');
    await page.keyboard.press('Escape');
  });

  it('updated: the names stay painted, by the new script, and one card opens', async () => {
    await gloss.install();
    // The old script is gone with its extension; the new one paints the same names and opens the card.
    await pollFor(() => paintedText(page), (p) => (p['gloss-person'] ?? []).includes('Christopher Krebs'), 20_000, 'the names painted again');
    expect(await cardOn('Krebs')).toContain('Christopher Krebs');
    expect(await cardHosts()).toBe(1);
  });
});
