/** Hostile pages: Gloss keeps working, never breaks the page, and does bounded work. */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../src/settings';
import { toSyncItems } from '../../src/settings-sync';
import { LOCAL_KEYS } from '../../src/storage-keys';
import { cardPlacementFaults } from '../support/card-placement';
import { countPixels, PERSON, TINT } from '../support/pixels';
import { cardText, shownCardText, launchGloss, paintedText, pointOf, restOn, waitForAnnotation, type Gloss } from './support/browser';

let gloss: Gloss;
const pageErrors: string[] = [];
beforeAll(async () => {
  gloss = await launchGloss();
  gloss.context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`)));
});
afterAll(async () => {
  await gloss?.close();
});

/** Number of annotation passes so far and their mention count, from the page's performance timeline. */
/**
 * Brings a name in the one text node of a page's `#list` paragraph (its last before `before`) to the
 * middle of the window, by its own box (the paragraph is thousands of pixels tall): its box's centre.
 */
const nameInList = (page: Page, text: string, before = Infinity) =>
  page.evaluate(
    ({ text, before }) => {
      const node = document.getElementById('list')!.firstChild as Text;
      const start = node.data.lastIndexOf(text, before);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      scrollBy(0, range.getBoundingClientRect().top - innerHeight / 2);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, start };
    },
    { text, before },
  );

const passes = (page: Page | Frame) =>
  page.evaluate(() => {
    const entries = performance.getEntriesByName('gloss:annotate') as PerformanceMeasure[];
    const last = entries[entries.length - 1];
    return { count: entries.length, mentions: last ? (last.detail as { mentions: number }).mentions : 0 };
  });

/** huge.html (20,000 paragraphs, a name each), once its first pass has read a thousand of them. */
async function hugeReadInPart(): Promise<Page> {
  const page = await gloss.newPage('/hostile/huge.html');
  await expect.poll(async () => (await passes(page)).mentions, { timeout: 30_000 }).toBeGreaterThanOrEqual(1000);
  return page;
}

/** The names (`<b>`) on screen in huge.html, and how many of them no gloss-* highlight paints. */
const namesOnScreen = (page: Page) =>
  page.evaluate(() => {
    const painted = new Set<Node>();
    for (const [name, h] of CSS.highlights) if (name.startsWith('gloss-')) for (const r of h) painted.add(r.startContainer.parentNode!);
    const onScreen = [...document.querySelectorAll('b')].filter((b) => {
      const r = b.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    return { onScreen: onScreen.length, unpainted: onScreen.filter((b) => !painted.has(b)).length };
  });

/** What is wrong with where the open card is drawn next to `name` in `selector` (`cardPlacementFaults`). */
const placementFaults = (page: Page, selector: string, name: string) => page.evaluate(cardPlacementFaults, { selector, name });

describe('hostile CSS', () => {
  it('page rules that restyle everything (all: unset, display, z-index, zoom, transforms) do not touch the card', async () => {
    const page = await gloss.newPage('/hostile/restyle.html');
    await waitForAnnotation(page);
    await restOn(page, await pointOf(page, '#story', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('first director');
    const look = await page.evaluate(() => {
      const host = document.querySelector('[data-gloss]') as HTMLElement;
      const card = host.shadowRoot!.querySelector('.card')!;
      const r = card.getBoundingClientRect();
      const s = getComputedStyle(card);
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { width: r.width, visible: r.width > 0 && r.height > 100, bg: s.backgroundColor, font: s.fontFamily, onTop: top === host, hostDisplay: getComputedStyle(host).display };
    });
    expect(look.onTop).toBe(true);
    expect(look.visible).toBe(true);
    expect(look.bg).toBe('rgb(255, 255, 255)');
    expect(look.font).not.toContain('Comic');
    expect(look.hostDisplay).toBe('block');
    // Under the page's `html { zoom: 1.25 }` the card is its own size, beside the name (audit-hostile #2).
    await expect.poll(() => placementFaults(page, '#story', 'Christopher Krebs')).toEqual([]);
    await page.close();
  });

  // CSS zoom multiplies down the tree: the host, a child of the root, was drawn at the root's zoom, and
  // the card placed at its viewport px times that zoom again (audit-hostile #2).
  it.each([
    ['html', 0.8],
    ['html', 1.25],
    ['html', 1.5],
    ['html', 2],
    ['body', 1.5],
  ])('a page with %s { zoom: %s } has the card its own size, beside the name and in the viewport, at the left and the right edge and in a modal dialog', async (on, zoom) => {
    const page = await gloss.newPage(`/hostile/zoomed.html?on=${on}&zoom=${zoom}`);
    await waitForAnnotation(page);
    for (const [selector, name] of [['#story', 'Christopher Krebs'], ['#edge', 'Nancy Pelosi']] as const) {
      await restOn(page, await pointOf(page, selector, name));
      await expect.poll(() => shownCardText(page)).toContain(name);
      await expect.poll(() => placementFaults(page, selector, name), { message: name }).toEqual([]);
    }
    // In the page's modal dialog the host goes inside the dialog, under the same zoom.
    await page.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).showModal());
    await restOn(page, await pointOf(page, '#inside', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    expect(await page.evaluate(() => document.querySelector('[data-gloss="card"]')?.parentElement?.id)).toBe('modal');
    await expect.poll(() => placementFaults(page, '#inside', 'Mark Esper'), { message: 'Mark Esper' }).toEqual([]);
    await page.close();
  });

  it('a page\'s own ::backdrop rule, even !important, neither dims nor blurs the page while a card is open', async () => {
    const page = await gloss.newPage('/hostile/backdrop.html');
    await waitForAnnotation(page);
    // A corner far from the name and its card: the page's white, with no text.
    const corner = { x: 1000, y: 700, width: 60, height: 60 };
    const cornerColour = async () => page.evaluate(countPixels, { png: (await page.screenshot({ clip: corner })).toString('base64'), colour: PERSON, tinted: TINT });
    expect((await cornerColour()).background).toEqual([255, 255, 255]);
    await restOn(page, await pointOf(page, '#story', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('first director');
    expect((await cornerColour()).background).toEqual([255, 255, 255]);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-gloss="card"]')!, '::backdrop').display)).toBe('none');
    // The page's own dialog still gets it: the rule is the page's to use.
    await page.evaluate(() => (document.getElementById('own') as HTMLDialogElement).showModal());
    await expect.poll(async () => (await cornerColour()).background).not.toEqual([255, 255, 255]);
    await page.close();
  });
});

describe('hostile scripts', () => {
  it('a page that overrides DOM prototypes and globals does not affect Gloss', async () => {
    const page = await gloss.newPage('/hostile/prototypes.html');
    // This page's own JSON and Array are broken, so read results from the popup, not the page's world.
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="agency:cisa"]');
    expect(await popup.locator('[data-entity-id]').count()).toBe(3);
    await popup.close();
    const box = await page.locator('#story').boundingBox();
    // "Christopher Krebs" starts the paragraph: rest on its first word.
    await page.mouse.move(box!.x + 200, box!.y + 60);
    await page.mouse.move(box!.x + 12, box!.y + box!.height / 2, { steps: 3 });
    await expect.poll(() => page.locator('[data-gloss]').count()).toBe(1);
    expect(await page.locator('[data-gloss] .gloss-name').textContent()).toBe('Christopher Krebs');
    await page.close();
  });

  it('a page whose named elements shadow the document\'s methods (DOM clobbering) is painted, and its names open cards and are stepped to', async () => {
    const page = await gloss.newPage('/hostile/named-elements.html');
    // The page's world does see its names in place of the document's methods.
    expect(await page.evaluate(() => `${typeof document.getElementsByTagName} ${typeof document.createTreeWalker} ${typeof document.evaluate}`)).toBe('object object object');
    await waitForAnnotation(page);
    expect(await paintedText(page)).toMatchObject({ 'gloss-person': expect.arrayContaining(['Christopher Krebs', 'Mark Esper']), 'gloss-agency': ['CISA'] });
    await restOn(page, await pointOf(page, '#story', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    const tabId = await gloss.tabIdOf(page);
    await gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: { fromStart: true } }, { frameId: 0 }), tabId);
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    await page.close();
  });

  it('a page that writes itself anew with document.open() (which erases every listener) has its new names painted, and they open cards', async () => {
    const page = await gloss.newPage('/hostile/document-open.html');
    await waitForAnnotation(page);
    await page.evaluate(() => (window as unknown as { rewrite: () => void }).rewrite());
    await expect.poll(() => paintedText(page)).toMatchObject({ 'gloss-person': expect.arrayContaining(['Christopher Krebs', 'Mark Esper']) });
    await restOn(page, await pointOf(page, '#story', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Secretary of Defense');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    // And the popup lists the new page's names.
    const popup = await gloss.popup(page);
    await expect.poll(() => popup.locator('[data-entity-id]').count()).toBeGreaterThan(2);
    await Promise.all([popup.close(), page.close()]);
  });

  it('a page that stops every pointermove in the window\'s capture phase, before Gloss hears it, still has its names open cards', async () => {
    const page = await gloss.newPage('/hostile/pointermove-stopped.html');
    await waitForAnnotation(page);
    // The page's stopper is at work: a later listener of the page's hears no pointermove.
    await page.evaluate(() => {
      (window as unknown as { heard: number }).heard = 0;
      addEventListener('pointermove', () => (window as unknown as { heard: number }).heard++, true);
    });
    await restOn(page, await pointOf(page, '#story', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    expect(await page.evaluate(() => (window as unknown as { heard: number }).heard)).toBe(0);
    // And the card closes when the pointer leaves, and the next name opens its own.
    await page.mouse.move(5, 5, { steps: 3 });
    await expect.poll(() => cardText(page)).toBeNull();
    await restOn(page, await pointOf(page, '#more', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    await page.close();
  });

  it('a page that removes whatever it did not make from <html> gets its cards from <body>; one that also watches <body> gets none, and Gloss stops trying at once', async () => {
    const rest = async (page: Page, where: string, name: string) => {
      await page.mouse.move(5, 5);
      await expect.poll(() => cardText(page)).toBeNull();
      await restOn(page, await pointOf(page, where, name));
    };
    const removed = (page: Page) => page.evaluate(() => (window as unknown as { removed: number }).removed);
    const html = await gloss.newPage('/hostile/remover.html?watch=html');
    await waitForAnnotation(html);
    await rest(html, '#one', 'Krebs');
    await expect.poll(() => shownCardText(html)).toContain('Christopher Krebs');
    expect(await html.evaluate(() => document.querySelector('[data-gloss]')!.parentElement === document.body)).toBe(true);
    await rest(html, '#two', 'Esper');
    await expect.poll(() => shownCardText(html)).toContain('Mark Esper');
    // Taken out of <html> once; not put there again.
    expect(await removed(html)).toBe(1);
    await html.close();

    const both = await gloss.newPage('/hostile/remover.html?watch=html,body');
    await waitForAnnotation(both);
    await rest(both, '#one', 'Krebs');
    await expect.poll(() => removed(both)).toBe(2);
    await rest(both, '#two', 'Esper');
    await both.waitForTimeout(1200);
    expect(await cardText(both)).toBeNull();
    expect(await removed(both)).toBe(2);
    await both.close();
  });

  it('a postMessage flood and fake pointer/key events open nothing and change nothing', async () => {
    const page = await gloss.newPage('/hostile/flood.html');
    await waitForAnnotation(page);
    await page.waitForFunction(() => (window as unknown as { floodCount: number }).floodCount >= 5000, null, { timeout: 30_000 });
    expect(await cardText(page)).toBeNull();
    expect(Object.keys(await paintedText(page)).length).toBeGreaterThan(0);
    // A real pointer still works while the flood goes on.
    await restOn(page, await pointOf(page, '#story', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    await page.close();
  });

  it('a page that presses the card\'s buttons itself pins nothing and changes no correction; the reader\'s own clicks still do', async () => {
    const page = await gloss.newPage('/hostile/card-clicks.html');
    await waitForAnnotation(page);
    await restOn(page, await pointOf(page, '#later', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('same person as “Christopher Krebs”');
    const clicksBefore = await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks);
    await expect.poll(() => page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBeGreaterThan(clicksBefore + 5);
    const card = page.locator('[data-gloss] button[aria-pressed]');
    expect(await card.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('[data-gloss] .correction').count()).toBe(0);
    // Not pinned: the card goes when the pointer leaves, and the name is still painted after a reload.
    await page.mouse.move(1, 1);
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toBeNull();
    await page.reload();
    await waitForAnnotation(page);
    expect((await paintedText(page))['gloss-person']).toContain('Krebs');
    // The reader's own click pins it.
    await restOn(page, await pointOf(page, '#later', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('same person');
    await page.locator('[data-gloss] button[aria-pressed]').click();
    await expect.poll(() => page.locator('[data-gloss] button[aria-pressed]').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('a page reading its own performance timeline finds nothing of Gloss, pass after pass (analytics collect it)', async () => {
    const glossEntries = (page: Page) => page.evaluate(() => performance.getEntries().filter((e) => e.name.startsWith('gloss')).map((e) => e.name));
    const setTimings = (on: boolean) => gloss.worker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [LOCAL_KEYS.devTimings, on] as const);
    await setTimings(false);
    try {
      const page = await gloss.newPage('/seed-article.html');
      await expect.poll(async () => (await paintedText(page))['gloss-person'] ?? []).toContain('Christopher Krebs');
      // A second pass, for a paragraph the page adds.
      await page.evaluate(() => document.querySelector('article p')!.after(Object.assign(document.createElement('p'), { textContent: 'Later, Nancy Pelosi spoke.' })));
      await expect.poll(async () => (await paintedText(page))['gloss-person'] ?? []).toContain('Nancy Pelosi');
      expect(await glossEntries(page)).toEqual([]);
      await page.close();
    } finally {
      await setTimings(true);
    }
    // The same story with timings on (as every other test here runs): the entries this test looks for.
    const page = await gloss.newPage('/seed-article.html');
    await waitForAnnotation(page);
    expect(await glossEntries(page)).toEqual(expect.arrayContaining(['gloss:script-start', 'gloss:annotate-start', 'gloss:annotate']));
    await page.close();
  });
});

describe('bounded work', () => {
  it('a page mutating text every 10 ms: passes are rate-limited, highlights do not grow', async () => {
    const page = await gloss.newPage('/hostile/mutating.html');
    await waitForAnnotation(page);
    await page.waitForFunction(() => (window as unknown as { batches: number }).batches >= 300, null, { timeout: 60_000 });
    const elapsedMs = await page.evaluate(() => performance.now());
    const { count } = await passes(page);
    // At most one pass per 100 ms of page life (plus the first), not one per mutation batch.
    expect(count).toBeLessThanOrEqual(Math.ceil(elapsedMs / 100) + 2);
    expect(count).toBeLessThan(100);
    await expect.poll(async () => Object.values(await paintedText(page)).flat().sort()).toEqual(['CISA', 'Christopher Krebs', 'Mark Esper'].sort());
    expect(await page.evaluate(() => document.querySelectorAll('[data-gloss]').length)).toBe(0);
    await page.close();
  });

  it('a page hiding and showing its story (aria-hidden) every 10 ms: passes are rate-limited, and the story is painted once it stays shown', async () => {
    const page = await gloss.newPage('/hostile/blinking.html');
    await waitForAnnotation(page);
    await page.waitForFunction(() => (window as unknown as { batches: number }).batches >= 500, null, { timeout: 60_000 });
    const elapsedMs = await page.evaluate(() => performance.now());
    const { count } = await passes(page);
    // At most one pass per 100 ms of page life (plus the first), not one per change.
    expect(count).toBeLessThanOrEqual(Math.ceil(elapsedMs / 100) + 2);
    expect(count).toBeLessThan(250);
    await expect.poll(async () => Object.values(await paintedText(page)).flat().sort()).toEqual(['CISA', 'Christopher Krebs', 'Mark Esper']);
    await page.close();
  });

  it('a clock ticking every 10 ms with no name in it: after ten passes that change no name, passes come every 500 ms, and a paragraph with a name added meanwhile is painted', async () => {
    const page = await gloss.newPage('/hostile/clock.html');
    await waitForAnnotation(page);
    const first = (await passes(page)).count;
    await page.waitForTimeout(3000);
    // Ten passes about 100 ms apart (some may have run before `first` was read), then two a second:
    // not the thirty of a pass every 100 ms.
    const count = (await passes(page)).count - first;
    expect(count).toBeGreaterThanOrEqual(4);
    expect(count).toBeLessThanOrEqual(18);
    expect((await paintedText(page))['gloss-person']).toEqual(['Christopher Krebs']);
    await page.evaluate(() => (window as unknown as { sayName: () => void }).sayName());
    await expect.poll(async () => (await paintedText(page))['gloss-person']?.sort(), { timeout: 3000 }).toEqual(['Christopher Krebs', 'Mark Esper']);
    await page.close();
  });

  it('a paragraph padded with 200,000 empty text nodes: its names are painted and open their cards', async () => {
    const page = await gloss.newPage('/hostile/empty-texts.html');
    await waitForAnnotation(page);
    await expect.poll(async () => Object.values(await paintedText(page)).flat().sort()).toEqual(['CISA', 'Christopher Krebs']);
    await restOn(page, await pointOf(page, '#padded b', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    await page.close();
  });

  it('a paragraph of 3,000 names in one text node: the one name deep in it opens its own card, and the name before it its own', async () => {
    const page = await gloss.newPage('/hostile/many-names.html');
    await waitForAnnotation(page);
    const at = (text: string, before?: number) => nameInList(page, text, before);
    const krebs = await at('Christopher Krebs');
    // More than 500 names: only those near the window are painted, once it has scrolled there.
    await expect.poll(async () => (await paintedText(page))['gloss-person'] ?? []).toContain('Christopher Krebs');
    // Found by two binary searches, reading a few boxes, not every box near the window: in a text node
    // this long each box costs the browser time in proportion to the node's lines.
    const searches = await page.evaluate(() => performance.getEntriesByName('gloss:near').map((e) => (e as PerformanceMeasure).detail as { ranges: number; boxes: number }));
    expect(searches.length).toBeGreaterThan(0);
    for (const { ranges, boxes } of searches) expect(boxes).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(ranges + 1)));
    await restOn(page, krebs);
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    await page.keyboard.press('Escape');
    await page.mouse.move(2, 2);
    await expect.poll(() => cardText(page)).toBeNull();
    // The name just before it ("…, Mike Pence, Christopher Krebs, …").
    await restOn(page, await at('Mike Pence', krebs.start));
    await expect.poll(() => shownCardText(page)).toContain('Mike Pence');
    await page.close();
  });

  it('a paragraph of 400 names in one text node: the names near the reader are found by searching the run, reading a few boxes, and the one deep in it is painted when the reader gets there', async () => {
    const page = await gloss.newPage('/hostile/names-run.html');
    await waitForAnnotation(page);
    const scans = () => page.evaluate(() => performance.getEntriesByName('gloss:scan').map((e) => (e as PerformanceMeasure).detail as { ranges: number; boxes: number }));
    // The two names outside the list are read one by one; the list's 400 by two binary searches.
    const limit = 2 + 2 * Math.ceil(Math.log2(401));
    await expect.poll(async () => (await scans()).length).toBeGreaterThan(0);
    for (const { ranges, boxes } of await scans()) {
      expect(ranges).toBe(402);
      expect(boxes).toBeLessThanOrEqual(limit);
    }
    expect((await paintedText(page))['gloss-person']).toContain('Joe Biden');
    await nameInList(page, 'Christopher Krebs');
    await expect.poll(async () => (await paintedText(page))['gloss-person'] ?? []).toContain('Christopher Krebs');
    for (const { boxes } of await scans()) expect(boxes).toBeLessThanOrEqual(limit);
    await page.close();
  });

  it('a 100k-node page is read as far as the reader is, viewport first, painted where the reader is, and read on as the reader scrolls to its end', async () => {
    const page = await gloss.context.newPage();
    // Counts the frames in which the highlights changed: each change repaints the whole page.
    await page.addInitScript(() => {
      const w = window as unknown as { highlightChanges: number };
      w.highlightChanges = 0;
      let held: unknown[] = [];
      const look = () => {
        const now = [...CSS.highlights.values()];
        if (now.length !== held.length || now.some((h, i) => h !== held[i])) w.highlightChanges++;
        held = now;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`${gloss.origin}/hostile/huge.html`);
    await waitForAnnotation(page);
    // The first pass read a thousand of its 20,000 paragraphs (one name each), some 35 screens: far
    // beyond the reader, who has seen one. Nothing more is read while the reader stays there.
    await expect.poll(async () => (await passes(page)).mentions, { timeout: 30_000 }).toBeGreaterThanOrEqual(1000);
    await page.waitForTimeout(500);
    const first = await passes(page);
    expect(first.count).toBe(1);
    expect(first.mentions).toBeLessThan(1100);
    // The viewport's first pass painted the names near it; the page's pass found them painted.
    expect(await page.evaluate(() => (window as unknown as { highlightChanges: number }).highlightChanges)).toBe(1);
    // The viewport was painted first, in an early task of its own, before the whole page was done.
    const stages = await page.evaluate(() => {
      const viewport = performance.getEntriesByName('gloss:annotate-viewport')[0] as PerformanceMeasure | undefined;
      const full = performance.getEntriesByName('gloss:annotate')[0] as PerformanceMeasure;
      const walk = performance.getEntriesByName('gloss:collect')[0] as PerformanceMeasure;
      // Near the viewport: within half a screen of it, the band the painter keeps painted.
      const onScreen = [...document.querySelectorAll('p')].filter((p) => {
        const r = p.getBoundingClientRect();
        return r.bottom >= -innerHeight / 2 && r.top <= innerHeight * 1.5;
      }).length;
      const detail = viewport?.detail as { mentions: number; blocks: number } | undefined;
      return { viewportEnd: viewport ? viewport.startTime + viewport.duration : -1, viewportMentions: detail?.mentions ?? 0, viewportBlocks: detail?.blocks ?? 0, onScreen, fullEnd: full.startTime + full.duration, walkEnd: walk.startTime + walk.duration };
    });
    // That first pass read the paragraphs near the viewport and no others: its task is sized by the screen.
    expect(stages.onScreen).toBeGreaterThan(5);
    expect(stages.viewportBlocks).toBe(stages.onScreen);
    expect(stages.viewportEnd).toBeGreaterThan(0);
    expect(stages.viewportMentions).toBeGreaterThan(0);
    expect(stages.viewportMentions).toBeLessThan(first.mentions);
    expect(stages.viewportEnd).toBeLessThan(stages.fullEnd);
    // Painted while the walk of the rest of the page was still going: the reader does not wait for it.
    expect(stages.viewportEnd).toBeLessThan(stages.walkEnd);
    // With this many names, those near the viewport are painted, and scrolling moves the window.
    const painted = () => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-')).reduce((n, k) => n + CSS.highlights.get(k)!.size, 0));
    await expect.poll(painted).toBeGreaterThan(10);
    expect(await painted()).toBeLessThan(2_000);
    const lastPainted = () =>
      page.evaluate(() => {
        const last = [...document.querySelectorAll('b')].at(-1)!;
        return [...CSS.highlights.values()].some((h) => [...h].some((r) => last.contains(r.startContainer)));
      });
    expect(await lastPainted()).toBe(false);
    // Ranges are made for the names painted, not for all 20,000: each is one more the browser keeps
    // updating on every edit of the page.
    const rangesMade = () => page.evaluate(() => ((performance.getEntriesByName('gloss:annotate')[0] as PerformanceMeasure).detail as { ranges: number }).ranges);
    expect(await rangesMade()).toBeLessThan(2_000);
    // At the end of the page, the rest is read, linked and painted there.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await passes(page)).mentions, { timeout: 30_000 }).toBe(20_000);
    await expect.poll(lastPainted, { timeout: 10_000 }).toBe(true);
    // A name down there, its range made only now, opens its card.
    const lastName = await page.evaluate(() => [...document.querySelectorAll('b')].at(-1)!.textContent!);
    await restOn(page, await pointOf(page, '#root p:last-child', lastName));
    await expect.poll(() => shownCardText(page)).toContain(lastName);
    await page.close();
  });

  it('scrolling a page of 20,000 names: the names on screen are painted at every step, and the highlights change about once a screen, not at every step', async () => {
    const page = await hugeReadInPart();
    await page.evaluate(() => {
      const w = window as unknown as { held: unknown[]; changes: number };
      w.held = [...CSS.highlights.values()];
      w.changes = 0;
    });
    const step = 80;
    const steps = 40;
    const height = await page.evaluate(() => innerHeight);
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, step);
      // The painter follows scrolling in an animation frame: two frames later, it has.
      await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const w = window as unknown as { held: unknown[]; changes: number };
        const now = [...CSS.highlights.values()];
        if (now.length !== w.held.length || now.some((h, k) => h !== w.held[k])) w.changes++;
        w.held = now;
      });
      expect((await namesOnScreen(page)).unpainted).toBe(0);
    }
    expect(await page.evaluate(() => scrollY)).toBe(step * steps);
    // 3,200 px of scrolling is under four screens here: each change repaints the whole page.
    const changes = await page.evaluate(() => (window as unknown as { changes: number }).changes);
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThanOrEqual(Math.ceil((step * steps) / (height / 2)));
    await page.close();
  });

  it('a story painted reads its names\' boxes once, not again when its height has not changed; a change of height reads them again', async () => {
    // The painter's size observer reports the size it starts with: it used to read every box a second time.
    const page = await gloss.newPage('/seed-article.html');
    await waitForAnnotation(page);
    const scans = () => page.evaluate(() => performance.getEntriesByName('gloss:scan').length);
    await page.waitForTimeout(600);
    expect(await scans()).toBe(1);
    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('div'), { style: 'height: 300px' })));
    await expect.poll(scans).toBe(2);
    await page.close();
  });

  it('a story of 421 names on a page restyled every 10 ms: only names near the reader are registered, yet every name on screen is painted: beside the story, down the story as it scrolls, in a box a script scrolls to its end, and moved under the reader by a style change', async () => {
    // Chromium rebuilds every registered highlight range after any change to the page's DOM or style:
    // what a page that changes all the time costs is bounded by the names near the reader.
    const page = await gloss.newPage('/hostile/long-story.html');
    await waitForAnnotation(page);
    await page.evaluate(() => (window as unknown as { animate: () => void }).animate());
    const names = () =>
      page.evaluate(() => {
        const painted = new Set<Node>();
        let registered = 0;
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('gloss-')) continue;
          registered += h.size;
          for (const r of h) painted.add(r.startContainer.parentNode!);
        }
        const feed = document.getElementById('feed')!.getBoundingClientRect();
        const onScreen = [...document.querySelectorAll('b')].filter((b) => {
          const r = b.getBoundingClientRect();
          if (r.bottom <= 0 || r.top >= innerHeight) return false;
          return !b.closest('#feed') || (r.bottom > feed.top && r.top < feed.bottom);
        });
        return { onScreen: onScreen.length, unpainted: onScreen.filter((b) => !painted.has(b)).map((b) => b.parentElement!.textContent), registered };
      });
    await expect.poll(async () => (await names()).unpainted).toEqual([]);
    const first = await names();
    expect(first.onScreen).toBeGreaterThan(10);
    expect(first.registered).toBeLessThan(421 / 2);
    expect((await paintedText(page))['gloss-person']).toContain('Nancy Pelosi');
    // The feed's box jumps to its end in one scroll event: its last lines are painted.
    await page.evaluate(() => {
      const feed = document.getElementById('feed')!;
      feed.scrollTop = feed.scrollHeight;
    });
    await expect.poll(async () => (await names()).unpainted).toEqual([]);
    expect((await names()).onScreen).toBeGreaterThan(10);
    // Then the reader scrolls down the story, over it, a wheel step at a time.
    await page.evaluate(() => {
      const w = window as unknown as { held: unknown[]; sizes: number[]; changes: number };
      w.held = [...CSS.highlights.values()];
      w.sizes = w.held.map((h) => (h as Highlight).size);
      w.changes = 0;
    });
    await page.mouse.move(300, 700);
    const height = await page.evaluate(() => innerHeight);
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, 150);
      await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const w = window as unknown as { held: Highlight[]; sizes: number[]; changes: number };
        const now = [...CSS.highlights.values()];
        const sizes = now.map((h) => h.size);
        if (now.length !== w.held.length || now.some((h, k) => h !== w.held[k] || sizes[k] !== w.sizes[k])) w.changes++;
        w.held = now;
        w.sizes = sizes;
      });
      expect((await names()).unpainted).toEqual([]);
    }
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled).toBeGreaterThan(3000);
    // The highlights change about once every half screen scrolled, not at every step.
    const changes = await page.evaluate(() => (window as unknown as { changes: number }).changes);
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThanOrEqual(Math.ceil(scrolled / (height / 2)));
    expect((await names()).registered).toBeLessThan(421 / 2);
    // The story above the reader shrinks by a style change: names three screens further down move into
    // view, with no scroll and no text change (the page has no scroll anchoring, which would scroll).
    await page.evaluate(() => window.scrollTo(0, 1000));
    await expect.poll(async () => (await names()).unpainted).toEqual([]);
    await page.evaluate(() => {
      document.getElementById('story')!.style.marginTop = '-3000px';
    });
    await expect.poll(async () => (await names()).unpainted).toEqual([]);
    expect((await names()).onScreen).toBeGreaterThan(10);
    await page.close();
  });

  it('on a page of 20,000 names, text that a style change moves under the reader (no scroll, no text change) is painted', async () => {
    const page = await hugeReadInPart();
    const unpainted = () => namesOnScreen(page);
    await page.evaluate(() => window.scrollTo(0, 20_000));
    await expect.poll(unpainted).toEqual({ onScreen: expect.any(Number), unpainted: 0 });
    // The text above the reader shrinks by a style change: the names three screens further down move
    // into view. The page watcher sees no text change, and nothing scrolled.
    await page.evaluate(() => {
      document.getElementById('root')!.style.marginTop = '-3000px';
    });
    await expect.poll(unpainted).toEqual({ onScreen: expect.any(Number), unpainted: 0 });
    expect((await unpainted()).onScreen).toBeGreaterThan(5);
    await page.close();
  });

  it('on a page of 20,000 names, a category switched off leaves the names near the reader, and back on paints them again', async () => {
    const page = await hugeReadInPart();
    // Beyond the part the first pass read: the reader's jump there reads on, and its names are painted.
    await page.evaluate(() => window.scrollTo(0, 60_000));
    const painted = async () => Object.fromEntries(Object.entries(await paintedText(page)).map(([k, v]) => [k, v.length]));
    await expect.poll(() => namesOnScreen(page), { timeout: 10_000 }).toEqual({ onScreen: expect.any(Number), unpainted: 0 });
    expect((await namesOnScreen(page)).onScreen).toBeGreaterThan(5);
    expect((await painted())['gloss-person']).toBeGreaterThan(5);
    expect((await passes(page)).mentions).toBeLessThan(20_000);
    const set = (categories: typeof defaults.categories) => gloss.worker.evaluate((items) => chrome.storage.sync.set(items), toSyncItems({ ...defaults, categories }).items);
    try {
      // The names near the reader are the same mentions: only the category's highlight may change.
      await set({ ...defaults.categories, person: false });
      await expect.poll(async () => (await painted())['gloss-person'] ?? 0).toBe(0);
      expect((await painted())['gloss-company']).toBeGreaterThan(2);
      await set(defaults.categories);
      await expect.poll(async () => (await painted())['gloss-person'] ?? 0).toBeGreaterThan(5);
    } finally {
      await set(defaults.categories);
      await page.close();
    }
  });

  /**
   * Adds a name no earlier paragraph has at the end of huge.html in `doc` (the page, or its frame):
   * unread, so in no report, until the popup that `page`'s tab opens has it read, and lists it.
   */
  async function popupListsNamePastPartRead(page: Page, doc: Page | Frame): Promise<void> {
    await doc.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The last paragraph quotes Speaker Nancy Pelosi.';
      document.getElementById('root')!.append(p);
    });
    await page.waitForTimeout(500);
    expect((await passes(doc)).mentions).toBeLessThan(20_000);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:nancy-pelosi"]', { timeout: 30_000 });
    expect((await passes(doc)).mentions).toBe(20_001);
    await popup.close();
  }

  it('a page of 20,000 names read in part: a name past the part read is listed once the popup opens, which reads the rest', async () => {
    const page = await hugeReadInPart();
    await popupListsNamePastPartRead(page, page);
    await page.close();
  });

  it('the same page in a subframe: the popup has the frame read its rest too, and lists a name past the part read', async () => {
    const page = await gloss.newPage('/hostile/huge-frame.html');
    const thread = () => page.frames().find((f) => f.url().endsWith('/huge.html'));
    await expect.poll(() => thread()?.url()).toMatch(/huge/);
    const frame = thread()!;
    await expect.poll(async () => (await passes(frame)).mentions, { timeout: 30_000 }).toBeGreaterThanOrEqual(1000);
    await popupListsNamePastPartRead(page, frame);
    await page.close();
  });

  it('a page of 20,000 names read in part, scrolled inside an element: it reads on as that element scrolls; an edit in the part read is read around itself', async () => {
    const page = await hugeReadInPart();
    // An edit in the part read: its paragraph is read again, and the new name painted.
    await page.evaluate(() => {
      document.querySelectorAll('#root p')[3]!.textContent = 'Paragraph 3 now quotes Nancy Pelosi.';
    });
    await expect.poll(async () => (await paintedText(page))['gloss-person'] ?? []).toContain('Nancy Pelosi');
    expect((await passes(page)).mentions).toBeLessThan(20_000);
    // The page's text moves into a scrolling element, as a web app's does, and the reader scrolls it to the end.
    await page.evaluate(() => {
      document.body.style.cssText = 'margin: 0; height: 100vh; overflow: hidden';
      document.getElementById('root')!.style.cssText = 'height: 100vh; overflow: auto';
    });
    await page.evaluate(() => {
      const root = document.getElementById('root')!;
      root.scrollTop = root.scrollHeight;
    });
    await expect.poll(async () => (await passes(page)).mentions, { timeout: 30_000 }).toBe(20_000);
    await expect.poll(() => namesOnScreen(page), { timeout: 10_000 }).toEqual({ onScreen: expect.any(Number), unpainted: 0 });
    expect((await namesOnScreen(page)).onScreen).toBeGreaterThan(5);
    await page.close();
  });

  it('a page of 20,000 names read in part: a style change that moves its unread part under the reader (no scroll) reads it', async () => {
    const page = await hugeReadInPart();
    // A rule for a class no element has yet (adding it is a change of the page, which Gloss reads).
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = '.collapsed p:nth-child(-n+1500) { display: none; }';
      document.head.append(style);
    });
    await page.waitForTimeout(1000);
    const before = await passes(page);
    expect(before.mentions).toBeLessThan(20_000);
    // The first 1,500 paragraphs collapse by a class: the reader, who has not scrolled, now has unread
    // ones in view, and no mutation Gloss watches says so.
    await page.evaluate(() => document.getElementById('root')!.classList.add('collapsed'));
    await expect.poll(async () => (await passes(page)).count, { timeout: 10_000 }).toBeGreaterThan(before.count);
    expect((await passes(page)).mentions).toBeGreaterThan(before.mentions);
    await expect.poll(() => namesOnScreen(page), { timeout: 10_000 }).toEqual({ onScreen: expect.any(Number), unpainted: 0 });
    expect((await namesOnScreen(page)).onScreen).toBeGreaterThan(5);
    await page.close();
  });

  it('the keyboard command on a page read in part reads the rest, then steps to a name and opens its card', async () => {
    const page = await hugeReadInPart();
    const tabId = await gloss.tabIdOf(page);
    await gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: {} }, { frameId: 0 }), tabId);
    await expect.poll(() => cardText(page), { timeout: 30_000 }).toMatch(/\S/);
    expect((await passes(page)).mentions).toBe(20_000);
    await page.close();
  });

  it('the keyboard command on a page read in part still opens a card when a new pass supersedes the read it asked for', async () => {
    const page = await hugeReadInPart();
    const tabId = await gloss.tabIdOf(page);
    try {
      // The command, and at once a change of the reader's packs (none here): the tab starts its pass over
      // while it is still reading the rest for the command.
      await gloss.worker.evaluate(async ({ id, key }) => {
        void chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: {} }, { frameId: 0 });
        await chrome.storage.local.set({ [key]: null });
      }, { id: tabId, key: LOCAL_KEYS.packIndex });
      await expect.poll(() => cardText(page), { timeout: 30_000 }).toMatch(/\S/);
    } finally {
      await gloss.worker.evaluate((key) => chrome.storage.local.remove(key), LOCAL_KEYS.packIndex);
      await page.close();
    }
  });

  it('a 100k-node page hidden (aria-hidden) until its dialog is closed is then read as a page is: viewport first, in part, and painted where the reader is', async () => {
    const page = await gloss.newPage('/hostile/huge-hidden.html');
    try {
      await waitForAnnotation(page);
      expect((await passes(page)).mentions).toBe(0);
      await page.click('#close');
      await expect.poll(async () => (await passes(page)).mentions, { timeout: 30_000 }).toBeGreaterThanOrEqual(1000);
      await page.waitForTimeout(500);
      // Read in part, as when the page loads shown: not its 20,000 paragraphs in one go (a task of over a second).
      expect((await passes(page)).mentions).toBeLessThan(1100);
      expect(await page.evaluate(() => performance.getEntriesByName('gloss:annotate-viewport').length)).toBe(1);
      expect(await namesOnScreen(page)).toEqual({ onScreen: expect.any(Number), unpainted: 0 });
      expect((await namesOnScreen(page)).onScreen).toBeGreaterThan(5);
    } finally {
      await page.close();
    }
  });

  it('paragraphs added to a 100k-node page, in bursts while its relink runs, are all linked', async () => {
    const page = await hugeReadInPart();
    // Read whole first (the reader at its end): a paragraph added past the part read is read only when the reader gets there.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await passes(page)).mentions, { timeout: 30_000 }).toBe(20_000);
    // Three bursts, 30 ms apart: the later ones land while the first update is still relinking in slices.
    for (let burst = 0; burst < 3; burst++) {
      await page.evaluate((n) => {
        const p = document.createElement('p');
        p.textContent = `Late paragraph ${n}: Defense Secretary Mark Esper spoke.`;
        document.getElementById('root')!.append(p);
      }, burst);
      await page.waitForTimeout(30);
    }
    await expect.poll(async () => (await passes(page)).mentions, { timeout: 30_000 }).toBe(20_003);
    await page.close();
  });

  it('turning the site off while a 100k-node page is still being annotated leaves nothing painted', async () => {
    const page = await gloss.newPage('/hostile/huge.html');
    await page.waitForFunction(() => performance.getEntriesByName('gloss:annotate-viewport').length > 0, null, { timeout: 30_000 });
    // Straight to storage, as the popup's switch writes it: the rest of the page is still in slices.
    await gloss.worker.evaluate(() => chrome.storage.sync.set({ 'sites:0': ['127.0.0.1'] }));
    try {
      await page.waitForTimeout(3000);
      const painted = await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-')).length);
      expect(painted).toBe(0);
    } finally {
      await gloss.worker.evaluate(() => chrome.storage.sync.set({ 'sites:0': [] }));
      await page.close();
    }
  });

  it('100 pushState route changes end with the last route annotated and reported', async () => {
    const page = await gloss.newPage('/hostile/pushstate.html');
    await waitForAnnotation(page);
    await page.waitForFunction(() => (window as unknown as { routes: number }).routes >= 100, null, { timeout: 30_000 });
    await expect.poll(async () => Object.values(await paintedText(page)).flat()).toEqual(['Mark Esper']);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:mark-esper"]');
    expect(await popup.locator('[data-entity-id]').count()).toBe(1);
    await popup.close();
    await page.close();
  });
});

