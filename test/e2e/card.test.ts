/** How the hover card behaves for mouse and keyboard users (issue: in-page experience). */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardButtonBorders, contrast } from '../support/contrast';
import { cardText, shownCardText, openDemoStory, pointOf, restOn, waitForAnnotation, type Gloss } from './support/browser';

let gloss: Gloss;
let page: Page;
beforeAll(async () => void ({ gloss, page } = await openDemoStory()));
afterAll(async () => {
  await gloss?.close();
});
beforeEach(async () => {
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);
  await expect.poll(() => cardText(page)).toBeNull();
});

const hostCount = () => page.evaluate(() => document.querySelectorAll('[data-gloss]').length);
const cardRect = (on: Page = page) =>
  on.evaluate(() => {
    const card = document.querySelector('[data-gloss]')?.shadowRoot?.querySelector('.card');
    if (!card) return null;
    const r = card.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, vw: innerWidth, vh: innerHeight };
  });

describe('hover card', () => {
  it('a fast pass over a name opens nothing (dwell)', async () => {
    const p = await pointOf(page, 'article p:nth-of-type(2)', 'Christopher Krebs');
    await page.mouse.move(p.x - 200, p.y);
    await page.mouse.move(p.x + 200, p.y, { steps: 8 });
    await page.mouse.move(p.x + 200, p.y + 120);
    await page.waitForTimeout(900);
    expect(await cardText(page)).toBeNull();
  });

  it('no card opens while the reader selects text across a name; resting after the release opens it', async () => {
    const start = await pointOf(page, 'article p:nth-of-type(2)', 'fired');
    const p = await pointOf(page, 'article p:nth-of-type(2)', 'Christopher Krebs');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    try {
      await page.mouse.move(p.x, p.y, { steps: 6 });
      await page.waitForTimeout(900);
      expect(await cardText(page)).toBeNull();
      expect(await page.evaluate(() => getSelection()!.toString())).toContain('ed Christop');
    } finally {
      await page.mouse.up();
    }
    await page.mouse.move(p.x + 2, p.y);
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
  });

  it('a card opened by resting on a name shows its details at once, never “Loading…” (they are asked for while the pointer rests)', async () => {
    const fresh = await gloss.newPage('/seed-article.html');
    try {
      await waitForAnnotation(fresh);
      // Everything the card's shadow root says, each time it changes.
      await fresh.evaluate(() => {
        const said: string[] = [];
        (window as unknown as { cardSaid: string[] }).cardSaid = said;
        const watch = (root: ShadowRoot) => {
          const note = () => said.push(root.querySelector('.card')?.textContent ?? '');
          // What it said when it was put in the page, then each change.
          note();
          new MutationObserver(note).observe(root, { childList: true, subtree: true, characterData: true });
        };
        new MutationObserver(() => {
          const host = document.querySelector('[data-gloss]');
          if (host?.shadowRoot && !(host as unknown as { watched?: boolean }).watched) {
            (host as unknown as { watched?: boolean }).watched = true;
            watch(host.shadowRoot);
          }
        }).observe(document.documentElement, { childList: true });
      });
      await restOn(fresh, await pointOf(fresh, 'article', 'Mark Esper'));
      await expect.poll(() => shownCardText(fresh)).toContain('Secretary of Defense');
      const said = await fresh.evaluate(() => (window as unknown as { cardSaid: string[] }).cardSaid.filter((t) => t !== ''));
      expect(said.length).toBeGreaterThan(0);
      expect(said.filter((t) => t.includes('Loading'))).toEqual([]);
      expect(said[0]).toContain('Secretary of Defense');
    } finally {
      await fresh.close();
    }
  });

  it('moving the pointer from the name into the card keeps it open (grace)', async () => {
    const p = await pointOf(page, 'article p:nth-of-type(2)', 'Christopher Krebs');
    await restOn(page, p);
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    const r = (await cardRect())!;
    // Travel through the gap between the name and the card, then rest inside the card.
    await page.mouse.move(p.x, p.y + 14, { steps: 2 });
    await page.mouse.move((r.left + r.right) / 2, (r.top + r.bottom) / 2, { steps: 5 });
    await page.waitForTimeout(800);
    expect(await cardText(page)).toContain('Christopher Krebs');
    // Leaving both closes it after the grace period.
    await page.mouse.move(5, 5);
    await expect.poll(() => cardText(page)).toBeNull();
  });

  it('a new hover replaces the old card: never two', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(4)', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    await restOn(page, await pointOf(page, 'article p:nth-of-type(5)', 'Microsoft'));
    await expect.poll(() => shownCardText(page)).toContain('Microsoft');
    expect(await hostCount()).toBe(1);
    expect(await cardText(page)).not.toContain('Mark Esper');
  });

  it('Esc closes the card', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(5)', 'CISA'));
    await expect.poll(() => shownCardText(page)).toContain('Cybersecurity');
    // Opened by the pointer, focus stays in the page: the card is not modal.
    expect(await page.evaluate(() => document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!.hasAttribute('aria-modal'))).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await hostCount()).toBe(0);
  });

  it('the pin button keeps a card open when the pointer leaves', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(4)', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    const pin = page.locator('[data-gloss] .toolbar button').first();
    const outline = () => pin.evaluate((b) => getComputedStyle(b).outlineStyle);
    await pin.click();
    await expect.poll(() => pin.getAttribute('aria-pressed')).toBe('true');
    // In a contrast theme the pressed pin keeps a mark of its own: the theme's colours replace its fill.
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      expect(await outline()).toBe('solid');
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
    await page.mouse.move(5, 5);
    await page.waitForTimeout(900);
    expect(await cardText(page)).toContain('Mark Esper');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
  });

  it('a card open when the reader prints is not on the paper (audit-hostile #7)', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(4)', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    await page.waitForTimeout(300); // its fade-in
    const r = (await cardRect())!;
    const box = { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.right - r.left), height: Math.ceil(r.bottom - r.top) };
    /** The card's box as printed (print media: the story's print layout, Gloss's underlines off), and what the card's host shows there. */
    const printed = async () => {
      await page.emulateMedia({ media: 'print' });
      try {
        const host = await page.evaluate(() => {
          const h = document.querySelector('[data-gloss]');
          return h && { display: getComputedStyle(h).display, cardWidth: h.shadowRoot!.querySelector('.card')!.getBoundingClientRect().width };
        });
        return { host, png: await page.screenshot({ clip: box }) };
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    };
    const open = await printed();
    // Still open on screen.
    expect(await cardText(page)).toContain('Mark Esper');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    const closed = await printed();
    expect(closed.host).toBeNull();
    // The same pixels as with no card at all, and the host there but drawing nothing.
    expect(open.png.equals(closed.png), 'the card printed').toBe(true);
    expect(open.host).toEqual({ display: 'none', cardWidth: 0 });
  });

  it('"more on this page" steps through the entity’s mentions', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(3)', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toMatch(/\d+ mentions on this page/);
    await page.locator('[data-gloss] .actions button', { hasText: 'Next mention' }).click();
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('gloss-current') ?? [])].map((r) => r.toString())))
      .toEqual(['Krebs']);
  });

  it('a pinned card follows the page when it scrolls', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(4)', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    await page.locator('[data-gloss] .toolbar button').first().click();
    const before = (await cardRect())!.top;
    await page.evaluate(() => window.scrollBy(0, 60));
    await expect.poll(async () => Math.round(before - (await cardRect())!.top)).toBe(60);
    await page.keyboard.press('Escape');
  });

  it('the wheel over a card with nothing more to show scrolls the page, as over the story', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(5)', 'Microsoft'));
    await expect.poll(() => shownCardText(page)).toContain('Microsoft');
    const fits = await page.evaluate(() => {
      const card = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!;
      return card.scrollHeight <= card.clientHeight;
    });
    // The case: a card that does not scroll (the tall card's wheel: a short viewport, below).
    expect(fits).toBe(true);
    const r = (await cardRect())!;
    await page.mouse.move((r.left + r.right) / 2, r.top + 30, { steps: 4 });
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before + 100);
    await page.mouse.move(2, 2);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('the card has no accessibility violations (axe)', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(2)', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Cybersecurity');
    const result = await new AxeBuilder({ page }).include('[data-gloss]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // axe does not check non-text contrast: a button's edge is what shows it is one, 3:1 against the card (WCAG 1.4.11).
    const { background, borders } = await page.evaluate(cardButtonBorders);
    expect(borders.length).toBeGreaterThan(2);
    for (const border of borders) expect(contrast(border, background), `${border} on ${background}`).toBeGreaterThanOrEqual(3);
  });
});

