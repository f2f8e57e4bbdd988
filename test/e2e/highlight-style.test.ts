/**
 * What the reader sees under a name, read from real pixels: the default dotted underline in the
 * category's colour (from the stylesheet the manifest injects, so the page is never restyled to
 * paint it), a tinted background or nothing when the popup says so, and the underline back again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPixels, paintedBox, PERSON, TINT, type Box, type PixelCounts } from '../support/pixels';
import { openDemoStory, waitForAnnotation, type Gloss } from './support/browser';

let gloss: Gloss;
let page: Page;
beforeAll(async () => void ({ gloss, page } = await openDemoStory()));
afterAll(async () => {
  await gloss?.close();
});

/** Pixels under and around the first range painted in `highlight` whose text is `name` (see `pixelsIn`). */
async function pixelsUnder(on: Page, highlight: string, name: string, colour: number[] = PERSON): Promise<PixelCounts> {
  return pixelsIn(on, await on.evaluate(paintedBox, { highlight, name }), colour);
}

/** The screenshot of `box`, counted (`countPixels`): `colour` for an underline, the person tint for a background. */
async function pixelsIn(on: Page, box: Box, colour: number[] = PERSON): Promise<PixelCounts> {
  const png = (await on.screenshot({ clip: box })).toString('base64');
  return on.evaluate(countPixels, { png, colour, tinted: TINT });
}

const pixelsUnderName = () => pixelsUnder(page, 'gloss-person', 'Christopher Krebs');

