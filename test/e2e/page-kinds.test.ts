/** Where Gloss annotates and where it must not: editors, code, hidden text, live and framed pages. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_FILE_LEFT_ALONE_CHARS } from '../../content-scripts/plain-text';
import { cardText, shownCardText, launchGloss, paintedText, pointOf, restOn, waitForAnnotation, ROOT, type Gloss } from './support/browser';
import { shadowTextPoint } from '../support/shadow-text';

const SEED_TEXT = readFileSync(join(ROOT, 'test/fixtures/seed-article.txt'), 'utf8');

let gloss: Gloss;
beforeAll(async () => {
  // Text files written for the test: one hard-wrapped, one too long to read.
  const generated = mkdtempSync(join(tmpdir(), 'gloss-text-files-'));
  writeFileSync(join(generated, 'wrapped.txt'), 'Trump fired Defense Secretary Mark\nEsper on November 9.\n\nChristopher Krebs ran the Cybersecurity and\nInfrastructure Security Agency.\n');
  writeFileSync(join(generated, 'long.txt'), `${SEED_TEXT}\n\n`.repeat(Math.ceil(TEXT_FILE_LEFT_ALONE_CHARS / SEED_TEXT.length) + 1));
  gloss = await launchGloss({ mounts: { '/generated/': generated } });
});
afterAll(async () => {
  await gloss?.close();
});

/** Every painted range's text with the id of its nearest element that has one. */
function paintedWhere(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('gloss-') || name === 'gloss-current') continue;
      for (const r of h) {
        let el: Element | null = r.startContainer.parentElement;
        while (el && !el.id) el = el.parentElement;
        out.push(`${el?.id ?? '?'}:${r.toString()}`);
      }
    }
    return out.sort();
  });
}

/** `paintedWhere` on a fixture page opened for it, once annotated, and closed. */
async function paintedOn(path: string): Promise<string[]> {
  const page = await gloss.newPage(path);
  await waitForAnnotation(page);
  try {
    return await paintedWhere(page);
  } finally {
    await page.close();
  }
}