describe('what the card says', () => {
  /** The open card's text in one of its parts, once its details are shown. */
  const cardPart = (on: Page, selector: string) =>
    on.evaluate((selector) => [...(document.querySelector('[data-gloss="card"]')?.shadowRoot?.querySelectorAll(selector) ?? [])].map((e) => e.textContent), selector);
  const open = async (on: Page, selector: string, name: string) => {
    await restOn(on, await pointOf(on, selector, name));
    await expect.poll(() => shownCardText(on)).not.toBeNull();
  };
  /** The why line of the card of `name` in `selector`, on a story of its own. */
  const whyOn = async (path: string, selector: string, name: string) => {
    const story = await gloss.newPage(path);
    await waitForAnnotation(story);
    await open(story, selector, name);
    const why = await cardPart(story, '.why');
    await story.close();
    return why;
  };

  it('the headline’s “Trump” is the same person as the story’s “Donald Trump” later on the page; the story’s “Krebs” as “Christopher Krebs” earlier', async () => {
    await open(page, 'h1', 'Trump');
    expect(await cardPart(page, '.why')).toEqual(['Matched “Trump” — same person as “Donald Trump” later on this page.']);
    await page.keyboard.press('Escape');
    await open(page, 'article p:nth-of-type(3)', 'Krebs');
    expect(await cardPart(page, '.why')).toEqual(['Matched “Krebs” — same person as “Christopher Krebs” earlier on this page.']);
  });

  it('a team linked by its game’s words says why in a few clues, each once, and not by its own name', async () => {
    // It read "…goaltender, defenseman, buffalo, Buffalo Sabres, Buffalo."
    expect(await whyOn('/sports-story.html', '#game', 'Sabres')).toEqual(['Matched “Sabres”; this page also mentions Buffalo, goaltender, defenseman.']);
  });

  it('a company named by an everyday word, linked by what only a company does, quotes the page’s words', async () => {
    // It read "this page also mentions said."
    expect(await whyOn('/company-story.html', '#more', 'Apple')).toEqual(['Matched “Apple” as a company: this page writes “Apple said”.']);
  });

  it('a surname linked by the title before it quotes the title as the page writes it, and the same name later as that person', async () => {
    // It read “defense secretary”: the knowledge's lower-case form, in quotes as if the page wrote it.
    expect(await whyOn('/title-story.html', '#meeting', 'Esper')).toEqual(['Matched “Esper” after the title “Defense Secretary”.']);
    expect(await whyOn('/title-story.html', '#later', 'Esper')).toEqual(['Matched “Esper” — same person as “Defense Secretary Esper” earlier on this page.']);
  });

  it('a former president’s card: his kind said plainly, his terms in one column with the party aside', async () => {
    await open(page, 'article p:nth-of-type(3)', 'Joe Biden');
    expect(await cardPart(page, '.gloss-kind')).toEqual(['Person · no longer in this role']);
    expect(await cardPart(page, '.gloss-fact dd')).toEqual(['Jan 20, 2009 – Jan 20, 2017 · Democrat', 'Jan 20, 2021 – Jan 20, 2025 · Democrat']);
    // Every value starts at one x, whatever its label's length.
    const lefts = await page.evaluate(() => [...document.querySelector('[data-gloss="card"]')!.shadowRoot!.querySelectorAll('.gloss-fact dd')].map((d) => Math.round(d.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
  });

  it('a country’s facts, all checked on one day, say that day once, under them', async () => {
    await open(page, 'article p:nth-of-type(1)', 'US');
    expect(await cardPart(page, '.gloss-facts-asof')).toEqual(['Facts as of Jan 22, 2026']);
    expect(await cardPart(page, '.gloss-fact .gloss-asof')).toEqual([]);
    // The record's own date, at the foot, is another.
    expect((await cardText(page))!.match(/as of [A-Z][a-z]{2} \d{1,2}, \d{4}/g)).toEqual(['as of Jan 22, 2026', 'as of Jun 1, 2025']);
  });

  it('a government body’s founding is dated by its day, not “since” it', async () => {
    await open(page, 'article p:nth-of-type(5)', 'CISA');
    expect(await cardPart(page, '.gloss-fact dd')).toContain('Cybersecurity and Infrastructure Security Agency Act of 2018 (Nov 16, 2018)');
  });
});

describe('keyboard command path', () => {
  /** A button the reader was on before the keyboard opened a card: where Esc must return focus. */
  const focusOrigin = () =>
    page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'origin';
      b.textContent = 'origin';
      document.body.prepend(b);
      b.focus();
    });

  it('steps to the next mention, opens its card as a focused dialog, Tab stays inside, Esc returns focus', async () => {
    const tabId = await gloss.tabIdOf(page);
    await focusOrigin();
    // What the `next-mention` command does in the worker (headless Chromium has no browser shortcuts to press).
    await gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: {} }, { frameId: 0 }), tabId);
    await expect.poll(() => cardText(page)).toMatch(/\S/);
    const focus = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-gloss]');
        return { host: document.activeElement === host, inner: host?.shadowRoot?.activeElement?.className ?? host?.shadowRoot?.activeElement?.tagName ?? null, id: document.activeElement?.id };
      });
    await expect.poll(focus).toMatchObject({ host: true, inner: 'card' });
    const role = await page.evaluate(() => {
      const card = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!;
      return `${card.getAttribute('role')} modal:${card.getAttribute('aria-modal')}`;
    });
    // Focus is held inside it (Tab below), so a screen reader's browse mode is told to stay inside too.
    expect(role).toBe('dialog modal:true');
    expect(await page.evaluate(() => [...(CSS.highlights.get('gloss-current') ?? [])].length)).toBe(1);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect((await focus()).host).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    await expect.poll(focus).toMatchObject({ id: 'origin' });
    await page.evaluate(() => document.getElementById('origin')!.remove());
  });

  it('takes focus once its details are shown, so a screen reader announces the name, never “Loading…”', async () => {
    const tabId = await gloss.tabIdOf(page);
    // What the card says, and is named, at the moment focus enters it: what a screen reader announces.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { focusSeen: string[] }).focusSeen = seen;
      document.addEventListener('focusin', () => {
        const host = document.querySelector('[data-gloss]');
        const card = host?.shadowRoot?.querySelector('.card');
        if (card && document.activeElement === host) seen.push(`${card.getAttribute('aria-label')}|${card.textContent}`);
      }, true);
    });
    // Twice: the first card also waits for the card's code to load, the second opens at once.
    for (let i = 0; i < 2; i++) {
      await focusOrigin();
      await gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: { fromStart: true } }, { frameId: 0 }), tabId);
      await expect.poll(() => page.evaluate(() => (window as unknown as { focusSeen: string[] }).focusSeen.length)).toBe(i + 1);
      await page.keyboard.press('Escape');
      await expect.poll(() => cardText(page)).toBeNull();
      await page.evaluate(() => document.getElementById('origin')!.remove());
    }
    const seen = await page.evaluate(() => (window as unknown as { focusSeen: string[] }).focusSeen);
    for (const text of seen) {
      expect(text).not.toContain('Loading');
      // The story's first name, "Trump" in its headline: the dialog is named by the entity, not the word.
      expect(text).toMatch(/^About Donald Trump\|.*President of the United States/);
    }
  });

  it('stepping on, by the shortcut again or the card’s “Next mention”, keeps focus on what was used, and Esc still returns it to where the reader was', async () => {
    const tabId = await gloss.tabIdOf(page);
    await focusOrigin();
    const step = () => gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: {} }, { frameId: 0 }), tabId);
    const focused = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-gloss]');
        const inner = host?.shadowRoot?.activeElement;
        return { id: document.activeElement?.id ?? '', tag: document.activeElement?.tagName, inner: inner ? `${inner.tagName}:${inner.textContent?.trim().slice(0, 20)}` : null };
      });
    // Where the current mention is in the page's text, and what it says.
    const current = () =>
      page.evaluate(() =>
        [...(CSS.highlights.get('gloss-current') ?? [])]
          .map((r) => {
            const before = document.createRange();
            before.setStart(document.body, 0);
            before.setEnd(r.startContainer, r.startOffset);
            return `${before.toString().length}:${r.toString()}`;
          })
          .join(),
      );
    await step();
    await expect.poll(() => shownCardText(page)).toMatch(/Next mention/);
    const first = await current();
    await step();
    await expect.poll(current).not.toBe(first);
    await expect.poll(() => shownCardText(page)).toMatch(/Next mention/);
    // The card's "Next mention", pressed from the keyboard: focus stays on it, ready to press again.
    const next = page.locator('[data-gloss] button', { hasText: 'Next mention' });
    await next.focus();
    const second = await current();
    await page.keyboard.press('Enter');
    await expect.poll(current).not.toBe(second);
    await expect.poll(() => shownCardText(page)).toMatch(/Next mention/);
    expect((await focused()).inner).toMatch(/^BUTTON:Next mention/);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    await expect.poll(focused).toMatchObject({ id: 'origin' });
    await page.evaluate(() => document.getElementById('origin')!.remove());
  });
});