describe('highlight style on the page', () => {
  it('underlines names in the category colour by default, without adopting a stylesheet into the page', async () => {
    const px = await pixelsUnderName();
    expect(px.underline).toBeGreaterThan(20);
    expect(px.tint).toBeLessThan(10);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  });

  it('switches to a tinted background, to nothing, and back to the underline, live from the popup', async () => {
    const popup = await gloss.popup(page);
    await popup.locator('summary', { hasText: 'Settings' }).click();
    const setStyle = (style: string) => popup.selectOption('[data-testid="highlight-style"]', style);
    await setStyle('background');
    await expect.poll(async () => (await pixelsUnderName()).tint, { timeout: 5000 }).toBeGreaterThan(200);
    expect((await pixelsUnderName()).underline).toBeLessThan(10);

    // A page script that sets the document's sheets to its own list drops Gloss's: it is adopted again
    // as the pointer moves, and the names are tinted again.
    await page.evaluate(() => {
      const own = new CSSStyleSheet();
      own.replaceSync('.page-own { color: inherit; }');
      document.adoptedStyleSheets = [own];
    });
    await expect.poll(async () => (await pixelsUnderName()).underline, { timeout: 5000 }).toBeGreaterThan(20);
    await page.mouse.move(40, 40);
    await page.mouse.move(60, 50);
    await expect.poll(async () => (await pixelsUnderName()).tint, { timeout: 5000 }).toBeGreaterThan(200);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(2);
    expect((await pixelsUnderName()).underline).toBeLessThan(10);

    // "None" registers no highlight at all (a contrast theme would paint even an unstyled one): the
    // name's place is read before.
    const box = await page.evaluate(paintedBox, { highlight: 'gloss-person', name: 'Christopher Krebs' });
    await setStyle('none');
    await expect.poll(async () => (await pixelsIn(page, box)).tint, { timeout: 5000 }).toBeLessThan(10);
    expect((await pixelsIn(page, box)).underline).toBeLessThan(10);

    await setStyle('underline');
    await expect.poll(async () => (await pixelsUnderName()).underline, { timeout: 5000 }).toBeGreaterThan(20);
    // Only the page's own sheet is left.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    await page.evaluate(() => (document.adoptedStyleSheets = []));
    await popup.close();
  });

  it('the popup’s category switches are a key to the page: each category’s name is marked as the page marks its names (colour and style), and follows the style', async () => {
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-testid="category-person"] .mark');
    const marks = async () => {
      // The page's highlight style for each category, read from the page's own world; the popup's key beside it.
      const onPage = await page.evaluate(() => {
        const p = document.querySelector('article p')!;
        return Object.fromEntries(['person', 'agency', 'company', 'place', 'organization'].map((c) => {
          const s = getComputedStyle(p, `::highlight(gloss-${c})`);
          return [c, { line: s.textDecorationLine, style: s.textDecorationStyle, colour: s.textDecorationColor, fill: s.backgroundColor }];
        }));
      });
      const inPopup = await popup.evaluate(() =>
        Object.fromEntries(['person', 'agency', 'company', 'place', 'organization'].map((c) => {
          const mark = document.querySelector(`[data-testid="category-${c}"] .mark`);
          if (!mark) return [c, null];
          const s = getComputedStyle(mark);
          return [c, { line: s.textDecorationLine, style: s.textDecorationStyle, colour: s.textDecorationColor, fill: s.backgroundColor, text: mark.textContent }];
        })),
      );
      return { onPage, inPopup };
    };
    const underline = await marks();
    for (const [c, page] of Object.entries(underline.onPage)) {
      expect(page.line, c).toBe('underline');
      expect(underline.inPopup[c], c).toMatchObject({ line: 'underline', style: page.style, colour: page.colour });
    }
    // Five colours, one per category, and only the category's name marked, not its count.
    expect(new Set(Object.values(underline.inPopup).map((m) => m!.colour)).size).toBe(5);
    expect(underline.inPopup.person!.text).toBe('People');

    await popup.locator('summary', { hasText: 'Settings' }).click();
    await popup.selectOption('[data-testid="highlight-style"]', 'background');
    await expect.poll(async () => (await marks()).inPopup.person?.line).toBe('none');
    const tinted = await marks();
    for (const [c, page] of Object.entries(tinted.onPage)) {
      expect(page.fill, c).not.toBe('rgba(0, 0, 0, 0)');
      expect(tinted.inPopup[c]!.fill, c).toBe(page.fill);
    }

    await popup.selectOption('[data-testid="highlight-style"]', 'none');
    await expect.poll(async () => (await marks()).inPopup.person).toBeNull();
    await popup.selectOption('[data-testid="highlight-style"]', 'underline');
    await expect.poll(async () => (await marks()).inPopup.person?.line).toBe('underline');
    await popup.close();

    // The options page's switches are the same key.
    const options = await gloss.context.newPage();
    await options.goto(`chrome-extension://${gloss.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="category-place"] .mark');
    const place = await options.evaluate(() => getComputedStyle(document.querySelector('[data-testid="category-place"] .mark')!).textDecorationColor);
    expect(place).toBe(underline.onPage.place!.colour);
    await options.close();
  });

  it('paints nothing when the story is printed, in either style, and paints again on screen', async () => {
    const box = await page.evaluate(paintedBox, { highlight: 'gloss-person', name: 'Christopher Krebs' });
    await page.emulateMedia({ media: 'print' });
    expect((await pixelsIn(page, box)).underline).toBeLessThan(10);
    const popup = await gloss.popup(page);
    await popup.locator('summary', { hasText: 'Settings' }).click();
    await popup.selectOption('[data-testid="highlight-style"]', 'background');
    await expect.poll(() => page.evaluate(() => document.adoptedStyleSheets.length), { timeout: 5000 }).toBe(1);
    expect((await pixelsIn(page, box)).tint).toBeLessThan(10);
    await page.emulateMedia({ media: 'screen' });
    expect((await pixelsIn(page, box)).tint).toBeGreaterThan(200);
    await popup.selectOption('[data-testid="highlight-style"]', 'underline');
    await expect.poll(async () => (await pixelsIn(page, box)).underline, { timeout: 5000 }).toBeGreaterThan(20);
    await popup.close();
  });
});

describe('in a contrast theme (forced colours)', () => {
  // Chromium paints every custom highlight as selected text there, whatever the sheet says: a name is
  // a block in the theme's selection colours. Gloss then draws only what the reader asked to be filled.
  it('names are not drawn as selected text, the current name is, the tinted style fills them, and the underline comes back after', async () => {
    const box = await page.evaluate(paintedBox, { highlight: 'gloss-person', name: 'Christopher Krebs' });
    const popup = await gloss.popup(page);
    await popup.locator('summary', { hasText: 'Settings' }).click();
    const setStyle = (style: string) => popup.selectOption('[data-testid="highlight-style"]', style);
    const filled = async (where = box) => (await pixelsIn(page, where)).darkShare;
    // Black text on white darkens about an eighth of its box; a selection block over half of it (the
    // box runs below the line, for an underline).
    expect(await filled()).toBeLessThan(0.3);
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      await page.waitForTimeout(300);
      expect(await filled()).toBeLessThan(0.3);

      // The name the keyboard steps to is marked: the one place a selection-like mark says the right thing.
      const tabId = await gloss.tabIdOf(page);
      await gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: {} }, { frameId: 0 }), tabId);
      await expect.poll(() => page.evaluate(() => CSS.highlights.get('gloss-current')?.size ?? 0)).toBe(1);
      const name = await page.evaluate(() => [...CSS.highlights.get('gloss-current')!][0]!.toString());
      const current = await page.evaluate(paintedBox, { highlight: 'gloss-current', name });
      await expect.poll(() => filled(current)).toBeGreaterThan(0.45);
      await page.keyboard.press('Escape');
      await expect.poll(() => filled(current)).toBeLessThan(0.3);

      // The tinted style asks for a fill: it is drawn, in the theme's colours. "None" draws nothing.
      await setStyle('background');
      await expect.poll(() => filled(), { timeout: 5000 }).toBeGreaterThan(0.45);
      await setStyle('none');
      await expect.poll(() => filled(), { timeout: 5000 }).toBeLessThan(0.3);
      await setStyle('underline');
      await page.waitForTimeout(300);
      expect(await filled()).toBeLessThan(0.3);
    } finally {
      await setStyle('underline');
      await page.emulateMedia({ forcedColors: 'none' });
    }
    await expect.poll(async () => (await pixelsIn(page, box)).underline, { timeout: 5000 }).toBeGreaterThan(20);
    await popup.close();
  });
});

describe('names inside other elements', () => {
  // Chromium's sheet puts the rules on the root, and each element's text takes them from its parent
  // (paint-highlights.ts, HighlightScope): a name in a link, in bold, in a heading or in small print
  // inside large text is underlined as one in a plain paragraph is.
  it('are underlined in their category colour: in a heading, a link, bold, small print in large text, a list', async () => {
    const nested = await gloss.newPage('/nested-names.html');
    await waitForAnnotation(nested);
    const cases: [highlight: string, name: string, colour: number[]][] = [
      ['gloss-person', 'Mark Esper', PERSON],
      ['gloss-company', 'Microsoft', [0xbc, 0x4c, 0x00]],
      ['gloss-agency', 'CISA', [0x82, 0x50, 0xdf]],
      ['gloss-person', 'Christopher Krebs', PERSON],
      ['gloss-person', 'Joe Biden', PERSON],
    ];
    for (const [highlight, name, colour] of cases) {
      const px = await pixelsUnder(nested, highlight, name, colour);
      expect(px.underline, `${name}'s underline`).toBeGreaterThan(10);
    }
    // And the page's own text around them is not underlined: the rules paint highlights only.
    const plain = await nested.evaluate((): Box => {
      const p = document.querySelector('p')!;
      const r = new Range();
      r.setStart(p.firstChild!, 0);
      r.setEnd(p.firstChild!, 'Officials at'.length);
      const b = r.getBoundingClientRect();
      return { x: Math.floor(b.left), y: Math.floor(b.top), width: Math.ceil(b.width), height: Math.ceil(b.height) + 6 };
    });
    expect((await pixelsIn(nested, plain)).saturated).toBe(0);
    await nested.close();
  });
});

describe('names inside web components', () => {
  it('are underlined in an open shadow root and in one nested inside it, as in the page itself', async () => {
    const story = await gloss.newPage('/shadow-story.html');
    await waitForAnnotation(story);
    for (const [highlight, name, colour] of [
      ['gloss-person', 'Christopher Krebs', PERSON],
      ['gloss-company', 'Microsoft', [0xbc, 0x4c, 0x00]],
      ['gloss-person', 'Joe Biden', PERSON],
      // In a component inside a paragraph.
      ['gloss-person', 'Elon Musk', PERSON],
    ] as [string, string, number[]][]) {
      expect((await pixelsUnder(story, highlight, name, colour)).underline, `${name}'s underline`).toBeGreaterThan(10);
    }
    await story.close();
  });
});