describe('regions Gloss leaves alone', () => {
  it('annotates prose and a story’s footer, but not menus, the page’s footer, editors, form fields, code, pre, translate=no, aria-hidden, hidden or SVG text', async () => {
    expect(await paintedOn('/editable.html')).toEqual(['prose:CISA', 'prose:Christopher Krebs', 'storyfooter:Mark Esper']);
    // A site that wraps its whole page, main content and all, in a menu is still read.
    expect(await paintedOn('/wrapped-in-nav.html')).toEqual(['story:CISA', 'story:Christopher Krebs']);
  });

  it('leaves out a site’s share and follow links wherever they are, but not the story’s own links to a post or to a network', async () => {
    const page = await gloss.newPage('/share-links.html');
    await waitForAnnotation(page);
    // Not "Facebook", "Share on Twitter", "LinkedIn" (share buttons), the site's Instagram and YouTube
    // profiles, nor "Follow us on Facebook and Twitter"; the tweet the story cites, Instagram's home
    // page and "a YouTube video" are the story's.
    expect(await paintedWhere(page)).toEqual(['story:CISA', 'story:Christopher Krebs', 'story:Instagram', 'story:Twitter', 'story:YouTube']);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:christopher-krebs"]');
    const listed = await popup.locator('[data-entity-id]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-entity-id')} ${e.querySelector('.entity-count')?.textContent}`).sort());
    expect(listed).toEqual(['agency:cisa 1×', 'company:instagram 1×', 'company:twitter 1×', 'company:youtube 1×', 'person:christopher-krebs 1×']);
    await popup.close();
    await page.close();
  });
});

describe('a text file the browser shows as a page', () => {
  it('is read as prose: its names are painted, open their cards and are listed, and its text stays as the file has it', async () => {
    const page = await gloss.newPage('/seed-article.txt');
    await waitForAnnotation(page);
    const painted = await paintedText(page);
    expect(painted['gloss-person']).toEqual(expect.arrayContaining(['Christopher Krebs', 'Krebs', 'Mark Esper', 'Joe Biden']));
    expect(painted['gloss-agency']).toEqual(expect.arrayContaining(['Cybersecurity and Infrastructure Security Agency', 'CISA', 'Department of Homeland Security']));
    expect(painted['gloss-company']).toEqual(expect.arrayContaining(['Microsoft']));
    // The browser's one `pre`, holding the file's text in one node, as it was.
    expect(await page.evaluate(() => [document.body.children.length, document.body.firstElementChild!.localName, document.body.firstElementChild!.childNodes.length, document.body.textContent])).toEqual([1, 'pre', 1, SEED_TEXT]);

    await restOn(page, await pointOf(page, 'pre', 'Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Secretary of Defense');
    expect(await shownCardText(page)).toContain('Mark Esper');
    await page.keyboard.press('Escape');

    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:christopher-krebs"]');
    const listed = await popup.locator('[data-entity-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity-id')));
    expect(listed).toEqual(expect.arrayContaining(['agency:cisa', 'person:mark-esper', 'company:microsoft', 'agency:dhs']));
    await popup.close();
    await page.close();
  });

  it('reads a name wrapped onto the next line as one; leaves a file too long to read alone', async () => {
    const page = await gloss.newPage('/generated/wrapped.txt');
    await waitForAnnotation(page);
    const painted = await paintedText(page);
    expect(painted['gloss-person']).toEqual(expect.arrayContaining(['Mark\nEsper', 'Christopher Krebs']));
    expect(painted['gloss-agency']).toEqual(['Cybersecurity and\nInfrastructure Security Agency']);
    await page.close();

    const long = await gloss.newPage('/generated/long.txt');
    await waitForAnnotation(long);
    expect(Object.values(await paintedText(long)).flat()).toEqual([]);
    await long.close();
  });
});

describe('a story on its outlet’s own site', () => {
  it('leaves the outlet’s own name unmarked and unlisted there (edition.cnn.com), and marks it on any other site', async () => {
    const page = await gloss.newPage('/outlet-story.html');
    await waitForAnnotation(page);
    expect(await paintedWhere(page)).toEqual(['credit:CNN', 'credit:The New York Times', 'dateline:CISA', 'dateline:CNN', 'dateline:CNN', 'dateline:Christopher Krebs']);
    await page.close();

    // The same story served as CNN's: the browser's URL of the page says whose it is, not the page.
    const url = 'https://edition.cnn.com/2020/11/29/politics/krebs-interview/index.html';
    await gloss.context.route('https://edition.cnn.com/**', (route) => route.fulfill({ path: new URL('../fixtures/outlet-story.html', import.meta.url).pathname, contentType: 'text/html' }));
    const own = await gloss.context.newPage();
    try {
      await own.goto(url);
      await waitForAnnotation(own);
      expect(await paintedWhere(own)).toEqual(['credit:The New York Times', 'dateline:CISA', 'dateline:Christopher Krebs']);
      const popup = await gloss.popup(own);
      await popup.waitForSelector('[data-entity-id="person:christopher-krebs"]');
      expect(await popup.locator('[data-entity-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity-id')).sort())).toEqual(['agency:cisa', 'org:new-york-times', 'person:christopher-krebs']);
      await popup.close();
    } finally {
      await own.close();
      await gloss.context.unroute('https://edition.cnn.com/**');
    }
  });
});

describe('text the page does not render', () => {
  it('is painted, but the popup lists, the card counts and the keyboard steps through only what the page shows (not text for screen readers only, a label at no size, a collapsed drawer); a menu opened later is listed when the popup opens again', async () => {
    const page = await gloss.newPage('/hidden-text.html');
    await waitForAnnotation(page);
    // Painted all the same, so text the page reveals is underlined at once.
    expect(await paintedWhere(page)).toEqual(
      expect.arrayContaining(['mobile:Krebs', 'mobile:Microsoft', 'kept:Reddit', 'more:Mark Esper', 'menu:Facebook', 'tools:Krebs', 'tools:LinkedIn', 'tools:WhatsApp', 'aside:Nancy Pelosi', 'aside:Reuters', 'drawer:Joe Biden', 'banner:Instagram']),
    );

    const listed = async (popup: Page) => {
      await popup.waitForSelector('[data-entity-id="person:christopher-krebs"]');
      return popup.locator('[data-entity-id]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-entity-id')} ${e.querySelector('.entity-count')?.textContent}`).sort());
    };
    let popup = await gloss.popup(page);
    // Not the phone-only paragraph (display: none), the paragraph kept in place (visibility: hidden), a
    // closed <details>, the closed share menu, text for screen readers only (a share link's label,
    // clipped to 1 px), an icon's label at font-size 0, a phone-only phrase inside a paragraph shown, or
    // the collapsed drawer (0 px high, clipping); the fixed banner inside a wrapper that clips to nothing is on screen, and listed.
    expect(await listed(popup)).toEqual(['agency:cisa 2×', 'company:instagram 1×', 'person:christopher-krebs 3×']);
    await popup.close();

    await restOn(page, await pointOf(page, '#first', 'Christopher Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('3 mentions on this page');
    await page.keyboard.press('Escape');

    // "Next mention" (the card's button, the popup's "Show on page") goes only where the reader can look.
    const tabId = await gloss.tabIdOf(page);
    const stepped: string[] = [];
    for (let i = 0; i < 4; i++) {
      await gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: { entityId: 'person:christopher-krebs' } }, { frameId: 0 }), tabId);
      stepped.push(await page.evaluate(() => [...(CSS.highlights.get('gloss-current') ?? [])][0]?.startContainer.parentElement?.closest('[id]')?.id ?? '-'));
    }
    expect(stepped).toEqual(['head', 'first', 'last', 'head']);
    await page.keyboard.press('Escape');

    // The reader opens the share menu, the details and the drawer: the popup, opened again, lists what they show.
    await page.click('#share');
    await page.click('#more summary');
    await page.click('#open-drawer');
    popup = await gloss.popup(page);
    await expect.poll(() => listed(popup)).toEqual(expect.arrayContaining(['company:meta-platforms 1×', 'person:mark-esper 1×', 'person:joe-biden 1×']));
    expect((await listed(popup)).filter((e) => /linkedin|whatsapp|pelosi|reuters/.test(e))).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('a page hidden until its scripts are ready', () => {
  it('(visibility: hidden on its body until a class goes) has its names on the badge once it shows itself, with no change to its text and the popup not opened', async () => {
    const page = await gloss.newPage('/anti-flicker.html?after=3000');
    await waitForAnnotation(page);
    // Read and painted while hidden, but not on the page the reader sees yet: nothing on the badge.
    expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe('hidden');
    const tabId = await gloss.tabIdOf(page);
    const badge = () => gloss.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(await badge()).toBe('');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).visibility), { timeout: 10_000 }).toBe('visible');
    await expect.poll(badge, { timeout: 10_000 }).toBe('3');
    await page.close();
  });
});