describe('viewport edges', () => {
  let edges: Page;
  beforeAll(async () => {
    edges = await gloss.newPage('/edges.html');
    await waitForAnnotation(edges);
  });

  it.each(['#tl', '#tr', '#bl', '#br', '#mid'])('the card near %s stays fully inside the viewport', async (selector) => {
    await edges.mouse.move(500, 300);
    await edges.keyboard.press('Escape');
    await expect.poll(() => cardText(edges)).toBeNull();
    const p = await pointOf(edges, selector, 'CISA');
    await restOn(edges, p);
    await expect.poll(() => shownCardText(edges)).toContain('Cybersecurity');
    const r = await edges.evaluate(() => {
      const card = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!;
      const b = card.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, vw: innerWidth, vh: innerHeight };
    });
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(r.vw);
    expect(r.bottom).toBeLessThanOrEqual(r.vh);
  });

  it('on a name wrapped over lines, the card points at the line under the pointer', async () => {
    await edges.keyboard.press('Escape');
    await edges.mouse.move(500, 300);
    const lines = await edges.evaluate(() => {
      const p = document.getElementById('wrap')!;
      const text = p.firstChild as Text;
      const start = text.data.indexOf('Cybersecurity');
      const r = document.createRange();
      r.setStart(text, start);
      r.setEnd(text, start + 'Cybersecurity and Infrastructure Security Agency'.length);
      return [...r.getClientRects()].map((b) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2, bottom: b.bottom }));
    });
    expect(lines.length).toBeGreaterThan(2);
    const last = lines[lines.length - 1]!;
    await restOn(edges, last);
    await expect.poll(() => shownCardText(edges)).toContain('Cybersecurity');
    const top = await edges.evaluate(() => document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(last.bottom);
    expect(top).toBeLessThan(last.bottom + 20);
  });

  // The name's first line under the card hid the rest of the name the card explains (audit-ui #3).
  it.each([120, 260])('on a name wrapped over lines in a %i px column, resting on its first line opens the card clear of the whole name, at that line', async (width) => {
    await edges.keyboard.press('Escape');
    await edges.mouse.move(500, 300);
    await expect.poll(() => cardText(edges)).toBeNull();
    const lines = await edges.evaluate((width) => {
      const p = document.getElementById('wrap')!;
      p.style.width = `${width}px`;
      const text = p.firstChild as Text;
      const start = text.data.indexOf('Cybersecurity');
      const r = document.createRange();
      r.setStart(text, start);
      r.setEnd(text, start + 'Cybersecurity and Infrastructure Security Agency'.length);
      return [...r.getClientRects()].map((b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom }));
    }, width);
    try {
      expect(lines.length).toBeGreaterThan(1);
      const first = lines[0]!;
      const last = lines[lines.length - 1]!;
      // At 260 px the name starts after "The", so the line under the pointer is not where the name's box starts.
      if (width === 260) expect(first.left).toBeGreaterThan(last.left + 20);
      await restOn(edges, { x: (first.left + first.right) / 2, y: (first.top + first.bottom) / 2 });
      await expect.poll(() => shownCardText(edges)).toContain('Cybersecurity');
      const card = (await cardRect(edges))!;
      for (const line of lines) {
        const overlaps = line.left < card.right && line.right > card.left && line.top < card.bottom && line.bottom > card.top;
        expect(overlaps, `card ${JSON.stringify(card)} over the name's line ${JSON.stringify(line)}`).toBe(false);
      }
      expect(card.top).toBeGreaterThanOrEqual(last.bottom);
      expect(card.top).toBeLessThan(last.bottom + 20);
      expect(card.left).toBeCloseTo(first.left, 0);
    } finally {
      await edges.evaluate(() => document.getElementById('wrap')!.style.removeProperty('width'));
    }
  });

  // As wide as a phone's viewport less its margins: it was kept 5 px from the edge it hit and 11 px from the other (audit-ui #12).
  it.each(['#tl', '#tr'])('on a 320 px viewport the card near %s has equal margins on both sides', async (selector) => {
    await edges.setViewportSize({ width: 320, height: 480 });
    try {
      await edges.mouse.move(160, 240);
      await edges.keyboard.press('Escape');
      await expect.poll(() => cardText(edges)).toBeNull();
      await restOn(edges, await pointOf(edges, selector, 'CISA'));
      await expect.poll(() => shownCardText(edges)).toContain('Cybersecurity');
      const margins = await edges.evaluate(() => {
        const r = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        return { left: Math.round(r.left), right: Math.round(document.documentElement.clientWidth - r.right) };
      });
      expect(margins).toEqual({ left: 5, right: 5 });
    } finally {
      await edges.keyboard.press('Escape');
      await edges.setViewportSize({ width: 1100, height: 800 });
    }
  });

  it('the card does not block a click on a link next to it', async () => {
    const p = await pointOf(edges, '#mid', 'CISA');
    await restOn(edges, p);
    await expect.poll(() => shownCardText(edges)).toContain('Cybersecurity');
    await edges.locator('#link').click();
    expect(edges.url()).toContain('#clicked');
  });
});

