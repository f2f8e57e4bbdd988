/** The walking skeleton end to end on the demo story: paint, cards, popup, site switch, page untouched. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, openDemoStory, paintedText, pointOf, restOn, ROOT, type Gloss } from './support/browser';

let gloss: Gloss;
let page: Page;
beforeAll(async () => void ({ gloss, page } = await openDemoStory()));
afterAll(async () => {
  await gloss?.close();
});

async function hoverCard(text: string, selector: string, nth = 0): Promise<string> {
  await page.mouse.move(5, 5);
  await expect.poll(() => cardText(page)).toBeNull();
  await restOn(page, await pointOf(page, selector, text, nth));
  await expect.poll(() => cardText(page), { timeout: 5000 }).toMatch(/\S/);
  await expect.poll(() => cardText(page), { timeout: 5000 }).not.toContain('Loading');
  return (await cardText(page))!;
}

describe('demo story', () => {
  it('paints the seed names in gloss-<category> highlights', async () => {
    const painted = await paintedText(page);
    expect(painted['gloss-person']).toEqual(expect.arrayContaining(['Christopher Krebs', 'Krebs', 'Mark Esper', 'Joe Biden', 'Trump']));
    expect(painted['gloss-agency']).toEqual(expect.arrayContaining(['CISA', 'Cybersecurity and Infrastructure Security Agency', 'Pentagon', 'Department of Homeland Security']));
    expect(painted['gloss-company']).toEqual(expect.arrayContaining(['Microsoft', 'Twitter']));
  });

  it('records a gloss:annotate measure with its counts', async () => {
    const detail = await page.evaluate(() => (performance.getEntriesByName('gloss:annotate')[0] as PerformanceMeasure).detail);
    expect(detail.mentions).toBeGreaterThan(20);
    expect(detail.blocks).toBeGreaterThan(5);
    expect(detail.chars).toBeGreaterThan(1000);
  });

  it('hovering the bare "Krebs" in "The firing of Krebs" opens a card naming Christopher Krebs', async () => {
    const text = await hoverCard('Krebs', 'article p:nth-of-type(3)');
    expect(text).toContain('Christopher Krebs');
    expect(text).toMatch(/same person as “Christopher Krebs”/);
    const host = await page.evaluate(() => {
      const h = document.querySelector('[data-gloss]');
      return { parent: h?.parentElement === document.documentElement, open: h?.shadowRoot?.mode };
    });
    expect(host).toEqual({ parent: true, open: 'open' });
  });

  it('hovering "Esper" names Mark Esper, and Esc closes the card', async () => {
    const text = await hoverCard('Esper', 'article p:nth-of-type(4)');
    expect(text).toContain('Mark Esper');
    // His office once, though the story's knowledge and FiveThirtyEight's data both give it.
    const rows = await page.evaluate(() => [...document.querySelector('[data-gloss="card"]')!.shadowRoot!.querySelectorAll('.gloss-fact dt')].map((dt) => dt.textContent));
    expect(rows).toEqual(['Secretary of Defense']);
    expect(text).toMatch(/Secretary of Defense/);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
  });

  it('hovering "Donald Trump" names his office once over his two terms, dated as a reader writes dates, the party aside', async () => {
    const text = await hoverCard('Donald Trump', 'article p:nth-of-type(1)');
    const groups = await page.evaluate(() =>
      [...document.querySelector('[data-gloss="card"]')!.shadowRoot!.querySelectorAll('.gloss-fact')].map((g) => [g.querySelector('dt')!.textContent, g.querySelectorAll('dd').length]),
    );
    expect(groups).toContainEqual(['President of the United States', 2]);
    expect(text).toContain('Jan 20, 2017 – Jan 20, 2021 · Republican');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
  });

  it('hovering "CISA" names the Cybersecurity and Infrastructure Security Agency, with a link', async () => {
    const text = await hoverCard('CISA', 'article p:nth-of-type(5)');
    expect(text).toContain('Cybersecurity and Infrastructure Security Agency');
    const href = await page.evaluate(() => document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('a')!.href);
    expect(href).toMatch(/^https:\/\//);
  });

  it('the popup opened for the tab lists the story’s entities', async () => {
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:christopher-krebs"]');
    for (const [id, name] of [
      ['person:christopher-krebs', 'Christopher Krebs'],
      ['person:mark-esper', 'Mark Esper'],
      ['agency:cisa', 'Cybersecurity and Infrastructure Security Agency'],
    ]) {
      await expect.poll(() => popup.locator(`[data-entity-id="${id}"]`).textContent()).toContain(name);
    }
    await popup.close();
  });

  it('turning "this site" off removes every gloss-* highlight, and on restores them', async () => {
    const popup = await gloss.popup(page);
    const siteSwitch = popup.locator('[data-testid="site-switch"] input');
    await siteSwitch.uncheck();
    await expect.poll(() => paintedText(page)).toEqual({});
    await siteSwitch.check();
    await expect.poll(async () => Object.keys(await paintedText(page)).length).toBeGreaterThan(2);
    await popup.close();
  });

  it('leaves the page’s own elements and text nodes exactly as served', async () => {
    const served = readFileSync(join(ROOT, 'test/fixtures/seed-article.html'), 'utf8');
    const count = (html: string) =>
      page.evaluate((source) => {
        const tally = (doc: Document) => {
          let elements = 0;
          let texts = 0;
          const walk = (n: Node) => {
            if (n instanceof Element && n.hasAttribute('data-gloss')) return;
            if (n.nodeType === Node.ELEMENT_NODE) elements++;
            if (n.nodeType === Node.TEXT_NODE) texts++;
            n.childNodes.forEach(walk);
          };
          walk(doc.documentElement);
          return { elements, texts, text: doc.body.textContent };
        };
        return { live: tally(document), served: tally(new DOMParser().parseFromString(source, 'text/html')) };
      }, html);
    const { live, served: fresh } = await count(served);
    expect(live).toEqual(fresh);
  });
});