describe('the strictest page CSP', () => {
  let strict: Gloss;
  beforeAll(async () => {
    strict = await launchGloss({ headers: { 'content-security-policy': "default-src 'none'; style-src 'none'; connect-src 'none'; script-src 'none'; frame-src 'self'" } });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it('does not stop Gloss from painting names and opening styled cards', async () => {
    const page = await strict.newPage('/seed-article.html');
    await waitForAnnotation(page);
    expect((await paintedText(page))['gloss-person']).toContain('Christopher Krebs');
    await restOn(page, await pointOf(page, 'article p:nth-of-type(2)', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    // Styled, not a bare box: the card's own sheet is not the page's to block.
    const card = await page.evaluate(() => {
      const el = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!;
      const style = getComputedStyle(el);
      return { position: style.position, padding: style.paddingTop, radius: style.borderTopLeftRadius };
    });
    expect(card).toEqual({ position: 'fixed', padding: '12px', radius: '10px' });
    await page.close();
  });

  it('does not stop a subframe with text from loading its script and being painted', async () => {
    const page = await strict.newPage('/iframe.html');
    const story = () => page.frames().find((f) => f.url().endsWith('/seed-article.html'));
    await expect.poll(() => story()?.url()).toMatch(/seed-article/);
    const frame = story()!;
    await frame.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0);
    expect(await frame.evaluate(() => [...(CSS.highlights.get('gloss-person') ?? [])].map((r) => r.toString()))).toContain('Christopher Krebs');
    await page.close();
  });
});

describe('odd documents', () => {
  it('nested shadow roots and nested srcdoc frames cause no errors; the light DOM is annotated', async () => {
    const page = await gloss.newPage('/hostile/shadows.html');
    await waitForAnnotation(page);
    expect((await paintedText(page))['gloss-person']).toEqual(['Christopher Krebs']);
    await page.close();
  });

  it.each(['/hostile/document.xml', '/hostile/plain.txt'])('%s loads without errors from Gloss', async (path) => {
    const page = await gloss.newPage(path);
    await page.waitForTimeout(1500);
    expect(pageErrors.filter((e) => e.includes(path))).toEqual([]);
    await page.close();
  });

  it('no page error was caused anywhere in this suite, and nothing left the machine', () => {
    expect(pageErrors.filter((e) => !/is mine|no ranges|no shadows|no highlights/.test(e))).toEqual([]);
    expect(gloss.externalRequests).toEqual([]);
  });
});