// A 1100×800 window at 200% zoom lays pages out in 550×400 CSS pixels: a tall card has less room than
// it needs on either side of its name, and its actions were out of sight at its bottom (audit-ui #10).
describe('a short viewport (200% zoom)', () => {
  beforeAll(async () => {
    // In front again after the edges' tab: a tab behind gets no animation frames, which the hover waits for.
    await page.bringToFront();
    await page.setViewportSize({ width: 550, height: 400 });
  });
  afterAll(async () => {
    await page.setViewportSize({ width: 1100, height: 800 });
  });

  /**
   * For each control (or text) of the open card, whether it is where the reader can see and reach it:
   * inside the viewport, and what the browser finds at its centre, not the text scrolled under it.
   */
  const shownInCard = (labels: string[]) =>
    page.evaluate((labels) => {
      const root = document.querySelector('[data-gloss]')!.shadowRoot!;
      return Object.fromEntries(
        labels.map((label) => {
          const el = [...root.querySelectorAll('button, .count')].find((e) => e.textContent?.includes(label));
          if (!el) return [label, 'absent'];
          const r = el.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return [label, `off-screen at ${Math.round(r.top)}`];
          return [label, el.contains(root.elementFromPoint(x, y)) ? 'shown' : `covered at ${Math.round(r.top)}`];
        }),
      );
    }, labels);
  const scrollCard = (to: 'top' | 'bottom') =>
    page.evaluate((to) => {
      const card = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!;
      card.scrollTop = to === 'top' ? 0 : card.scrollHeight;
    }, to);

  it.each([
    ['article p:nth-of-type(1)', 'Donald Trump'],
    ['article p:nth-of-type(2)', 'Christopher Krebs'],
  ])('a tall card (%s "%s") scrolls inside, with its count and actions always in view', async (selector, name) => {
    await restOn(page, await pointOf(page, selector, name));
    await expect.poll(() => shownCardText(page)).toContain(name);
    const sizes = await page.evaluate(() => {
      const card = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!;
      return { scroll: card.scrollHeight, client: card.clientHeight };
    });
    // Taller than the room it has: the case, not a card that fits.
    expect(sizes.scroll).toBeGreaterThan(sizes.client + 50);
    const r = (await cardRect())!;
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.bottom).toBeLessThanOrEqual(r.vh);
    const all = { 'on this page': 'shown', 'Next mention': 'shown', 'Not this one?': 'shown' };
    expect(await shownInCard(Object.keys(all))).toEqual(all);
    await scrollCard('bottom');
    expect(await shownInCard(Object.keys(all))).toEqual(all);
    await scrollCard('top');
    // The correction's choices open below the actions, and come into view with them.
    await page.locator('[data-gloss] button', { hasText: 'Not this one?' }).click();
    await expect.poll(() => shownInCard(["Don't explain", 'Not this one?'])).toEqual({ "Don't explain": 'shown', 'Not this one?': 'shown' });
  });

  it('the wheel turned on past the end of a tall card it is reading leaves the page where it is, and the card open', async () => {
    await restOn(page, await pointOf(page, 'article p:nth-of-type(2)', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    const r = (await cardRect())!;
    await page.mouse.move((r.left + r.right) / 2, r.top + 40, { steps: 4 });
    const state = () =>
      page.evaluate(() => {
        const card = document.querySelector('[data-gloss]')?.shadowRoot?.querySelector('.card');
        return { pageY: Math.round(scrollY), atEnd: !!card && card.scrollTop + card.clientHeight >= card.scrollHeight - 1 };
      });
    const before = await state();
    expect(before.atEnd).toBe(false);
    // Far more than the card holds: the turns past its end are where the page used to scroll.
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 200);
    await expect.poll(state).toEqual({ pageY: before.pageY, atEnd: true });
    await page.waitForTimeout(400);
    expect(await state()).toEqual({ pageY: before.pageY, atEnd: true });
    expect(await shownCardText(page)).toContain('Christopher Krebs');
  });

  /** Where focus is in the card, and whether the reader sees it: in the window, and not under anything. */
  const focused = () =>
    page.evaluate(() => {
      const root = document.querySelector('[data-gloss]')!.shadowRoot!;
      const el = root.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      // Its middle and its foot (a link with its lower half under the actions is hidden too).
      const shown = r.top >= 0 && r.bottom <= innerHeight && [r.top + r.height / 2, r.bottom - 2].every((y) => el.contains(root.elementFromPoint(r.left + r.width / 2, y)));
      return `${el.tagName === 'A' ? 'link' : el.title || el.textContent?.trim()}${shown ? '' : ' (out of view)'}`;
    });

  it('from the keyboard, Tab goes pin → close → link → Next mention → Not this one?, each in view when focused', async () => {
    const tabId = await gloss.tabIdOf(page);
    await gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: { fromStart: true } }, { frameId: 0 }), tabId);
    await expect.poll(() => shownCardText(page)).toMatch(/Next mention/);
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-gloss]')?.shadowRoot?.activeElement?.className)).toBe('card');
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      await expect.poll(focused, { timeout: 2000 }).not.toMatch(/out of view/);
      seen.push(await focused());
    }
    expect(seen).toEqual(['Keep this card open', 'Close', 'link', 'Next mention', 'Not this one?', 'Keep this card open']);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
  });

  it('the link Tab reached stays in view, above the actions, when the window gets shorter under the card', async () => {
    const tabId = await gloss.tabIdOf(page);
    await gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: { fromStart: true } }, { frameId: 0 }), tabId);
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-gloss]')?.shadowRoot?.activeElement?.className)).toBe('card');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('link');
    const heightOf = () => page.evaluate(() => document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!.clientHeight);
    const before = await heightOf();
    try {
      await page.setViewportSize({ width: 550, height: 300 });
      // The case: the card itself got shorter, not only the window.
      await expect.poll(heightOf).toBeLessThan(before - 30);
      await expect.poll(focused).toBe('link');
    } finally {
      await page.setViewportSize({ width: 550, height: 400 });
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
  });
});

