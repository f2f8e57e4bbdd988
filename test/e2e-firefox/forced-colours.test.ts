/**
 * Firefox in a contrast theme (its "override the page's colours: always", a forced-colours mode):
 * it draws the underline in the theme's text colour but drops every background colour. So the
 * tinted style, whose fill would vanish, keeps an underline, and the name the reader stepped to keeps
 * its solid underline; "none" draws nothing.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPixels, paintedBox, PERSON, TINT, type Box } from '../support/pixels';
import { launchFirefoxGloss, pollFor, waitForAnnotation, waitForElement, type FirefoxGloss } from './support';

let gloss: FirefoxGloss;
let page: Page;
let box: Box;

beforeAll(async () => {
  gloss = await launchFirefoxGloss({ 'browser.display.document_color_use': 2 });
  page = await gloss.newPage('/nested-names.html');
  await waitForAnnotation(page);
  // "CISA": capitals, so nothing of the letters reaches below the line where the underline goes.
  box = await page.evaluate(paintedBox, { highlight: 'gloss-agency', name: 'CISA' });
});
afterAll(async () => {
  await gloss?.close();
});

/** Dark pixels under and around "CISA": its letters, and an underline if one is drawn. */
async function darkUnderCisa(): Promise<number> {
  const png = Buffer.from(await page.screenshot({ clip: box })).toString('base64');
  const { darkShare } = await page.evaluate(countPixels, { png, colour: PERSON, tinted: TINT });
  return Math.round(darkShare * box.width * box.height);
}

describe('Firefox ESR in a contrast theme', () => {
  it('is in forced colours', async () => {
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  });

  it('underlines names in every style but "none", the tinted one included, and the name stepped to', async () => {
    const popup = await gloss.popup(page);
    try {
      const select = '[data-testid="highlight-style"]';
      await pollFor(() => popup.evaluate((s) => document.querySelector(s) !== null, select), Boolean, 20_000, 'the popup’s style setting');
      const underlined = await darkUnderCisa();
      await popup.select(select, 'none');
      const letters = await pollFor(darkUnderCisa, (n) => n < underlined, 10_000, 'the underline gone with "none"');
      // A dotted line under the word: about a third of its width in dark pixels, at least.
      const line = box.width / 3;
      expect(underlined - letters).toBeGreaterThan(line);
      await popup.select(select, 'background');
      await pollFor(darkUnderCisa, (n) => n - letters > line, 10_000, 'an underline for the tinted style, whose fill the theme drops');

      // "Show on page" steps to CISA: the current name's solid underline, with "none" too.
      await popup.select(select, 'none');
      await pollFor(darkUnderCisa, (n) => n - letters < line, 10_000, 'no mark with "none"');
      const row = '[data-entity-id="agency:cisa"]';
      await waitForElement(popup, row);
      await popup.click(`${row} .entity-toggle`);
      const show = await popup.waitForSelector(`${row} .entity-details button`, { timeout: 10_000 });
      await show!.click();
      await pollFor(darkUnderCisa, (n) => n - letters > line, 10_000, 'the current name underlined');
    } finally {
      await popup.select('[data-testid="highlight-style"]', 'underline').catch(() => undefined);
      await popup.close();
    }
  });
});
