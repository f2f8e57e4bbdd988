/**
 * Firefox and a story open when Gloss is installed or updated: unlike Chromium (test/e2e/
 * install-update.test.ts), Firefox injects an extension's content scripts into the pages already
 * open, so Gloss starts there with no click, in a page whose load ended long before.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPixels, paintedBox, PERSON, TINT, type Box, type PixelCounts } from '../support/pixels';
import { cardText, launchFirefoxGloss, paintedText, pointOf, pollFor, restOn, waitForElement, type FirefoxGloss } from './support';

let gloss: FirefoxGloss;
let page: Page;
/** A story inside web components, whose shadow roots Gloss gives a sheet of its own (paint-highlights.ts). */
let components: Page;
beforeAll(async () => {
  gloss = await launchFirefoxGloss({}, { later: true });
  components = await gloss.newPage('/shadow-story.html');
  page = await gloss.newPage('/seed-article.html');
});
afterAll(async () => {
  await gloss?.close();
});

/** The sheets each of the story's shadow roots has adopted, and the names painted in them. */
const componentSheets = () =>
  components.evaluate(() => {
    const root = document.getElementById('story')!.shadowRoot!;
    const painted = [...CSS.highlights].flatMap(([n, h]) => (n.startsWith('gloss-') ? [...h].map((r) => r.toString()) : []));
    return { story: root.adoptedStyleSheets.length, quote: root.querySelector('story-quote')!.shadowRoot!.adoptedStyleSheets.length, krebs: painted.includes('Christopher Krebs') };
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
    await pollFor(componentSheets, (s) => s.krebs && s.story === 1 && s.quote === 1, 20_000, 'the components’ names painted, each root with one sheet');
  });

  it('updated: the names stay painted, by the new script, and one card opens', async () => {
    await gloss.install();
    // The old script is gone with its extension; the new one paints the same names and opens the card.
    await pollFor(() => paintedText(page), (p) => (p['gloss-person'] ?? []).includes('Christopher Krebs'), 20_000, 'the names painted again');
    expect(await cardOn('Krebs')).toContain('Christopher Krebs');
    expect(await cardHosts()).toBe(1);
    // The old script's sheet goes: the new one replaces it rather than adding a second.
    await pollFor(componentSheets, (s) => s.krebs, 20_000, 'the components’ names painted again');
    expect(await componentSheets()).toEqual({ story: 1, quote: 1, krebs: true });
  });

  it('updated while the names are tinted: the old sheet goes with the old script, so switching back to the underline draws the underline alone', async () => {
    /** Chooses a highlight style in the popup, which stays open until the page shows it (closed at once, the choice may not be saved). */
    const style = async (value: string, shown: (px: PixelCounts) => boolean, what: string) => {
      const popup = await gloss.popup(page);
      try {
        await waitForElement(popup, '[data-testid="highlight-style"]');
        await popup.select('[data-testid="highlight-style"]', value);
        await pollFor(() => pixelsUnderKrebs(page), shown, 10_000, what);
      } finally {
        await popup.close();
      }
    };
    const tinted = (px: PixelCounts) => px.tint > 200 && px.underline < 10;
    await style('background', tinted, 'the tint under Christopher Krebs');
    await gloss.install();
    await pollFor(() => paintedText(page), (p) => (p['gloss-person'] ?? []).includes('Christopher Krebs'), 20_000, 'the names painted again');
    await pollFor(() => pixelsUnderKrebs(page), tinted, 10_000, 'the tint kept by the new script');
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    await style('underline', (px) => px.underline > 20 && px.tint < 10, 'the underline alone');
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  });

  it('removed while names are tinted, in the page and in its web components: nothing of Gloss is drawn any more, with no reload', async () => {
    const popup = await gloss.popup(page);
    try {
      await waitForElement(popup, '[data-testid="highlight-style"]');
      await popup.select('[data-testid="highlight-style"]', 'background');
      await pollFor(() => pixelsUnderKrebs(page), (px) => px.tint > 200, 10_000, 'the tint under Christopher Krebs');
    } finally {
      await popup.close();
    }
    await pollFor(() => pixelsUnderKrebs(components), (px) => px.tint > 200, 10_000, 'the tint under the component’s Christopher Krebs');
    // Firefox takes the script and its injected sheet away, not the sheets the script adopted, nor the
    // highlights it registered: those rules must draw nothing without the injected sheet's values.
    const box = await page.evaluate(paintedBox, { highlight: 'gloss-person', name: 'Christopher Krebs' });
    const inComponent = await components.evaluate(paintedBox, { highlight: 'gloss-person', name: 'Christopher Krebs' });
    await gloss.uninstall();
    const plain = (px: PixelCounts) => px.tint === 0 && px.underline === 0;
    await pollFor(() => pixelsIn(page, box), plain, 10_000, 'the story plain');
    await pollFor(() => pixelsIn(components, inComponent), plain, 10_000, 'the component plain');
  });
});

async function pixelsUnderKrebs(on: Page): Promise<PixelCounts> {
  return pixelsIn(on, await on.evaluate(paintedBox, { highlight: 'gloss-person', name: 'Christopher Krebs' }));
}

async function pixelsIn(on: Page, box: Box): Promise<PixelCounts> {
  const png = Buffer.from(await on.screenshot({ clip: box })).toString('base64');
  return on.evaluate(countPixels, { png, colour: PERSON, tinted: TINT });
}