describe('a market story', () => {
  it('"the Dow" opens a card for the Dow Jones Industrial Average, labelled a stock market index, not Dow Inc.', async () => {
    const markets = await gloss.newPage('/markets.html');
    await waitForAnnotation(markets);
    await restOn(markets, await pointOf(markets, '#index', 'Dow'));
    await expect.poll(() => shownCardText(markets)).toContain('Dow Jones Industrial Average');
    const text = (await cardText(markets))!;
    expect(text).toContain('Stock market index');
    expect(text).not.toContain('Company');
    expect(text).not.toContain('Dow Inc.');
    await markets.close();
  });
});

describe('the card’s code', () => {
  it('is not loaded while a page is only read; the first rest on a name loads it once and opens the card', async () => {
    const cardScripts: string[] = [];
    // One load is two requests: the session's dynamic URL (use_dynamic_url), redirected to the file.
    const onRequest = (r: Request) => void (r.url().endsWith('/content-card.js') && !r.redirectedFrom() && cardScripts.push(r.url()));
    gloss.context.on('request', onRequest);
    try {
      const reader = await gloss.newPage('/seed-article.html');
      await waitForAnnotation(reader);
      await reader.mouse.wheel(0, 300);
      await reader.waitForTimeout(500);
      expect(cardScripts).toEqual([]);
      await restOn(reader, await pointOf(reader, 'article p:nth-of-type(2)', 'Christopher Krebs'));
      await expect.poll(() => shownCardText(reader)).toContain('Christopher Krebs');
      await reader.keyboard.press('Escape');
      await reader.mouse.move(2, 2);
      await expect.poll(() => cardText(reader)).toBeNull();
      await restOn(reader, await pointOf(reader, 'article p:nth-of-type(4)', 'Mark Esper'));
      await expect.poll(() => shownCardText(reader)).toContain('Mark Esper');
      expect(cardScripts).toHaveLength(1);
      await reader.close();
    } finally {
      gloss.context.off('request', onRequest);
    }
  });
});

