/**
 * What the reader sees under a name, read from real pixels: the default dotted underline in the
 * category's colour (from the stylesheet the manifest injects, so the page is never restyled to
 * paint it), a tinted background or nothing when the popup says so, and the underline back again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoStory, type Gloss } from './support/browser';

let gloss: Gloss;
let page: Page;
beforeAll(async () => void ({ gloss, page } = await openDemoStory()));
afterAll(async () => {
  await gloss?.close();
});

/** The person colour (light theme) and its 18% tint over the white page. */
const PERSON = [0x1f, 0x6f, 0xeb];
const TINT = PERSON.map((c) => Math.round(c * 0.18 + 255 * 0.82));

/** Pixels under and around the first painted "Christopher Krebs": how many are the underline colour, how many the tint. */
async function pixelsUnderName(): Promise<{ underline: number; tint: number }> {
  const box = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('gloss-person') ?? [])].find((r) => r.toString() === 'Christopher Krebs') as Range;
    const r = range.getBoundingClientRect();
    return { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.ceil(r.height) + 6 };
  });
  const png = (await page.screenshot({ clip: box })).toString('base64');
  // Decode the screenshot with the browser's own PNG decoder.
  return page.evaluate(
    async ({ png, person, tinted }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const near = (i: number, rgb: number[], tolerance: number) => rgb.every((c, k) => Math.abs(data[i + k]! - c) <= tolerance);
      let underline = 0;
      let tint = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (near(i, person, 40)) underline++;
        if (near(i, tinted, 6)) tint++;
      }
      return { underline, tint };
    },
    { png, person: PERSON, tinted: TINT },
  );
}


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

    await setStyle('none');
    await expect.poll(async () => (await pixelsUnderName()).tint, { timeout: 5000 }).toBeLessThan(10);
    expect((await pixelsUnderName()).underline).toBeLessThan(10);

    await setStyle('underline');
    await expect.poll(async () => (await pixelsUnderName()).underline, { timeout: 5000 }).toBeGreaterThan(20);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await popup.close();
  });
});