describe('pages that put the card at a disadvantage', () => {
  const cardHit = (page: Page) =>
    page.evaluate(() => {
      // What the pointer would reach at the centre of the card's first button.
      const button = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('button')!.getBoundingClientRect();
      return document.elementFromPoint(button.left + button.width / 2, button.top + button.height / 2)?.getAttribute('data-gloss');
    });

  it('a modal dialog open: a name in it opens a card that can be used, and Esc closes the card, then the dialog', async () => {
    const page = await gloss.newPage('/modal-story.html');
    await waitForAnnotation(page);
    await restOn(page, await pointOf(page, '#inside', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    // Outside the dialog everything is inert: the card's host goes inside it, so the pointer reaches it.
    expect(await cardHit(page)).toBe('card');
    const pin = page.locator('[data-gloss] .toolbar button').first();
    await pin.click();
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).open)).toBe(false);
    await page.close();
  });

  it('a story shown in fullscreen: a name in it opens a card inside the fullscreen element, where the pointer reaches it', async () => {
    const page = await gloss.newPage('/fullscreen-story.html');
    await waitForAnnotation(page);
    await page.click('#go');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('stage');
    await restOn(page, await pointOf(page, '#inside', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    expect(await page.evaluate(() => document.querySelector('[data-gloss="card"]')!.parentElement!.id)).toBe('stage');
    expect(await cardHit(page)).toBe('card');
    await page.close();
  });

  it('text the reader cannot reach opens no card and is not stepped to: behind a modal dialog, and inside an inert element', async () => {
    const page = await gloss.newPage('/modal-story.html');
    await waitForAnnotation(page);
    const restAndWait = async (where: string, name: string) => {
      await restOn(page, await pointOf(page, where, name));
      await page.waitForTimeout(1200);
    };
    await restAndWait('#behind', 'Mark Esper');
    expect(await cardText(page)).toBeNull();
    // The keyboard's "next name" starts in the dialog, not at the first name behind it.
    const tabId = await gloss.tabIdOf(page);
    await gloss.worker.evaluate((id) => chrome.tabs.sendMessage(id, { gloss: 1, name: 'stepMention', req: { fromStart: true } }, { frameId: 0 }), tabId);
    await expect.poll(() => shownCardText(page)).toContain('Donald Trump');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).close());
    await restAndWait('#held', 'Chris Krebs');
    expect(await cardText(page)).toBeNull();
    // The same name, once the dialog is closed, opens its card.
    await restOn(page, await pointOf(page, '#behind', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    await page.close();
  });

  it('a right-to-left page: the English card keeps its own direction and language; a site\'s own data-gloss attribute and a custom element named like a card host change nothing', async () => {
    const page = await gloss.newPage('/rtl-story.html');
    await waitForAnnotation(page);
    expect(await paintedWhere(page)).toEqual(expect.arrayContaining(['own-attribute:CISA', 'own-attribute:Krebs', 'story:Christopher Krebs', 'story:Mark Esper']));
    await restOn(page, await pointOf(page, '#story', 'Mark Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    const card = await page.evaluate(() => {
      const el = document.querySelector('[data-gloss="card"]')!.shadowRoot!.querySelector('.card')!;
      return { direction: getComputedStyle(el).direction, english: el.matches(':lang(en)'), arabic: el.matches(':lang(ar)') };
    });
    expect(card).toEqual({ direction: 'ltr', english: true, arabic: false });
    await page.close();
  });
});

describe('names every country gives its own institution', () => {
  it('a story about South Korea leaves its Democratic Party and Supreme Court unlinked; an American story links them', async () => {
    const painted = (await paintedOn('/korea-story.html')).map((p) => p.replace(/^[^:]*:/, ''));
    expect(painted).toContain('Yoon Suk Yeol');
    expect(painted).toContain('Lee Jae-myung');
    expect(painted).not.toContain('Democratic Party');
    expect(painted).not.toContain('Supreme Court');
    // "Yahoo Japan" is the company's arm, not Japan.
    expect(painted.filter((p) => p === 'Yahoo')).toHaveLength(2);
    expect(painted).not.toContain('Japan');
    expect(await paintedOn('/us-court-story.html')).toEqual(['court:Democratic Party', 'court:Supreme Court']);
  });

  it('a country’s card says what and where the country is, its population, and names its leaders as names are written, not in the Factbook’s capitals; its date once', async () => {
    const page = await gloss.newPage('/korea-story.html');
    try {
      await waitForAnnotation(page);
      await restOn(page, await pointOf(page, 'article', 'North Korea'));
      await expect.poll(() => shownCardText(page)).toContain('State Affairs Commission President Kim Jong Un');
      expect(await cardText(page)).toContain('Supreme People\'s Assembly President Choe Ryong Hae');
      expect(await cardText(page)).not.toMatch(/KIM|CHOE/);
      expect(await cardText(page)).toContain('Dictatorship, single-party communist state, in Eastern Asia.');
      expect(await cardText(page)).toMatch(/Population\s*26\.\d million \(20\d\d est\.\)/);
      // Every fact is as of the record's own date: said once, at the foot, not after each fact.
      expect((await cardText(page))!.match(/as of [A-Z][a-z]{2} \d{1,2}, \d{4}/g)).toHaveLength(1);
    } finally {
      await page.close();
    }
  });
});

describe('a place name other names borrow', () => {
  it('"Washington" in a story about the government is the capital, and its card says so; "Washington Monument" is not, and "Washington Examiner" is the paper', async () => {
    const page = await gloss.newPage('/washington-story.html');
    try {
      await waitForAnnotation(page);
      const painted = (await paintedWhere(page)).filter((p) => p.includes('Washington'));
      expect(painted.filter((p) => p.startsWith('news:'))).toEqual(['news:Washington']);
      // The paper whole, never its first word alone.
      expect(painted.filter((p) => !p.startsWith('news:'))).toEqual(['tour:Washington Examiner']);
      await restOn(page, await pointOf(page, '#news', 'Washington'));
      await expect.poll(() => shownCardText(page)).toContain('Washington, D.C.');
      expect(await cardText(page)).toContain('federal government');
    } finally {
      await page.close();
    }
  });
});

describe('U.S. states and capital cities', () => {
  it('a state is painted and its card gives its capital, governor and senators; "Georgia" beside Atlanta is the state; Moscow is the capital, not the town in Idaho; teams, a film hero and "Little is known" are not painted, Little Rock is the city', async () => {
    const page = await gloss.newPage('/state-story.html');
    try {
      await waitForAnnotation(page);
      // Moscow the capital, not the town in Idaho; Gov. Brad Little, then "Little said", but not "Little is known"; Little Rock the city.
      expect(await paintedWhere(page)).toEqual([
        'georgia:Atlanta', 'georgia:Georgia', 'governors:Brad Little', 'governors:Idaho', 'governors:Little', 'governors:Little Rock', 'ohio:California', 'ohio:Ohio',
        'world:Idaho', 'world:Moscow',
      ]);
      await restOn(page, await pointOf(page, '#governors', 'Little Rock'));
      await expect.poll(() => shownCardText(page)).toContain('The capital and most populous city of Arkansas');
      await page.keyboard.press('Escape');
      await restOn(page, await pointOf(page, '#governors', 'Little', 2));
      await expect.poll(() => shownCardText(page)).toContain('Republican governor of Idaho');
      await page.keyboard.press('Escape');
      await restOn(page, await pointOf(page, '#world', 'Moscow'));
      await expect.poll(() => shownCardText(page)).toContain('Capital of Russia');
      await page.keyboard.press('Escape');
      await restOn(page, await pointOf(page, '#ohio', 'Ohio'));
      await expect.poll(() => shownCardText(page)).toContain('its capital is Columbus');
      expect(await cardText(page)).toMatch(/U\.S\. senators.*\(R\)/);
      expect(await cardText(page)).toMatch(/Governor.*Mike DeWine \(R\)/);
      expect(await cardText(page)).toContain('1 mention on this page');
      await page.keyboard.press('Escape');
      await restOn(page, await pointOf(page, '#georgia', 'Georgia'));
      await expect.poll(() => shownCardText(page)).toContain('its capital is Atlanta');
    } finally {
      await page.close();
    }
  });
});

describe('a sports story', () => {
  it('a team the story calls by its place ("Minnesota held on") is the team it names, whose card is the team\'s; the places it names as places are the places; a team it does not name is not painted', async () => {
    const page = await gloss.newPage('/sports-story.html');
    try {
      await waitForAnnotation(page);
      // "Wild" and "Sabres" by the story's hockey words; "Minnesota" and "Buffalo" in the game's lines are
      // those teams; the dateline, "in Buffalo" and "a Minnesota native" the places; Detroit no one.
      expect(await paintedWhere(page)).toEqual([
        'city:Buffalo', 'city:Minnesota', 'dateline:BUFFALO', 'dateline:N.Y.', 'game:Buffalo', 'game:Minnesota', 'game:Sabres', 'headline:Sabres', 'headline:Wild',
      ]);
      await restOn(page, await pointOf(page, '#game', 'Minnesota'));
      await expect.poll(() => shownCardText(page)).toContain('NHL team based in Saint Paul, Minnesota');
      expect(await cardText(page)).toContain('Minnesota Wild');
      expect(await cardText(page)).toContain('Sports team');
      await page.keyboard.press('Escape');
      await restOn(page, await pointOf(page, '#city', 'Buffalo'));
      await expect.poll(() => shownCardText(page)).toContain('second-largest city, on Lake Erie');
    } finally {
      await page.close();
    }
  });
});

describe('live pages', () => {
  it('annotates content appended 2 s after load, and re-annotates an SPA route change', async () => {
    const page = await gloss.newPage('/live.html');
    await waitForAnnotation(page);
    expect(await paintedWhere(page)).toEqual(['first:CISA', 'first:Christopher Krebs']);
    await expect.poll(() => paintedWhere(page), { timeout: 6000 }).toEqual(['first:CISA', 'first:Christopher Krebs', 'late:Mark Esper', 'late:the Pentagon']);
    // The appended paragraph was read on its own: no rescan of the page.
    const last = await page.evaluate(() => {
      const all = performance.getEntriesByName('gloss:annotate') as PerformanceMeasure[];
      return all[all.length - 1]!.detail as { reread: number; blocks: number };
    });
    expect(last.reread).toBe(1);
    expect(last.blocks).toBeGreaterThan(last.reread);
    // Removed text drops its highlights.
    await page.evaluate(() => (window as unknown as { removeLate: () => void }).removeLate());
    await expect.poll(() => paintedWhere(page)).toEqual(['first:CISA', 'first:Christopher Krebs']);
    await page.click('#go');
    await expect.poll(() => paintedWhere(page)).toEqual(['route2:Joe Biden', 'route2:Microsoft']);
    // The popup follows the new route: the worker keeps only what the page shows now.
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:joe-biden"]');
    expect(await popup.locator('[data-entity-id="person:christopher-krebs"]').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('live pages: a story shown by an attribute', () => {
  it('reads a story once the page stops hiding it (a consent dialog’s aria-hidden on the app, a “read more” section’s hidden), and drops its names when it hides it again', async () => {
    const page = await gloss.newPage('/revealed-story.html');
    try {
      await waitForAnnotation(page);
      const names = async () => Object.values(await paintedText(page)).flat().sort();
      // Hidden from screen readers while the dialog is open: not read (as any aria-hidden text).
      expect(await names()).toEqual([]);
      await page.click('#accept');
      await expect.poll(names).toEqual(['CISA', 'Christopher Krebs', 'Trump', 'Trump']);
      await page.click('#read-more');
      await expect.poll(names).toEqual(['CISA', 'Christopher Krebs', 'Mark Esper', 'Trump', 'Trump']);
      await restOn(page, await pointOf(page, '#rest', 'Esper'));
      await expect.poll(() => shownCardText(page)).toContain('Secretary of Defense');
      await page.keyboard.press('Escape');
      // A dialog opens again over the story.
      await page.evaluate(() => document.getElementById('app')!.setAttribute('aria-hidden', 'true'));
      await expect.poll(names).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('live pages: changes while the first pass runs', () => {
  it('reads them around themselves when the pass ends, not in a second pass over the whole page', async () => {
    const page = await gloss.newPage('/busy-load.html');
    await page.waitForSelector('body[data-settled]', { timeout: 10_000 });
    await expect.poll(() => paintedWhere(page)).toEqual(['first:CISA', 'first:Christopher Krebs', 'late:Joe Biden', 'late:Microsoft', 'second:Mark Esper', 'second:the Pentagon']);
    const passes = await page.evaluate(() =>
      (performance.getEntriesByName('gloss:annotate') as PerformanceMeasure[]).map((m) => m.detail as { reread: number; blocks: number }),
    );
    // The clock changed every 10 ms during the first pass: the passes after it re-read the clock (and
    // the new paragraph), not every block again.
    expect(passes.length).toBeGreaterThan(1);
    expect(passes.filter((p) => p.reread === p.blocks)).toHaveLength(1);
    expect(passes[0]!.reread).toBe(passes[0]!.blocks);
    await page.close();
  });
});

describe('live pages: text edited inside a paragraph', () => {
  it('repaints a paragraph whose text changes in place, and the new name opens its card', async () => {
    const page = await gloss.newPage('/live.html');
    await waitForAnnotation(page);
    // The page appends a paragraph 2 s after load.
    await expect.poll(() => paintedWhere(page), { timeout: 6000 }).toEqual(['first:CISA', 'first:Christopher Krebs', 'late:Mark Esper', 'late:the Pentagon']);
    // #first has no block or skipped element inside: Gloss read it whole, without its text nodes.
    // Now its text node changes, and an inline element is added to it.
    await page.evaluate(() => {
      const p = document.getElementById('first')!;
      (p.firstChild as Text).data = 'Nancy Pelosi met ';
      const b = document.createElement('b');
      b.textContent = 'Mark Esper';
      p.append(b);
    });
    await expect.poll(() => paintedWhere(page), { timeout: 6000 }).toEqual(['first:Mark Esper', 'first:Nancy Pelosi', 'late:Mark Esper', 'late:the Pentagon']);
    await restOn(page, await pointOf(page, '#first b', 'Esper'));
    await expect.poll(() => shownCardText(page)).toContain('Mark Esper');
    // A paragraph added inside it: the text around is two blocks now, each painted where it is.
    await page.evaluate(() => {
      const inner = document.createElement('p');
      inner.id = 'inner';
      inner.textContent = 'CISA answered.';
      document.getElementById('first')!.prepend(inner);
    });
    await expect.poll(() => paintedWhere(page), { timeout: 6000 }).toEqual(['first:Mark Esper', 'first:Nancy Pelosi', 'inner:CISA', 'late:Mark Esper', 'late:the Pentagon']);
    // The pointer finds the names of the latest pass, not those it found its way to before.
    await restOn(page, await pointOf(page, '#inner', 'CISA'));
    await expect.poll(() => shownCardText(page)).toContain('Cybersecurity and Infrastructure Security Agency');
    await page.close();
  });

  it('an edit that changes no name leaves the highlights as they are (no repaint), and highlights the page deletes come back at the next pass', async () => {
    const page = await gloss.newPage('/live.html');
    await expect.poll(() => paintedWhere(page), { timeout: 6000 }).toEqual(['first:CISA', 'first:Christopher Krebs', 'late:Mark Esper', 'late:the Pentagon']);
    const passes = () => page.evaluate(() => performance.getEntriesByName('gloss:annotate').length);
    // Any change to a highlight makes the browser repaint the whole page: a pass that finds the same
    // names must leave the page's highlight objects alone.
    await page.evaluate(() => {
      (window as unknown as { held: unknown[] }).held = ['gloss-person', 'gloss-agency', 'gloss-place'].map((n) => CSS.highlights.get(n));
    });
    const sameHighlights = () =>
      page.evaluate(() => ['gloss-person', 'gloss-agency', 'gloss-place'].every((n, i) => CSS.highlights.get(n) === (window as unknown as { held: unknown[] }).held[i]));
    let before = await passes();
    await page.evaluate(() => {
      const note = document.createElement('p');
      note.textContent = 'Updated at noon.';
      document.getElementById('story')!.append(note);
    });
    await expect.poll(passes, { timeout: 6000 }).toBeGreaterThan(before);
    expect(await sameHighlights()).toBe(true);
    expect(await paintedWhere(page)).toEqual(['first:CISA', 'first:Christopher Krebs', 'late:Mark Esper', 'late:the Pentagon']);

    // The page shares the highlight registry: what it deletes or empties is registered again.
    before = await passes();
    await page.evaluate(() => {
      CSS.highlights.delete('gloss-person');
      CSS.highlights.get('gloss-agency')!.clear();
      const note = document.createElement('p');
      note.textContent = 'Updated at one.';
      document.getElementById('story')!.append(note);
    });
    await expect.poll(passes, { timeout: 6000 }).toBeGreaterThan(before);
    expect(await paintedWhere(page)).toEqual(['first:CISA', 'first:Christopher Krebs', 'late:Mark Esper', 'late:the Pentagon']);
    await page.close();
  });

  it('highlights cleared by someone else (the page, another extension) come back as the pointer moves or the page scrolls, with no change to the text', async () => {
    const page = await gloss.newPage('/live.html');
    const expected = ['first:CISA', 'first:Christopher Krebs', 'late:Mark Esper', 'late:the Pentagon'];
    await expect.poll(() => paintedWhere(page), { timeout: 6000 }).toEqual(expected);
    const passes = await page.evaluate(() => performance.getEntriesByName('gloss:annotate').length);
    // A site's own search clearing its highlights the short way, and a script emptying one of Gloss's.
    await page.evaluate(() => {
      const person = CSS.highlights.get('gloss-person')!;
      CSS.highlights.clear();
      person.clear();
    });
    expect(await paintedWhere(page)).toEqual([]);
    await page.mouse.move(5, 5);
    await page.mouse.move(200, 120, { steps: 4 });
    await expect.poll(() => paintedWhere(page), { timeout: 3000 }).toEqual(expected);
    // Registered again, not read again.
    expect(await page.evaluate(() => performance.getEntriesByName('gloss:annotate').length)).toBe(passes);
    // And for a reader who scrolls with the keyboard. The page grows first, and settles: after a layout
    // change Chromium moves a resting pointer anew, which would restore the highlights before the check.
    await page.evaluate(() => {
      document.body.style.paddingBottom = '3000px';
    });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForTimeout(200);
    await page.evaluate(() => CSS.highlights.clear());
    expect(await paintedWhere(page)).toEqual([]);
    await page.keyboard.press('End');
    await expect.poll(() => paintedWhere(page), { timeout: 3000 }).toEqual(expected);
    await page.close();
  });
});

describe('web components', () => {
  /** Centre of `text` inside the element `id` of the story's shadow root. */
  const pointInStory = (page: Page, id: string, text: string) => page.evaluate(shadowTextPoint, { host: 'story', id, text });

  it('annotates open shadow roots (nested too), not closed ones; cards open there, the popup lists them, and changes inside are read', async () => {
    const page = await gloss.newPage('/shadow-story.html');
    await waitForAnnotation(page);
    const painted = async () => Object.values(await paintedText(page)).flat().sort();
    expect(await painted()).toEqual(['CISA', 'Christopher Krebs', 'Elon Musk', 'Joe Biden', 'Microsoft']);
    await restOn(page, await pointInStory(page, 'first', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:christopher-krebs"]');
    expect(await popup.locator('[data-entity-id="company:microsoft"]').count()).toBe(1);
    expect(await popup.locator('[data-entity-id="person:nancy-pelosi"]').count()).toBe(0);
    await popup.close();
    await page.evaluate(() => (window as unknown as { addLate: () => void }).addLate());
    await expect.poll(painted).toEqual(['CISA', 'Christopher Krebs', 'Elon Musk', 'Joe Biden', 'Mark Esper', 'Microsoft', 'the Pentagon']);
    await page.close();
  });

  it('reads a shadow root attached when a component is defined after the page was read, though no mutation says so', async () => {
    const page = await gloss.newPage('/late-components.html');
    await waitForAnnotation(page);
    const painted = async () => Object.values(await paintedText(page)).flat().sort();
    expect(await painted()).toEqual(['Joe Biden']);
    await page.evaluate(() => (window as unknown as { defineLate: () => void }).defineLate());
    // Looked for 0.25, 1, 3 and 10 s after Gloss starts.
    await expect.poll(painted, { timeout: 12_000 }).toEqual(['Joe Biden', 'Kamala Harris']);
    // Read around the host alone, not the whole page again.
    const last = await page.evaluate(() => {
      const all = performance.getEntriesByName('gloss:annotate') as PerformanceMeasure[];
      return { passes: performance.getEntriesByName('gloss:annotate-start').length, reread: (all[all.length - 1]!.detail as { reread: number }).reread };
    });
    expect(last).toEqual({ passes: 2, reread: 1 });
    // Its card opens there: hit-testing looks into the new root.
    await restOn(page, await page.evaluate(shadowTextPoint, { host: 'quote', id: 'said', text: 'Kamala Harris' }));
    await expect.poll(() => shownCardText(page)).toContain('Kamala Harris');
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:kamala-harris"]');
    await popup.close();
    await page.close();
  });
});

describe('words the page shows apart', () => {
  it('reads text laid out as boxes of its own (blocks, flex and grid items), and names beside a footnote mark, an image or ruby text, as separate words; a drop cap and a split name stay one', async () => {
    const page = await gloss.newPage('/block-spans.html');
    await waitForAnnotation(page);
    expect(await paintedWhere(page)).toEqual([
      'dropcap:Christopher Krebs',
      'footnote:Apple',
      'footnote:Tim Cook',
      'grid:Kamala Harris',
      'grid:Mark Esper',
      'image:Elon Musk',
      'image:Jeff Bezos',
      'row:Barack Obama',
      'row:Hillary Clinton',
      'ruby:Joe Biden',
      'split:Christopher Krebs',
      'teaser:Nancy Pelosi',
    ]);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:hillary-clinton"]');
    const listed = await popup.locator('[data-entity-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity-id')).sort());
    expect(listed).toEqual(expect.arrayContaining(['person:barack-obama', 'person:hillary-clinton', 'person:nancy-pelosi', 'person:tim-cook', 'person:jeff-bezos', 'person:elon-musk', 'person:mark-esper']));
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('frames', () => {
  it('annotates a same-origin iframe and opens cards inside it', async () => {
    const page = await gloss.newPage('/iframe.html');
    const frame = page.frames().find((f) => f.url().endsWith('/seed-article.html'))!;
    await frame.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0);
    const painted = await frame.evaluate(() => [...(CSS.highlights.get('gloss-person') ?? [])].map((r) => r.toString()));
    expect(painted).toContain('Christopher Krebs');
    expect(await paintedText(page)).toEqual({});
    await page.close();
  });

  it('a rich-text editor\'s frame (a document in design mode) is not annotated, as a contenteditable element is not; the same text in a frame beside it is', async () => {
    const page = await gloss.newPage('/design-mode.html');
    await waitForAnnotation(page);
    const frameByTitle = async (title: string) => (await (await page.$(`iframe[title="${title}"]`))!.contentFrame())!;
    const read = await frameByTitle('Read');
    const draft = await frameByTitle('Draft');
    const paintedIn = (frame: typeof read) => frame.evaluate(() => [...CSS.highlights].flatMap(([n, h]) => (n.startsWith('gloss-') ? [...h].map((r) => r.toString()) : [])));
    await expect.poll(() => paintedIn(read), { timeout: 15_000 }).toEqual(expect.arrayContaining(['Mark Esper', 'Christopher Krebs']));
    expect(await draft.evaluate(() => document.designMode)).toBe('on');
    // Typing in the editor makes no pass paint it either.
    await draft.click('p');
    await page.keyboard.type(' Joe Biden agreed.');
    await page.waitForTimeout(1500);
    expect(await paintedIn(draft)).toEqual([]);
    await page.close();
  });

  it('a frame whose text a script fills in after it has loaded (a live blog) is annotated once the text is there', async () => {
    const page = await gloss.newPage('/live-blog-frame.html');
    const frame = page.frames().find((f) => f.url().endsWith('/live-blog.html'))!;
    const painted = () => frame.evaluate(() => [...CSS.highlights].flatMap(([name, h]) => (name.startsWith('gloss-') ? [...h].map((r) => r.toString()) : [])).sort());
    await expect.poll(painted, { timeout: 15_000 }).toEqual(expect.arrayContaining(['Christopher Krebs', 'Cybersecurity and Infrastructure Security Agency', 'Mark Esper']));
    await page.close();
  });

  it('reads the frames a page writes itself: a srcdoc frame (sandboxed too), an about:blank frame written as the page loads, and one filled in later', async () => {
    const page = await gloss.newPage('/written-frames.html');
    const frameById = async (id: string) => (await (await page.$(`iframe#${id}`))!.contentFrame())!;
    const paintedIn = (frame: Frame) => frame.evaluate(() => [...CSS.highlights].flatMap(([n, h]) => (n.startsWith('gloss-') ? [...h].map((r) => r.toString()) : [])).sort());
    const [srcdoc, sandboxed, written, filled] = await Promise.all(['srcdoc', 'sandboxed', 'written', 'filled'].map(frameById));
    expect([srcdoc!.url(), sandboxed!.url(), written!.url()]).toEqual(['about:srcdoc', 'about:srcdoc', 'about:blank']);
    await expect.poll(() => paintedIn(srcdoc!), { timeout: 15_000 }).toEqual(expect.arrayContaining(['Christopher Krebs', 'Krebs']));
    // An opaque origin (`sandbox`): read by the origin that made it (`match_origin_as_fallback`).
    await expect.poll(() => paintedIn(sandboxed!), { timeout: 15_000 }).toEqual(expect.arrayContaining(['Christopher Krebs', 'Krebs']));
    await expect.poll(() => paintedIn(written!), { timeout: 15_000 }).toEqual(expect.arrayContaining(['Mark Esper', 'Pentagon']));
    await expect.poll(() => paintedIn(filled!), { timeout: 15_000 }).toEqual(expect.arrayContaining(['CISA', 'Microsoft']));
    // Listed in the popup with the page's own names, and each frame annotated once.
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:mark-esper"]');
    await popup.waitForSelector('[data-entity-id="person:christopher-krebs"]');
    for (const frame of [srcdoc!, sandboxed!, written!, filled!]) expect(await frame.evaluate(() => performance.getEntriesByName('gloss:annotate-start').length)).toBe(1);
    await Promise.all([popup.close(), page.close()]);
  });

  it('"this site" off turns Gloss off in the frames of another site inside the page too, and on again', async () => {
    const page = await gloss.newPage('/cross-site-frame.html');
    await waitForAnnotation(page);
    const frame = () => page.frames().find((f) => f.url().includes('//localhost:'))!;
    const painted = () => frame().evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-')).length);
    await expect.poll(() => frame()?.evaluate(() => performance.getEntriesByName('gloss:annotate').length), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await painted()).toBeGreaterThan(2);
    const popup = await gloss.popup(page);
    const siteSwitch = popup.locator('[data-testid="site-switch"] input');
    expect(await popup.locator('[data-testid="site-switch"]').textContent()).toContain('127.0.0.1');
    await siteSwitch.uncheck();
    await expect.poll(() => paintedText(page)).toEqual({});
    await expect.poll(painted).toBe(0);
    await expect.poll(() => popup.locator('[data-entity-id]').count()).toBe(0);
    await siteSwitch.check();
    await expect.poll(painted).toBeGreaterThan(2);
    await Promise.all([popup.close(), page.close()]);
  });

  it('each frame is annotated once, with no alias index in the tab (the worker matches), and an ad frame not at all', async () => {
    const page = await gloss.newPage('/iframe.html');
    const frame = page.frames().find((f) => f.url().endsWith('/seed-article.html'))!;
    await frame.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0);
    await page.waitForTimeout(1000);
    const runs = () => ({
      passes: performance.getEntriesByName('gloss:annotate-start').length,
      linked: performance.getEntriesByName('gloss:link').length,
      indexLoads: performance.getEntriesByName('gloss:index').length,
    });
    expect(await frame.evaluate(runs)).toEqual({ passes: 1, linked: 1, indexLoads: 0 });
    expect(await page.evaluate(runs)).toEqual({ passes: 1, linked: 1, indexLoads: 0 });
    // The worker read the bundled index from its own script (build.mjs), once for both frames.
    expect(await gloss.worker.evaluate(() => performance.getEntriesByName('gloss:index').length)).toBe(1);
    // An ad-sized frame never loads the script that annotates (the one every frame gets only looks).
    const ad = page.frames().find((f) => f.url().endsWith('/ad.html'))!;
    expect(await ad.evaluate(() => performance.getEntriesByName('gloss:script-start').length)).toBe(0);
    await page.close();
  });

  it('the keyboard’s “next name” and the popup’s “Show on page” go on into a frame: a story in an iframe is stepped through after the page around it', async () => {
    const page = await gloss.newPage('/frames-story.html');
    const frame = page.frames().find((f) => f.url().endsWith('/seed-article.html'))!;
    await waitForAnnotation(page);
    await frame.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0);
    const tabId = await gloss.tabIdOf(page);
    const current = (where: Page | Frame) => where.evaluate(() => [...(CSS.highlights.get('gloss-current') ?? [])].map((r) => r.toString()));
    const cardIn = (where: Page | Frame) => where.evaluate(() => document.querySelector('[data-gloss]')?.shadowRoot?.textContent ?? null);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:christopher-krebs"]');
    // What the `next-mention` command does in the worker, asked as the popup asks it (headless Chromium has no shortcuts to press).
    const next = () => popup.evaluate((id) => chrome.runtime.sendMessage({ gloss: 1, name: 'stepInTab', req: { tabId: id } }), tabId);
    const focused = (where: Page | Frame) => where.evaluate(() => document.querySelector('[data-gloss]')?.shadowRoot?.activeElement?.className ?? null);
    await page.bringToFront();
    expect(await next()).toEqual({ ok: true });
    expect(await current(page)).toEqual(['Mark Esper']);
    // The page's first card, opened before its code had loaded, still takes the keyboard's focus.
    await expect.poll(() => focused(page)).toBe('card');
    // The page around the frame names no one else: on into the frame, and the page's card closes.
    expect(await next()).toEqual({ ok: true });
    expect(await current(page)).toEqual([]);
    expect(await cardIn(page)).toBeNull();
    const first = await current(frame);
    expect(first).toHaveLength(1);
    await expect.poll(() => cardIn(frame)).toContain(first[0]!);
    await expect.poll(() => focused(frame)).toBe('card');
    expect(await next()).toEqual({ ok: true });
    expect(await current(frame)).not.toEqual(first);
    // Esc, pressed where the focus now is, closes the frame's card.
    await page.keyboard.press('Escape');
    await expect.poll(() => cardIn(frame)).toBeNull();

    // Christopher Krebs is named only inside the frame.
    await popup.locator('[data-entity-id="person:christopher-krebs"] button').first().click();
    await popup.locator('[data-entity-id="person:christopher-krebs"] button', { hasText: 'Show on page' }).click();
    await expect.poll(() => current(frame)).toEqual(['Christopher Krebs']);
    await expect.poll(() => cardIn(frame)).toContain('Christopher Krebs');
    await popup.close();
    await page.close();
  });

  it('with a modal dialog open over the page, “next name” stays in the dialog and does not go on into a frame behind it', async () => {
    const page = await gloss.newPage('/modal-frame-story.html');
    const frame = page.frames().find((f) => f.url().endsWith('/seed-article.html'))!;
    await waitForAnnotation(page);
    await frame.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0);
    await page.click('#open');
    const tabId = await gloss.tabIdOf(page);
    const current = (where: Page | Frame) => where.evaluate(() => [...(CSS.highlights.get('gloss-current') ?? [])].map((r) => r.toString()));
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id="person:christopher-krebs"]');
    const next = () => popup.evaluate((id) => chrome.runtime.sendMessage({ gloss: 1, name: 'stepInTab', req: { tabId: id } }), tabId);
    // The dialog's five names: Trump, Christopher Krebs, the agency, Krebs and CISA.
    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      expect(await next()).toEqual({ ok: true });
      expect(await current(frame), `step ${i + 1}`).toEqual([]);
      seen.push((await current(page)).join());
    }
    expect(new Set(seen)).toEqual(new Set(['Trump', 'Christopher Krebs', 'Cybersecurity and Infrastructure Security Agency', 'Krebs', 'CISA']));
    // Closed, the frame is in reach again: the steps go on into it after the page's own names.
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.getElementById('story') as HTMLDialogElement).close());
    let inFrame = false;
    for (let i = 0; i < 10 && !inFrame; i++) {
      await next();
      inFrame = (await current(frame)).length > 0;
    }
    expect(inFrame).toBe(true);
    await popup.close();
    await page.close();
  });

  it('the script subframes import, and the knowledge, are not at a URL a page can probe', async () => {
    const page = await gloss.newPage('/seed-article.html');
    await waitForAnnotation(page);
    for (const file of ['knowledge/index.pack', 'content-frame-main.js']) {
      const probe = await page.evaluate((url) => fetch(url).then((r) => `status ${r.status}`, () => 'refused'), `chrome-extension://${gloss.extensionId}/${file}`);
      expect(probe, file).toBe('refused');
    }
    await page.close();
  });
});

describe('names across elements', () => {
  it('links a name split across inline elements, and leaves a surname shared by two people unlinked', async () => {
    const page = await gloss.newPage('/split-names.html');
    await waitForAnnotation(page);
    const painted = await paintedText(page);
    expect(painted['gloss-person']).toEqual(expect.arrayContaining(['Christopher Krebs', 'Esper', 'Mark Esper']));
    await restOn(page, await pointOf(page, '#split a', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('Christopher Krebs');
    await page.keyboard.press('Escape');
    // "Scott" after both Tim Scott and Rick Scott is ambiguous: never painted.
    const scotts = await page.evaluate(() =>
      [...CSS.highlights].flatMap(([, h]) => [...h]).filter((r) => r.startContainer.parentElement?.id === 'scotts').map((r) => r.toString()),
    );
    expect(scotts).not.toContain('Scott');
    await page.close();
  });
});

describe('"Not this one?" in a single-page app', () => {
  it('a correction made on one route is that route\'s: the next story\'s name links as usual, and the first route has it again', async () => {
    const page = await gloss.newPage('/spa-routes.html');
    await waitForAnnotation(page);
    const route = (name: string) => page.evaluate((n) => (window as unknown as { route: (n: string) => void }).route(n), name);
    const cardForLater = async () => {
      await page.mouse.move(1, 1);
      await expect.poll(() => cardText(page)).toBeNull();
      await restOn(page, await pointOf(page, '#later', 'Krebs'));
      // The details, not the card that opens at once with "Loading…" (it failed so once).
      await expect.poll(() => shownCardText(page)).not.toBeNull();
      return (await shownCardText(page))!;
    };
    await restOn(page, await pointOf(page, '#later', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('same person as “Christopher Krebs”');
    await page.locator('[data-gloss] button', { hasText: 'Not this one?' }).click();
    await page.locator('[data-gloss] button', { hasText: 'It means Brian Krebs' }).click();
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await cardForLater()).toContain('KrebsOnSecurity');
    await page.keyboard.press('Escape');
    await route('b');
    await expect.poll(async () => (await paintedWhere(page)).join(), { timeout: 10_000 }).toContain('later:Krebs');
    await expect.poll(cardForLater, { timeout: 10_000 }).toContain('same person as “Christopher Krebs”');
    await page.keyboard.press('Escape');
    await route('a');
    await expect.poll(cardForLater, { timeout: 10_000 }).toContain('KrebsOnSecurity');
    await page.close();
  });
});

describe('"Not this one?"', () => {
  it('relinks a name on the page, is remembered after reload, and can unlink it', async () => {
    const page = await gloss.newPage('/corrections.html');
    await waitForAnnotation(page);
    await restOn(page, await pointOf(page, '#later', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('same person as “Christopher Krebs”');
    await page.locator('[data-gloss] button', { hasText: 'Not this one?' }).click();
    await page.locator('[data-gloss] button', { hasText: 'It means Brian Krebs' }).click();
    await expect.poll(() => cardText(page)).toBeNull();
    await restOn(page, await pointOf(page, '#more', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('KrebsOnSecurity');
    expect(await cardText(page)).toContain('You chose this for “Krebs” on this page');
    await page.keyboard.press('Escape');

    await page.reload();
    await waitForAnnotation(page);
    await restOn(page, await pointOf(page, '#later', 'Krebs'));
    await expect.poll(() => shownCardText(page)).toContain('KrebsOnSecurity');
    await page.locator('[data-gloss] button', { hasText: 'Not this one?' }).click();
    await page.locator('[data-gloss] button', { hasText: 'Don\'t explain “Krebs” on this page' }).click();
    await expect.poll(async () => (await paintedWhere(page)).filter((p) => p.startsWith('later') || p.startsWith('more'))).toEqual([]);
    expect(await paintedWhere(page)).toEqual(['intro:Christopher Krebs']);
    await page.close();
  });
});

describe('large pages', () => {
  it('paints the names on screen before the walk of a large page has ended, then the rest', async () => {
    // The second load: with Gloss's code warm the walk fits in one slice, which alone used to be
    // enough to make it go to the end before the viewport was painted.
    const first = await gloss.newPage('/long-article.html');
    await waitForAnnotation(first);
    await first.close();
    const page = await gloss.newPage('/long-article.html');
    await waitForAnnotation(page);
    const stages = await page.evaluate(() => {
      const end = (name: string) => {
        const m = performance.getEntriesByName(name)[0] as PerformanceMeasure | undefined;
        return m ? m.startTime + m.duration : -1;
      };
      return { viewport: end('gloss:annotate-viewport'), walk: end('gloss:collect'), page: end('gloss:annotate'), elements: document.getElementsByTagName('*').length };
    });
    expect(stages.elements).toBeGreaterThan(2000);
    // The walk stopped once past the viewport, the reader saw its names, and only then did it go on.
    expect(stages.viewport).toBeGreaterThan(0);
    expect(stages.viewport).toBeLessThan(stages.walk);
    expect(stages.walk).toBeLessThanOrEqual(stages.page);
    // Then the rest: all 800 paragraphs' names are linked (1,600: painted near the reader, a window at a time).
    const mentions = () => page.evaluate(() => ((performance.getEntriesByName('gloss:annotate').at(-1) as PerformanceMeasure).detail as { mentions: number }).mentions);
    await expect.poll(mentions).toBe(1600);
    await expect.poll(async () => (await paintedText(page))['gloss-person']?.length ?? 0).toBeGreaterThan(5);
    await page.close();
  });
});