describe('by touch (no hover)', () => {
  let touch: Gloss;
  let story: Page;
  beforeAll(async () => void ({ gloss: touch, page: story } = await openDemoStory({ hasTouch: true })));
  afterAll(async () => {
    await touch?.close();
  });

  it('a tap on a name opens its card and it stays; a tap elsewhere closes it; a name in a link follows the link', async () => {
    const krebs = await pointOf(story, 'article p:nth-of-type(2)', 'Christopher Krebs');
    await story.touchscreen.tap(krebs.x, krebs.y);
    await expect.poll(() => shownCardText(story)).toContain('Christopher Krebs');
    // No hovering pointer keeps it open, and none is needed.
    await story.waitForTimeout(800);
    expect(await cardText(story)).toContain('Christopher Krebs');
    // Another name (above: the card hangs below the first) replaces it.
    const trump = await pointOf(story, 'article p:nth-of-type(1)', 'Donald Trump');
    await story.touchscreen.tap(trump.x, trump.y);
    await expect.poll(() => shownCardText(story)).toContain('Donald Trump');
    expect(await cardText(story)).not.toContain('Christopher Krebs');
    // A tap elsewhere on the page closes it.
    await story.touchscreen.tap(5, 5);
    await expect.poll(() => cardText(story)).toBeNull();

    const edges = await touch.newPage('/edges.html');
    await waitForAnnotation(edges);
    const link = await pointOf(edges, '#link', 'Microsoft');
    await edges.touchscreen.tap(link.x, link.y);
    await expect.poll(() => edges.evaluate(() => location.hash)).toBe('#clicked');
    await edges.waitForTimeout(600);
    expect(await cardText(edges)).toBeNull();
    const cisa = await pointOf(edges, '#mid', 'CISA');
    await edges.touchscreen.tap(cisa.x, cisa.y);
    await expect.poll(() => shownCardText(edges)).toContain('Cybersecurity and Infrastructure Security Agency');
    await edges.touchscreen.tap(5, 400);
    await expect.poll(() => cardText(edges)).toBeNull();
    // A block a script made clickable (it shows a pointer): the tap is the page's.
    await edges.evaluate(() => {
      const card = document.getElementById('wrap')!;
      card.style.cursor = 'pointer';
      card.addEventListener('click', () => (document.title = 'opened'));
    });
    const agency = await pointOf(edges, '#wrap', 'Cybersecurity');
    await edges.touchscreen.tap(agency.x, agency.y);
    await expect.poll(() => edges.title()).toBe('opened');
    await edges.waitForTimeout(600);
    expect(await cardText(edges)).toBeNull();
    await edges.close();
  });
});

