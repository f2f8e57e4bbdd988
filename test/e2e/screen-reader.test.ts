/**
 * What a screen reader is given, read from Chromium's accessibility tree (CDP): names said once, the
 * words as written rather than capitals set by CSS, headings in order, a slider's value said once.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, shownCardText, openDemoStory, pointOf, restOn, type Gloss } from './support/browser';

let gloss: Gloss;
let page: Page;
beforeAll(async () => void ({ gloss, page } = await openDemoStory()));
afterAll(async () => {
  await gloss?.close();
});

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  value?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
  childIds?: string[];
}

/** The page's accessibility tree, without ignored nodes. */
async function axTree(on: Page): Promise<AXNode[]> {
  const cdp = await on.context().newCDPSession(on);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes.filter((n) => !n.ignored);
  } finally {
    await cdp.detach();
  }
}

const said = (n: AXNode) => ({ role: n.role?.value, name: n.name?.value ?? '', description: n.description?.value ?? '' });

describe('what a screen reader is given', () => {
  it('the card: its buttons named once, with no description repeating the name; its kind as written, not in capitals', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(2)', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Cybersecurity');
    const nodes = (await axTree(page)).map(said);
    const buttons = nodes.filter((n) => n.role === 'button' && ['Keep this card open', 'Close'].includes(n.name));
    expect(buttons.map((b) => b.name).sort()).toEqual(['Close', 'Keep this card open']);
    for (const b of buttons) expect(b.description, b.name).toBe('');
    const texts = nodes.filter((n) => n.role === 'StaticText').map((n) => n.name);
    expect(texts).toContain('Person');
    expect(texts.filter((x) => /PERSON|FORMER/.test(x))).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
  });

  it('the popup: a row says how the page writes the name apart from it, is a heading under the category’s that its open details do not repeat, and the delay slider says its value once', async () => {
    const popup = await gloss.popup(page);
    try {
      const row = popup.locator('[data-entity-id="agency:cisa"]');
      await row.locator('.entity-toggle').click();
      await popup.waitForSelector('[data-entity-id="agency:cisa"] .gloss-description');
      await popup.locator('summary', { hasText: 'Settings' }).click();
      const nodes = await axTree(popup);
      const toggle = nodes.find((n) => n.role?.value === 'button' && /^Cybersecurity and Infrastructure Security Agency/.test(n.name?.value ?? ''));
      expect(toggle?.name?.value).toMatch(/^Cybersecurity and Infrastructure Security Agency\s*, written CISA\b/);
      // The row is a heading holding the expanded disclosure button (WAI-ARIA's accordion pattern).
      const heading = nodes.find((n) => n.role?.value === 'heading' && /^Cybersecurity and Infrastructure Security Agency/.test(n.name?.value ?? ''));
      expect(heading?.properties?.find((p) => p.name === 'level')?.value.value).toBe(4);
      expect(toggle?.properties?.find((p) => p.name === 'expanded')?.value.value).toBe(true);
      expect(heading?.childIds).toContain(toggle?.nodeId);
      // Headings in document order, as a screen reader's heading list has them: the name once, under its category.
      const headings = await popup.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName[1]}:${h.querySelector('.entity-name')?.firstChild?.textContent ?? h.textContent!.trim()}`));
      const at = headings.indexOf('4:Cybersecurity and Infrastructure Security Agency');
      expect(headings.slice(at - 1, at + 1)).toEqual(['3:Government', '4:Cybersecurity and Infrastructure Security Agency']);
      expect(headings.filter((h) => /Cybersecurity and Infrastructure Security Agency$/.test(h))).toHaveLength(1);
      // No heading skips a level below the one before it (h2 under h3 did).
      const levels = headings.map((h) => Number(h.split(':')[0]));
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, headings.slice(i - 1, i + 1).join(' → ')).toBeLessThanOrEqual(1);
      const slider = nodes.find((n) => n.role?.value === 'slider')!;
      expect(said(slider).name).toBe('Card delay, in milliseconds');
      // Chromium 156 reads the number and leaves out the aria-valuetext ("350 ms") other readers use.
      expect(String(slider.properties?.find((p) => p.name === 'valuetext')?.value.value)).toMatch(/^350( ms)?$/);
      // The label's own text ("Card delay: 300 ms") is not read besides.
      expect(nodes.filter((n) => n.role?.value === 'StaticText' && /Card delay/.test(n.name?.value ?? ''))).toEqual([]);
    } finally {
      await popup.close();
    }
  });
});
