/**
 * The same Gloss in a real Firefox ESR (dist/firefox installed as a temporary add-on): the demo
 * story is painted and underlined, the card opens in the top layer, and the popup lists the story.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { countPixels, paintedBox, PERSON, TINT, type PixelCounts } from '../support/pixels';
import { cardPlacementFaults } from '../support/card-placement';
import { shadowTextPoint } from '../support/shadow-text';
import { cardText, launchFirefoxGloss, paintedText, pointOf, pollFor, restOn, ROOT, waitForAnnotation, waitForElement, type FirefoxGloss } from './support';

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

  it('underlines the names with the stylesheet the manifest injects, adopting none into the page', async () => {
    // Read from pixels: under "Christopher Krebs", dots in the person colour (#1f6feb).
    expect((await pixelsUnderKrebs(page)).underline).toBeGreaterThan(20);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  });

  it('the popup switches the names to a tinted background and back to the underline', async () => {
    // Firefox's sheets keep universal `::highlight()` rules (paint-highlights.ts, HighlightScope): the
    // sheet a style other than the default adopts must override the injected one here too.
    const popup = await gloss.popup(page);
    try {
      const select = '[data-testid="highlight-style"]';
      await pollFor(() => popup.evaluate((s) => document.querySelector(s) !== null, select), Boolean, 20_000, 'the popup’s style setting');
      await popup.select(select, 'background');
      await pollFor(() => pixelsUnderKrebs(page), (px) => px.tint > 200 && px.underline < 10, 10_000, 'the tint under Christopher Krebs');
      await popup.select(select, 'underline');
      await pollFor(() => pixelsUnderKrebs(page), (px) => px.underline > 20 && px.tint < 10, 10_000, 'the underline back under Christopher Krebs');
      expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    } finally {
      await popup.close();
    }
  });

  it('an edit that changes no name leaves the highlights as they are (no repaint)', async () => {
    const passes = () => page.evaluate(() => performance.getEntriesByName('gloss:annotate').length);
    await page.evaluate(() => {
      (window as unknown as { held: unknown }).held = CSS.highlights.get('gloss-person');
    });
    const before = await passes();
    await page.evaluate(() => {
      const note = document.createElement('p');
      note.textContent = 'Updated at noon.';
      document.body.append(note);
    });
    await pollFor(passes, (n) => n > before, 10_000, 'a pass over the edit');
    expect(await page.evaluate(() => CSS.highlights.get('gloss-person') === (window as unknown as { held: unknown }).held)).toBe(true);
    expect((await paintedText(page))['gloss-person']).toEqual(expect.arrayContaining(['Christopher Krebs', 'Krebs', 'Mark Esper']));
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

  it('a text file the browser shows as a page is read as prose: its names are painted and open their cards', async () => {
    const text = await gloss.newPage('/seed-article.txt');
    try {
      await waitForAnnotation(text);
      const painted = await paintedText(text);
      expect(painted['gloss-person']).toEqual(expect.arrayContaining(['Christopher Krebs', 'Mark Esper']));
      expect(painted['gloss-agency']).toEqual(expect.arrayContaining(['CISA']));
      await restOn(text, await pointOf(text, 'pre', 0, 'Esper'));
      await pollFor(() => cardText(text), (t) => t?.includes('Secretary of Defense') ?? false, 10_000, 'the card of Mark Esper');
    } finally {
      await text.close();
    }
  });

  it('a story hidden from screen readers while a consent dialog is open (aria-hidden on the app) is painted once the dialog is closed', async () => {
    const story = await gloss.newPage('/revealed-story.html');
    try {
      await waitForAnnotation(story);
      expect(Object.values(await paintedText(story)).flat()).toEqual([]);
      await story.click('#accept');
      await pollFor(() => paintedText(story), (p) => (p['gloss-person'] ?? []).includes('Christopher Krebs'), 10_000, 'the story painted once shown');
    } finally {
      await story.close();
    }
  });

  it('on a page with html { zoom: 1.5 } the card is its own size, beside a name at the right edge, with no backdrop', async () => {
    const zoomed = await gloss.newPage('/hostile/zoomed.html?on=html&zoom=1.5');
    await waitForAnnotation(zoomed);
    await restOn(zoomed, await pointOf(zoomed, '#edge', 0, 'Nancy Pelosi'));
    await pollFor(() => cardText(zoomed), (t) => t !== null && t.includes('Nancy Pelosi') && !t.includes('Loading'), 10_000, 'the card');
    const where = { selector: '#edge', name: 'Nancy Pelosi' };
    await pollFor(() => zoomed.evaluate(cardPlacementFaults, where), (faults) => faults.length === 0, 5000, 'the card beside the name');
    // Firefox gives the popover host a ::backdrop as Chromium does; the card's sheet turns it off.
    expect(await zoomed.evaluate(() => getComputedStyle(document.querySelector('[data-gloss="card"]')!, '::backdrop').display)).toBe('none');
    await zoomed.close();
  });

  it('a page whose named elements shadow the document\'s methods (DOM clobbering) is painted and its names open cards', async () => {
    const hostile = await gloss.newPage('/hostile/named-elements.html');
    expect(await hostile.evaluate(() => `${typeof document.getElementsByTagName} ${typeof document.createTreeWalker}`)).toBe('object object');
    await waitForAnnotation(hostile);
    const painted = await paintedText(hostile);
    expect(painted['gloss-person']).toEqual(expect.arrayContaining(['Christopher Krebs', 'Mark Esper']));
    await restOn(hostile, await pointOf(hostile, '#story', 0, 'Mark Esper'));
    const text = await pollFor(() => cardText(hostile), (t) => t !== null && t.includes('Mark Esper') && !t.includes('Loading'), 10_000, 'the card');
    expect(text).toContain('Secretary of Defense');
    await hostile.close();
  });

  it('a page that writes itself anew with document.open() (which erases every listener) has its new names painted, and they open cards', async () => {
    const rewritten = await gloss.newPage('/hostile/document-open.html');
    await waitForAnnotation(rewritten);
    await rewritten.evaluate(() => (window as unknown as { rewrite: () => void }).rewrite());
    await pollFor(() => paintedText(rewritten), (p) => (p['gloss-person'] ?? []).includes('Mark Esper'), 10_000, 'the new names painted');
    await restOn(rewritten, await pointOf(rewritten, '#story', 0, 'Mark Esper'));
    // The card shows the name at once, "Loading…" until its details come: wait for them.
    const text = await pollFor(() => cardText(rewritten), (t) => t !== null && t.includes('Mark Esper') && !t.includes('Loading'), 10_000, 'the card');
    expect(text).toContain('Secretary of Defense');
    await rewritten.close();
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

  it('a site’s share and follow links are not painted; the story’s links to a post or to a network are', async () => {
    const shared = await gloss.newPage('/share-links.html');
    try {
      await waitForAnnotation(shared);
      const painted = Object.values(await paintedText(shared)).flat().sort();
      expect(painted).toEqual(['CISA', 'Christopher Krebs', 'Instagram', 'Twitter', 'YouTube']);
    } finally {
      await shared.close();
    }
  });

  it('a story on its outlet’s own site leaves the outlet’s name unmarked there', async () => {
    const own = await gloss.browser.newPage();
    try {
      await own.setRequestInterception(true);
      const story = readFileSync(join(ROOT, 'test/fixtures/outlet-story.html'), 'utf8');
      own.on('request', (request) => void (request.url().startsWith('https://edition.cnn.com/') ? request.respond({ status: 200, contentType: 'text/html', body: story }) : request.continue()));
      await own.goto('https://edition.cnn.com/2020/11/29/politics/krebs-interview/index.html');
      await waitForAnnotation(own);
      expect(Object.values(await paintedText(own)).flat().sort()).toEqual(['CISA', 'Christopher Krebs', 'The New York Times']);
    } finally {
      await own.close();
    }
  });

  it('the popup lists only names the page shows, and its “Show on page” goes on into a frame', async () => {
    const hidden = await gloss.newPage('/hidden-text.html');
    const framed = await gloss.newPage('/frames-story.html');
    try {
      await waitForAnnotation(hidden);
      const listed = await gloss.popup(hidden);
      try {
        const ids = await pollFor(
          () => listed.evaluate(() => [...document.querySelectorAll('[data-entity-id]')].map((e) => e.getAttribute('data-entity-id')).sort()),
          (v) => v.includes('person:christopher-krebs'),
          20_000,
          'the popup’s list',
        );
        // Not the phone-only paragraph, the paragraph kept in place, the closed <details>, the closed share
        // menu, text for screen readers only, an icon's label at font-size 0 or the collapsed drawer; the
        // fixed banner the drawer-like wrapper does not clip is listed.
        expect(ids).toEqual(['agency:cisa', 'company:instagram', 'person:christopher-krebs']);
      } finally {
        await listed.close();
      }
      const frame = await pollFor(async () => framed.frames().find((f) => f.url().endsWith('/seed-article.html')), (f) => f !== undefined, 10_000, 'the iframe');
      await frame!.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0, { timeout: 20_000 });
      const popup = await gloss.popup(framed);
      try {
        const row = '[data-entity-id="person:christopher-krebs"]';
        await waitForElement(popup, row);
        await popup.click(`${row} .entity-toggle`);
        const show = await popup.waitForSelector(`${row} .entity-details button`, { timeout: 10_000 });
        await show!.click();
        const current = await pollFor(
          () => frame!.evaluate(() => [...(CSS.highlights.get('gloss-current') ?? [])].map((r) => r.toString())),
          (v) => v.length > 0,
          10_000,
          'the mention stepped to inside the frame',
        );
        expect(current).toEqual(['Christopher Krebs']);
      } finally {
        await popup.close();
      }
    } finally {
      await hidden.close();
      await framed.close();
    }
  });

  it('reads the frames a page writes itself: srcdoc (sandboxed too) and about:blank written or filled by script', async () => {
    const written = await gloss.newPage('/written-frames.html');
    try {
      const frameById = async (id: string) => (await (await written.$(`iframe#${id}`))!.contentFrame())!;
      const frames = await Promise.all(['srcdoc', 'sandboxed', 'written', 'filled'].map(frameById));
      const paintedIn = (i: number) => frames[i]!.evaluate(() => [...CSS.highlights].flatMap(([n, h]) => (n.startsWith('gloss-') ? [...h].map((r) => r.toString()) : [])));
      const has = (...names: string[]) => (painted: string[]) => names.every((n) => painted.includes(n));
      await pollFor(() => paintedIn(0), has('Christopher Krebs'), 20_000, 'the srcdoc frame painted');
      await pollFor(() => paintedIn(1), has('Christopher Krebs'), 20_000, 'the sandboxed srcdoc frame painted');
      await pollFor(() => paintedIn(2), has('Mark Esper'), 20_000, 'the written about:blank frame painted');
      await pollFor(() => paintedIn(3), has('CISA'), 20_000, 'the filled about:blank frame painted');
    } finally {
      await written.close();
    }
  });

  it('"this site" off turns Gloss off in the frame of another site inside the page too (the frame goes by the page it was loaded from), and on again', async () => {
    const embedding = await gloss.newPage('/cross-site-frame.html');
    try {
      const frame = await pollFor(async () => embedding.frames().find((f) => f.url().includes('//localhost:')), (f) => f !== undefined, 10_000, 'the other site’s frame');
      await frame!.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0, { timeout: 20_000 });
      const painted = () => frame!.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-')).length);
      expect(await painted()).toBeGreaterThan(2);
      const popup = await gloss.popup(embedding);
      try {
        const site = '[data-testid="site-switch"]';
        await waitForElement(popup, `${site} input`);
        expect(await popup.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', site)).toContain('127.0.0.1');
        await popup.click(`${site} input`);
        await pollFor(painted, (n) => n === 0, 10_000, 'the frame unpainted');
        await popup.click(`${site} input`);
        await pollFor(painted, (n) => n > 2, 10_000, 'the frame painted again');
      } finally {
        await popup.close();
      }
    } finally {
      await embedding.close();
    }
  });

  it('names in a web component’s open shadow roots (nested too) are underlined, tinted with the style, open their cards and are listed; the sheet drawing them leaves with Gloss', async () => {
    const story = await gloss.newPage('/shadow-story.html');
    try {
      await waitForAnnotation(story);
      const painted = async () => Object.values(await paintedText(story)).flat().sort();
      // Not the closed root's name (no extension can read it).
      expect(await painted()).toEqual(['CISA', 'Christopher Krebs', 'Elon Musk', 'Joe Biden', 'Microsoft']);
      // Drawn, not only registered: the document's sheets do not reach into a shadow tree in Firefox.
      expect((await pixelsUnderKrebs(story)).underline).toBeGreaterThan(20);
      const sheets = () =>
        story.evaluate(() => {
          const root = document.getElementById('story')!.shadowRoot!;
          return { story: root.adoptedStyleSheets.length, quote: root.querySelector('story-quote')!.shadowRoot!.adoptedStyleSheets.length, page: document.adoptedStyleSheets.length };
        });
      expect(await sheets()).toEqual({ story: 1, quote: 1, page: 0 });
      const popup = await gloss.popup(story);
      try {
        await waitForElement(popup, '[data-entity-id="company:microsoft"]');
        const select = '[data-testid="highlight-style"]';
        await waitForElement(popup, select);
        await popup.select(select, 'background');
        await pollFor(() => pixelsUnderKrebs(story), (px) => px.tint > 200 && px.underline < 10, 10_000, 'the tint under Christopher Krebs');
        await popup.select(select, 'underline');
        await pollFor(() => pixelsUnderKrebs(story), (px) => px.underline > 20 && px.tint < 10, 10_000, 'the underline back');
      } finally {
        await popup.close();
      }
      await restOn(story, await story.evaluate(shadowTextPoint, { host: 'story', id: 'first', text: 'Krebs' }));
      const text = await pollFor(() => cardText(story), (t) => t !== null && t.includes('Christopher Krebs') && !t.includes('Loading'), 10_000, 'the card');
      expect(text).toContain('Cybersecurity');
      await story.keyboard.press('Escape');
      // A component that sets its own sheets anew gets the sheet back as the pointer moves, and at the next pass.
      await story.evaluate(() => (document.getElementById('story')!.shadowRoot!.adoptedStyleSheets = []));
      expect((await sheets()).story).toBe(0);
      await story.mouse.move(20, 20);
      await story.mouse.move(40, 30);
      await pollFor(sheets, (n) => n.story === 1, 10_000, 'the sheet given back as the pointer moves');
      await story.evaluate(() => {
        document.getElementById('story')!.shadowRoot!.adoptedStyleSheets = [];
        (window as unknown as { addLate: () => void }).addLate();
      });
      await pollFor(painted, (p) => p.includes('Mark Esper'), 10_000, 'the name added in the root');
      await pollFor(sheets, (n) => n.story === 1, 10_000, 'the sheet given back at the pass');
      // Gloss off on the site: nothing of it stays in the components.
      const off = await gloss.popup(story);
      try {
        await waitForElement(off, '[data-testid="site-switch"] input');
        await off.click('[data-testid="site-switch"] input');
        await pollFor(painted, (p) => p.length === 0, 10_000, 'nothing painted');
        expect(await sheets()).toEqual({ story: 0, quote: 0, page: 0 });
        await off.click('[data-testid="site-switch"] input');
        await pollFor(painted, (p) => p.includes('Christopher Krebs'), 10_000, 'painted again');
      } finally {
        await off.close();
      }
    } finally {
      await story.close();
    }
  });

  it('a web component defined after the page was read has its shadow root read and given the sheet, and its card opens', async () => {
    const late = await gloss.newPage('/late-components.html');
    try {
      await waitForAnnotation(late);
      const painted = async () => Object.values(await paintedText(late)).flat().sort();
      expect(await painted()).toEqual(['Joe Biden']);
      await late.evaluate(() => (window as unknown as { defineLate: () => void }).defineLate());
      // Looked for 0.25, 1, 3 and 10 s after Gloss starts: no mutation says a root was attached.
      await pollFor(painted, (p) => p.includes('Kamala Harris'), 15_000, 'the late component’s name painted');
      expect(await late.evaluate(() => document.getElementById('quote')!.shadowRoot!.adoptedStyleSheets.length)).toBe(1);
      await restOn(late, await late.evaluate(shadowTextPoint, { host: 'quote', id: 'said', text: 'Kamala Harris' }));
      await pollFor(() => cardText(late), (t) => t !== null && t.includes('Kamala Harris') && !t.includes('Loading'), 10_000, 'the card');
    } finally {
      await late.close();
    }
  });

  it('a page with the strictest CSP still gets its names painted and a styled card, and so does its subframe', async () => {
    // A second server: the CSP header goes on every file it serves.
    const strict = await startStaticServer({ '/': join(ROOT, 'test/fixtures') }, 0, {
      'content-security-policy': "default-src 'none'; style-src 'none'; connect-src 'none'; script-src 'none'; frame-src 'self'",
    });
    const tab = await gloss.browser.newPage();
    try {
      await tab.goto(`${strict.origin}/seed-article.html`);
      await waitForAnnotation(tab);
      expect((await paintedText(tab))['gloss-person']).toContain('Christopher Krebs');
      await restOn(tab, await pointOf(tab, 'article p', 1, 'Christopher Krebs'));
      const text = await pollFor(() => cardText(tab), (t) => t !== null && t.includes('Christopher Krebs') && !t.includes('Loading'), 10_000, 'the card');
      expect(text).toContain('Christopher Krebs');
      const card = await tab.evaluate(() => {
        const style = getComputedStyle(document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!);
        return { position: style.position, padding: style.paddingTop, radius: style.borderTopLeftRadius };
      });
      expect(card).toEqual({ position: 'fixed', padding: '12px', radius: '10px' });
      // A subframe under the same policy still loads the script that annotates it.
      await tab.goto(`${strict.origin}/iframe.html`);
      const frame = await pollFor(async () => tab.frames().find((f) => f.url().endsWith('/seed-article.html')), (f) => f !== undefined, 10_000, 'the iframe');
      await frame!.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0, { timeout: 20_000 });
      expect(await frame!.evaluate(() => [...(CSS.highlights.get('gloss-person') ?? [])].map((r) => r.toString()))).toContain('Christopher Krebs');
    } finally {
      await tab.close();
      await strict.close();
    }
  });

  it('a subframe is annotated by the frames script; neither frame loads an alias index (the background script matches)', async () => {
    const tab = await gloss.newPage('/iframe.html');
    try {
      const frame = await pollFor(async () => tab.frames().find((f) => f.url().endsWith('/seed-article.html')), (f) => f !== undefined, 10_000, 'the iframe');
      await frame!.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0, { timeout: 20_000 });
      const painted = await frame!.evaluate(() => [...(CSS.highlights.get('gloss-person') ?? [])].map((r) => r.toString()));
      expect(painted).toContain('Christopher Krebs');
      expect(await frame!.evaluate(() => performance.getEntriesByName('gloss:annotate-start').length)).toBe(1);
      await tab.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0, { timeout: 20_000 });
      const loads = () => ({ linked: performance.getEntriesByName('gloss:link').length, indexLoads: performance.getEntriesByName('gloss:index').length });
      // Each frame asked the background script once and read no index itself.
      expect(await frame!.evaluate(loads)).toEqual({ linked: 1, indexLoads: 0 });
      expect(await tab.evaluate(loads)).toEqual({ linked: 1, indexLoads: 0 });
    } finally {
      await tab.close();
    }
  });

  it('a story of 421 names: only those near the reader are registered, and the names of a box a script scrolls to its end, and of the story\'s end, are painted once there', async () => {
    const tab = await gloss.newPage('/hostile/long-story.html');
    try {
      await waitForAnnotation(tab);
      const state = (selector: string) =>
        tab.evaluate((sel) => {
          let registered = 0;
          const painted = new Set<Node>();
          for (const [name, h] of CSS.highlights) {
            if (!name.startsWith('gloss-')) continue;
            registered += h.size;
            for (const r of h) painted.add(r.startContainer.parentNode!);
          }
          return { registered, lastPainted: painted.has([...document.querySelectorAll(sel)].at(-1)!) };
        }, selector);
      const first = await pollFor(() => state('#story b'), (s) => s.registered > 0, 10_000, 'names painted');
      expect(first.registered).toBeLessThan(421 / 2);
      expect(first.lastPainted).toBe(false);
      await tab.evaluate(() => {
        const feed = document.getElementById('feed')!;
        feed.scrollTop = feed.scrollHeight;
      });
      await pollFor(() => state('#feed b'), (s) => s.lastPainted, 10_000, 'the feed’s last name painted');
      await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await pollFor(() => state('#story b'), (s) => s.lastPainted, 10_000, 'the story’s last name painted');
    } finally {
      await tab.close();
    }
  });

  it('a page of 20,000 paragraphs is read in part, then read on as the reader scrolls to its end', async () => {
    const tab = await gloss.newPage('/hostile/huge.html');
    try {
      const mentions = () => tab.evaluate(() => {
        const last = performance.getEntriesByName('gloss:annotate').at(-1) as PerformanceMeasure | undefined;
        return last ? (last.detail as { mentions: number }).mentions : 0;
      });
      const first = await pollFor(mentions, (n) => n >= 1000, 30_000, 'the first pass');
      expect(first).toBeLessThan(1100);
      await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await pollFor(mentions, (n) => n === 20_000, 30_000, 'the whole page read');
      const lastPainted = () => tab.evaluate(() => {
        const last = [...document.querySelectorAll('b')].at(-1)!;
        return [...CSS.highlights.values()].some((h) => [...h].some((r) => last.contains(r.startContainer)));
      });
      expect(await pollFor(lastPainted, Boolean, 10_000, 'the last name painted')).toBe(true);
    } finally {
      await tab.close();
    }
  });
});

/** Pixels under the first painted "Christopher Krebs": the person colour (the underline) and its 18% tint over white. */
async function pixelsUnderKrebs(on: Page): Promise<PixelCounts> {
  const box = await on.evaluate(paintedBox, { highlight: 'gloss-person', name: 'Christopher Krebs' });
  const png = Buffer.from(await on.screenshot({ clip: box })).toString('base64');
  return on.evaluate(countPixels, { png, colour: PERSON, tinted: TINT });
}