describe('stepping to a name inside an element taller than the window', () => {
  let tall: Page;
  beforeAll(async () => {
    tall = await gloss.newPage('/tall-blocks.html');
    await tall.setViewportSize({ width: 600, height: 640 });
    await waitForAnnotation(tall);
  });
  afterAll(async () => {
    await tall?.close();
  });

  /** Waits until neither the window nor the panel has scrolled for a few frames (stepping scrolls smoothly). */
  const settled = () =>
    tall.evaluate(async () => {
      const panel = document.getElementById('panel')!;
      let last = '';
      for (let still = 0, i = 0; still < 5 && i < 300; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = `${scrollX},${scrollY},${panel.scrollTop}`;
        still = now === last ? still + 1 : 0;
        last = now;
      }
    });
  /** The stepped-to name's box, the card's, and the panel's, in viewport coordinates. */
  const boxes = () =>
    tall.evaluate(() => {
      const box = (r: DOMRect) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
      const [range] = [...(CSS.highlights.get('gloss-current') ?? [])] as Range[];
      const card = document.querySelector('[data-gloss]')?.shadowRoot?.querySelector('.card');
      return {
        text: range?.toString() ?? null,
        name: range ? box(range.getBoundingClientRect()) : null,
        card: card ? box(card.getBoundingClientRect()) : null,
        panel: box(document.getElementById('panel')!.getBoundingClientRect()),
        vw: innerWidth,
        vh: innerHeight,
        focused: document.activeElement === document.querySelector('[data-gloss]'),
      };
    });

  it('each step centres the name itself, in the window and in a scrolling panel, and opens its focused card beside it', async () => {
    const tabId = await gloss.tabIdOf(tall);
    const seen: string[] = [];
    for (const [i, name] of ['Christopher Krebs', 'Mark Esper', 'Nancy Pelosi'].entries()) {
      await gloss.worker.evaluate(([id, fromStart]) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: { fromStart } }, { frameId: 0 }), [tabId, i === 0] as const);
      await expect.poll(() => shownCardText(tall)).toContain(name);
      await settled();
      const b = await boxes();
      seen.push(b.text!);
      const { name: n, card: c } = b;
      expect(n, name).not.toBeNull();
      // The name in the window, near its middle (the element around it is taller than the window).
      expect(n!.top, name).toBeGreaterThanOrEqual(0);
      expect(n!.bottom, name).toBeLessThanOrEqual(b.vh);
      expect(Math.abs((n!.top + n!.bottom) / 2 - b.vh / 2), name).toBeLessThan(b.vh / 4);
      if (name === 'Nancy Pelosi') {
        // And in the panel it scrolls inside.
        expect(n!.top).toBeGreaterThanOrEqual(b.panel.top);
        expect(n!.bottom).toBeLessThanOrEqual(b.panel.bottom);
      }
      // The card inside the window, just above or below the name, and focused.
      expect(c!.top, name).toBeGreaterThanOrEqual(0);
      expect(c!.bottom, name).toBeLessThanOrEqual(b.vh);
      const gap = c!.top >= n!.bottom - 1 ? c!.top - n!.bottom : n!.top - c!.bottom;
      expect(gap, name).toBeGreaterThanOrEqual(-1);
      expect(gap, name).toBeLessThan(24);
      expect(b.focused, name).toBe(true);
    }
    expect(seen).toEqual(['Christopher Krebs', 'Mark Esper', 'Nancy Pelosi']);
    await tall.keyboard.press('Escape');
    await expect.poll(() => cardText(tall)).toBeNull();
  });
});

