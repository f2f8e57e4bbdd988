/**
 * The same Gloss in a real Firefox ESR (dist/firefox installed as a temporary add-on): the demo
 * story is painted and styled, the card opens in the top layer, and the popup lists the story.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, launchFirefoxGloss, paintedText, pointOf, pollFor, restOn, waitForAnnotation, type FirefoxGloss } from './support';

let gloss: FirefoxGloss;
let page: Page;

beforeAll(async () => {
  gloss = await launchFirefoxGloss();
  page = await gloss.newPage('/seed-article.html');
  await waitForAnnotation(page);
});
afterAll(async () => {
  await gloss?.close();
});

describe('Firefox ESR', () => {
  it('paints the seed story’s names in gloss-<category> highlights', async () => {
    const painted = await paintedText(page);
    expect(painted['gloss-person']).toEqual(expect.arrayContaining(['Christopher Krebs', 'Krebs', 'Mark Esper']));
    expect(painted['gloss-agency']).toEqual(expect.arrayContaining(['CISA', 'Cybersecurity and Infrastructure Security Agency']));
    const detail = await page.evaluate(() => (performance.getEntriesByName('gloss:annotate')[0] as PerformanceMeasure).detail as { mentions: number });
    expect(detail.mentions).toBeGreaterThan(20);
  });

  it('styles the highlights with the stylesheet the content script adopted into the page', async () => {
    // The Firefox-specific risk: a constructed sheet from a content script must be adoptable by the page.
    const rules = await page.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
    expect(rules).toContain('::highlight(gloss-person)');
    expect(rules).toContain('::highlight(gloss-agency)');
  });

  it('hovering the bare "Krebs" in "The firing of Krebs" opens the card naming Christopher Krebs', async () => {
    await page.mouse.move(5, 5);
    await pollFor(() => cardText(page), (t) => t === null, 5000, 'no card');
    await restOn(page, await pointOf(page, 'article p', 2, 'Krebs'));
    const text = await pollFor(() => cardText(page), (t) => t !== null && /\S/.test(t) && !t.includes('Loading'), 10_000, 'the card');
    expect(text).toContain('Christopher Krebs');
    expect(text).toMatch(/same person as “Christopher Krebs”/);
    const host = await page.evaluate(() => {
      const h = document.querySelector('[data-gloss]');
      return { parent: h?.parentElement === document.documentElement, mode: h?.shadowRoot?.mode, topLayer: h?.matches(':popover-open') };
    });
    expect(host).toEqual({ parent: true, mode: 'open', topLayer: true });
    await page.keyboard.press('Escape');
    await pollFor(() => cardText(page), (t) => t === null, 5000, 'Esc to close the card');
  });

  it('the popup opened for the tab lists the story’s entities', async () => {
    const popup = await gloss.popup(page);
    try {
      const row = await pollFor(
        () => popup.evaluate(() => document.querySelector('[data-entity-id="person:christopher-krebs"]')?.textContent ?? ''),
        (t) => t.includes('Christopher Krebs'),
        20_000,
        'the popup’s Christopher Krebs row',
      );
      expect(row).toContain('Christopher Krebs');
      const ids = await popup.evaluate(() => [...document.querySelectorAll('[data-entity-id]')].map((e) => e.getAttribute('data-entity-id')));
      expect(ids).toEqual(expect.arrayContaining(['person:mark-esper', 'agency:cisa']));
    } finally {
      await popup.close();
    }
  });
});
