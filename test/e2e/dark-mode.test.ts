/** Dark mode and reduced motion: the card and the popup follow the reader's system settings. */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cardButtonBorders, contrast } from '../support/contrast';
import { countPixels, TINT } from '../support/pixels';
import { shownCardText, launchGloss, pointOf, restOn, ROOT, waitForAnnotation, type Gloss } from './support/browser';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss({ colorScheme: 'dark', reducedMotion: 'reduce' });
});
afterAll(async () => {
  await gloss?.close();
});

const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
};

describe('dark mode', () => {
  it('the card is dark with light text, without animation, and passes axe', async () => {
    const page = await gloss.newPage('/seed-article.html');
    await waitForAnnotation(page);
    await restOn(page, await pointOf(page, 'article p:nth-of-type(2)', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Cybersecurity');
    const style = await page.evaluate(() => {
      const card = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!;
      const s = getComputedStyle(card);
      return { bg: s.backgroundColor, fg: s.color, animation: s.animationName };
    });
    expect(luminance(style.bg)).toBeLessThan(0.2);
    expect(luminance(style.fg)).toBeGreaterThan(0.8);
    expect(style.animation).toBe('none');
    // A button's edge is what shows it is one: 3:1 against the card (WCAG 1.4.11).
    const { background, borders } = await page.evaluate(cardButtonBorders);
    for (const border of borders) expect(contrast(border, background), `${border} on ${background}`).toBeGreaterThanOrEqual(3);
    const result = await new AxeBuilder({ page }).include('[data-gloss]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await page.close();
  });

  it('on a site without a dark theme, the names are still underlined at 3:1 or more against its white page', async () => {
    // The OS is dark, the page stays white: the palette follows the OS, so it must hold on white too.
    const page = await gloss.newPage('/nested-names.html');
    await waitForAnnotation(page);
    const marks = await page.evaluate(() =>
      [...CSS.highlights.keys()]
        .filter((name) => name.startsWith('gloss-') && name !== 'gloss-current')
        .map((name) => {
          const range = [...CSS.highlights.get(name)!][0] as Range;
          const r = range.getBoundingClientRect();
          const box = { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.ceil(r.height) + 6 };
          return { name, text: range.toString(), box, colour: getComputedStyle(document.documentElement, `::highlight(${name})`).textDecorationColor };
        }),
    );
    expect(marks.map((m) => m.name).sort()).toEqual(['gloss-agency', 'gloss-company', 'gloss-person']);
    for (const { text, box, colour } of marks) {
      const underline = colour.match(/\d+/g)!.slice(0, 3).map(Number);
      const png = (await page.screenshot({ clip: box })).toString('base64');
      const seen = await page.evaluate(countPixels, { png, colour: underline, tinted: TINT });
      // The page's white is what the name sits on, and the underline is painted in the colour read.
      expect(seen.background, text).toEqual([255, 255, 255]);
      expect(seen.underline, `${text}'s underline pixels`).toBeGreaterThan(10);
      expect(contrast(underline, seen.background), `${text}: ${colour} on white`).toBeGreaterThanOrEqual(3);
    }
    await page.close();
  });

  it('the popup is dark and passes axe', async () => {
    const page = await gloss.newPage('/seed-article.html');
    await waitForAnnotation(page);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id]');
    const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(bg)).toBeLessThan(0.2);
    await popup.locator('[data-entity-id="person:christopher-krebs"] button').click();
    await popup.waitForSelector('.gloss-description');
    // The filter box's and "Show on page"'s edges, which show where to type and what to press: 3:1.
    const edges = await popup.evaluate(() => ['.filter', '.entity-details button'].map((s) => getComputedStyle(document.querySelector(s)!).borderTopColor));
    for (const edge of edges) expect(contrast(edge, bg), `${edge} on ${bg}`).toBeGreaterThanOrEqual(3);
    const result = await new AxeBuilder({ page: popup }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('with Gloss off everywhere, the popup’s dimmed switches stay readable in the dark: 4.5:1, and axe passes', async () => {
    const page = await gloss.newPage('/seed-article.html');
    await waitForAnnotation(page);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id]');
    await popup.locator('[data-testid="everywhere-switch"] input').uncheck();
    try {
      await expect.poll(() => popup.locator('[data-testid="site-switch"] input').isDisabled()).toBe(true);
      const { labels, bg } = await popup.evaluate(() => ({
        labels: [...document.querySelectorAll('.switch:has(input:disabled)')].map((l) => getComputedStyle(l).color),
        bg: getComputedStyle(document.body).backgroundColor,
      }));
      expect(labels).toHaveLength(6);
      for (const label of labels) expect(contrast(label, bg), `${label} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      const result = await new AxeBuilder({ page: popup }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await popup.getByRole('button', { name: 'Turn Gloss on' }).click();
      await popup.close();
      await page.close();
    }
  });

  it('the popup’s key to the marks is in the dark scheme’s colours, as the page’s marks are, and stands out at 3:1 on the dark popup', async () => {
    const page = await gloss.newPage('/seed-article.html');
    await waitForAnnotation(page);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-testid="category-person"] .mark');
    const categories = ['person', 'agency', 'company', 'place', 'organization'];
    const onPage = await page.evaluate((cs) => cs.map((c) => getComputedStyle(document.querySelector('article p')!, `::highlight(gloss-${c})`).textDecorationColor), categories);
    const { keys, bg } = await popup.evaluate((cs) => ({
      keys: cs.map((c) => getComputedStyle(document.querySelector(`[data-testid="category-${c}"] .mark`)!).textDecorationColor),
      bg: getComputedStyle(document.body).backgroundColor,
    }), categories);
    expect(keys).toEqual(onPage);
    for (const key of keys) expect(contrast(key, bg), `${key} on ${bg}`).toBeGreaterThanOrEqual(3);
    await popup.close();
    await page.close();
  });

  it('an error message (a broken knowledge pack) is readable in the dark: axe finds no contrast violation', async () => {
    const options = await gloss.context.newPage();
    await options.goto(`chrome-extension://${gloss.extensionId}/options.html`);
    await options.setInputFiles('[data-testid="pack-file"]', join(ROOT, 'test/fixtures/packs/broken-pack.json'));
    await expect.poll(() => options.locator('[data-testid="pack-errors"]').textContent()).toContain('broken-pack.json');
    const result = await new AxeBuilder({ page: options }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await options.close();
  });
});