describe('names under something transparent the page lays over them', () => {
  let overlay: Page;
  beforeAll(async () => {
    overlay = await gloss.newPage('/overlay.html');
    await waitForAnnotation(overlay);
  });
  afterAll(async () => {
    await overlay?.close();
  });
  const close = async () => {
    await overlay.keyboard.press('Escape');
    await overlay.mouse.move(900, 700);
    await expect.poll(() => cardText(overlay)).toBeNull();
  };

  it.each([
    ['a teaser’s link stretched over it by an ::after', '#summary', 'Christopher Krebs'],
    ['a fade-out veil', '#veiled', 'Mark Esper'],
    ['nothing: the stretched link’s own text', '.teaser a', 'Nancy Pelosi'],
    ['nothing', '#plain', 'Barack Obama'],
  ])('under %s, a name opens its card (%s: %s)', async (_under, selector, name) => {
    await close();
    const p = await pointOf(overlay, selector, name);
    // The page's own hit-test stops at the overlay: the caret is not in the name's text.
    if (selector === '#summary' || selector === '#veiled') {
      expect(await overlay.evaluate(({ x, y }) => document.caretPositionFromPoint(x, y)?.offsetNode.parentElement?.closest('#summary, #veiled') ?? null, p)).toBeNull();
    }
    await restOn(overlay, p);
    await expect.poll(() => shownCardText(overlay)).toContain(name);
  });

  it('words under the overlay that are no name open nothing', async () => {
    await close();
    await restOn(overlay, await pointOf(overlay, '#summary', 'Summary'));
    await overlay.waitForTimeout(900);
    expect(await cardText(overlay)).toBeNull();
  });
});
