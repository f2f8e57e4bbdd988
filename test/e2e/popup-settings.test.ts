/** The popup and options page: entity list, live settings, badge, knowledge packs, worker restarts. */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrast } from '../support/contrast';
import { cardText, shownCardText, openDemoStory, paintedText, pointOf, restOn, ROOT, waitForAnnotation, type Gloss } from './support/browser';

let gloss: Gloss;
let page: Page;
beforeAll(async () => void ({ gloss, page } = await openDemoStory()));
afterAll(async () => {
  await gloss?.close();
});

const paintedCount = async (name: string) => ((await paintedText(page))[name] ?? []).length;

describe('popup', () => {
  it('lists the page’s entities grouped by category, with their mention counts, and expands details', async () => {
    const krebsMentions = (await paintedText(page))['gloss-person']!.filter((t) => /Krebs/.test(t)).length;
    const popup = await gloss.popup(page);
    const row = popup.locator('[data-entity-id="person:christopher-krebs"]');
    await expect.poll(() => row.textContent()).toContain(`${krebsMentions}×`);
    const groups = await popup.locator('.group h3').allTextContents();
    expect(groups).toEqual(expect.arrayContaining(['People', 'Government', 'Companies']));
    await row.locator('button').first().click();
    await expect.poll(() => row.textContent()).toContain('first director of the Cybersecurity');
    // The search box filters the list.
    await popup.fill('input[type="search"]', 'esper');
    await expect.poll(() => popup.locator('[data-entity-id]').count()).toBe(1);
    await popup.close();
  });

  it('the filter finds an entity by how the page writes it ("CISA" for the agency), and says how many match or that none does; the keyboard shortcut is shown', async () => {
    const popup = await gloss.popup(page);
    const rows = popup.locator('[data-entity-id]');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const all = await rows.count();
    // The story calls the agency "CISA" as often as by its name: its row says so, and the filter finds it so.
    const cisa = popup.locator('[data-entity-id="agency:cisa"]');
    expect(await cisa.locator('.entity-seen').textContent()).toBe('CISA');
    await popup.fill('input[type="search"]', 'cisa');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-entity-id')).toBe('agency:cisa');
    expect(await popup.getByRole('status').textContent()).toBe(`1 of ${all} names`);
    // Case and accents do not matter; a name not on the page is said to be absent.
    await popup.fill('input[type="search"]', 'KRÉBS');
    await expect.poll(() => popup.locator('[data-entity-id="person:christopher-krebs"]').count()).toBe(1);
    await popup.fill('input[type="search"]', 'Pentagonal');
    await expect.poll(() => rows.count()).toBe(0);
    expect(await popup.getByRole('status').textContent()).toBe('No names on this page match “Pentagonal”.');
    await popup.fill('input[type="search"]', '');
    await expect.poll(() => rows.count()).toBe(all);
    expect(await popup.getByRole('status').textContent()).toBe('');
    // A keyboard user is told the shortcut that steps through these names, as the browser has it set.
    expect(await popup.getByTestId('shortcut-hint').textContent()).toBe('Next name on the page: Alt+Shift+G');
    await popup.close();
  });

  it('a category switch removes that category’s highlights live, and restores them', async () => {
    const popup = await gloss.popup(page);
    const before = await paintedCount('gloss-agency');
    expect(before).toBeGreaterThan(0);
    await popup.locator('[data-testid="category-person"] input').uncheck();
    await expect.poll(() => paintedCount('gloss-person')).toBe(0);
    expect(await paintedCount('gloss-agency')).toBe(before);
    // The people are still listed, to read about, but said not to be marked, and not offered to be shown.
    const people = popup.locator('.group', { hasText: 'People' });
    await expect.poll(() => people.locator('h3').textContent()).toBe('People · not marked on the page (switched off)');
    await people.locator('[data-entity-id="person:christopher-krebs"] button').first().click();
    await expect.poll(() => people.locator('[data-entity-id="person:christopher-krebs"]').textContent()).toContain('first director');
    expect(await people.getByRole('button', { name: 'Show on page' }).count()).toBe(0);
    expect(await popup.locator('.group', { hasText: 'Government' }).locator('h3').textContent()).toBe('Government');
    await popup.locator('[data-testid="category-person"] input').check();
    await expect.poll(() => paintedCount('gloss-person')).toBeGreaterThan(5);
    await popup.close();
  });

  it('"Mark: first in each section" paints fewer mentions, live', async () => {
    const popup = await gloss.popup(page);
    const all = await paintedCount('gloss-person');
    await popup.locator('summary', { hasText: 'Settings' }).click();
    await popup.selectOption('[data-testid="density"]', 'first');
    await expect.poll(() => paintedCount('gloss-person')).toBeLessThan(all);
    await popup.selectOption('[data-testid="density"]', 'all');
    await expect.poll(() => paintedCount('gloss-person')).toBe(all);
    await popup.close();
  });

  it('with Gloss off everywhere, the site’s and categories’ switches are dimmed, readable and unavailable; the popup says so apart from one site off, and turns Gloss on', async () => {
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id]');
    const dependents = ['site-switch', 'category-person', 'category-agency', 'category-company', 'category-place', 'category-organization'].map((id) => popup.locator(`[data-testid="${id}"] input`));
    await popup.locator('[data-testid="everywhere-switch"] input').uncheck();
    await expect.poll(() => paintedCount('gloss-person')).toBe(0);
    await expect.poll(() => popup.locator('section').textContent()).toContain('Gloss is off everywhere.');
    expect(await popup.locator('section').textContent()).not.toContain('off on this page');
    for (const s of dependents) {
      expect(await s.isDisabled()).toBe(true);
      expect(await s.isChecked()).toBe(true);
    }
    // No "(0)" for a page Gloss has not read.
    expect(await popup.locator('fieldset').textContent()).not.toMatch(/\(\d+\)/);
    // Dimmed, not faded out: the labels keep 4.5:1 on the popup (axe leaves disabled controls' text unchecked).
    const colours = await popup.evaluate(() => ({ label: getComputedStyle(document.querySelector('[data-testid="site-switch"]')!).color, bg: getComputedStyle(document.body).backgroundColor }));
    expect(contrast(colours.label, colours.bg), `${colours.label} on ${colours.bg}`).toBeGreaterThanOrEqual(4.5);
    const axe = await new AxeBuilder({ page: popup }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await popup.getByRole('button', { name: 'Turn Gloss on' }).click();
    await expect.poll(() => paintedCount('gloss-person')).toBeGreaterThan(5);
    for (const s of dependents) expect(await s.isDisabled()).toBe(false);
    // The button is gone with the message; focus is on the switch it turned on.
    expect(await popup.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid'))).toBe('everywhere-switch');
    await expect.poll(() => popup.locator('[data-entity-id]').count()).toBeGreaterThan(5);
    expect(await popup.locator('section').textContent()).not.toContain('off everywhere');
    await popup.close();
  });

  it('the list of names is one Tab stop: Settings follows it at once, and Up/Down/Home/End move between names', async () => {
    const popup = await gloss.popup(page);
    const rows = popup.locator('[data-entity-id]');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-entity-id')));
    const focused = () => popup.evaluate(() => {
      const el = document.activeElement!;
      const row = el.closest('[data-entity-id]')?.getAttribute('data-entity-id');
      if (row) return el.closest('.entity-details') ? `${row}:details` : row;
      return `${el.tagName.toLowerCase()}:${el.textContent?.trim() || el.getAttribute('aria-label') || ''}`;
    });
    // Tab from the top of the popup to Settings: one stop in the list on the way.
    const order: string[] = [];
    for (let i = 0; i < 30 && order.at(-1) !== 'summary:Settings'; i++) {
      await popup.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order.at(-1)).toBe('summary:Settings');
    expect(order.filter((f) => ids.includes(f))).toEqual([ids[0]]);
    expect(order.length).toBe(10); // 7 switches, the filter, the list, Settings
    await popup.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(ids[0]);
    await popup.keyboard.press('ArrowDown');
    expect(await focused()).toBe(ids[1]);
    await popup.keyboard.press('End');
    expect(await focused()).toBe(ids.at(-1));
    await popup.keyboard.press('ArrowUp');
    expect(await focused()).toBe(ids.at(-2));
    await popup.keyboard.press('Home');
    expect(await focused()).toBe(ids[0]);
    await popup.keyboard.press('ArrowDown');
    // The list's Tab stop is the row last focused: back into the list from Settings lands there.
    await popup.locator('summary', { hasText: 'Settings' }).focus();
    await popup.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(ids[1]);
    // Enter opens the row as before; Tab then goes into its details, not to the next row.
    await popup.keyboard.press('Enter');
    await expect.poll(() => rows.nth(1).locator('.entity-toggle').getAttribute('aria-expanded')).toBe('true');
    await popup.waitForSelector('.entity-details .gloss-description');
    await popup.keyboard.press('Tab');
    expect(await focused()).toBe(`${ids[1]}:details`);
    await popup.close();
  });

  it('the toolbar badge shows the number of distinct entities on the tab', async () => {
    const tabId = await gloss.tabIdOf(page);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id]');
    const distinct = await popup.locator('[data-entity-id]').count();
    await popup.close();
    await expect.poll(() => gloss.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(distinct));
  });
});

describe('the popup and badge follow the tab', () => {
  const badge = (tabId: number) => gloss.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  const popupFor = async (tabId: number) => {
    const popup = await gloss.context.newPage();
    await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('h2#on-page');
    return popup;
  };
  const rows = (popup: Page) => popup.locator('[data-entity-id]');

  it('a tab gone on to a page Gloss does not run on lists nothing, and its badge is cleared', async () => {
    // Its own address: `tabIdOf` finds a tab by the address it reported, and the demo story is open too.
    const tab = await gloss.newPage('/seed-article.html?gone');
    await waitForAnnotation(tab);
    const tabId = await gloss.tabIdOf(tab);
    await expect.poll(() => badge(tabId)).not.toBe('');
    await tab.goto('about:blank');
    await expect.poll(() => badge(tabId)).toBe('');
    const popup = await popupFor(tabId);
    await expect.poll(() => popup.locator('section').textContent()).toContain('Open a news page to see who is in it.');
    expect(await rows(popup).count()).toBe(0);
    // No switch for a site the tab no longer shows.
    expect(await popup.locator('[data-testid="site-switch"]').count()).toBe(0);
    await Promise.all([popup.close(), tab.close()]);
  });

  it('reloading a page whose story is in a frame counts the frame\'s names once; a frame removed takes its names away', async () => {
    const tab = await gloss.newPage('/frames-story.html');
    await waitForAnnotation(tab);
    const tabId = await gloss.tabIdOf(tab);
    const popup = await popupFor(tabId);
    const krebs = popup.locator('[data-entity-id="person:christopher-krebs"] .entity-count');
    await expect.poll(() => krebs.textContent(), { timeout: 15_000 }).toBe('6×');
    for (let i = 0; i < 2; i++) {
      await tab.reload();
      await waitForAnnotation(tab);
      await tab.waitForTimeout(1500);
      expect(await krebs.textContent()).toBe('6×');
    }
    expect(await badge(tabId)).toBe(String(await rows(popup).count()));
    await tab.evaluate(() => document.getElementById('story')!.remove());
    // Only Mark Esper, named in the page around the frame, is left.
    await expect.poll(() => rows(popup).allTextContents()).toEqual([expect.stringContaining('Mark Esper')]);
    await expect.poll(() => badge(tabId)).toBe('1');
    await Promise.all([popup.close(), tab.close()]);
  });

  it('a site turned off lists no names and clears the badge; a new page on it still offers the switch to turn it on', async () => {
    const tab = await gloss.newPage('/seed-article.html?off');
    await waitForAnnotation(tab);
    const tabId = await gloss.tabIdOf(tab);
    const popup = await popupFor(tabId);
    await expect.poll(() => rows(popup).count()).toBeGreaterThan(5);
    const siteSwitch = popup.locator('[data-testid="site-switch"] input');
    await siteSwitch.uncheck();
    await expect.poll(() => rows(popup).count()).toBe(0);
    await expect.poll(() => badge(tabId)).toBe('');
    expect(await popup.locator('section').textContent()).toContain('Gloss is off on this page.');
    // A page opened on the site while it is off: the popup names the site, switched off, and turns it on.
    const other = await gloss.newPage('/washington-story.html');
    const otherId = await gloss.tabIdOf(other);
    const otherPopup = await popupFor(otherId);
    const otherSwitch = otherPopup.locator('[data-testid="site-switch"] input');
    await expect.poll(() => otherSwitch.count()).toBe(1);
    expect(await otherSwitch.isChecked()).toBe(false);
    await otherSwitch.check();
    await expect.poll(async () => Object.keys(await paintedText(other)).length).toBeGreaterThan(0);
    await expect.poll(() => rows(otherPopup).count()).toBeGreaterThan(0);
    await expect.poll(() => rows(popup).count()).toBeGreaterThan(5);
    await Promise.all([popup.close(), otherPopup.close(), tab.close(), other.close()]);
  });
});

describe('knowledge packs', () => {
  const options = async () => {
    const p = await gloss.context.newPage();
    await p.goto(`chrome-extension://${gloss.extensionId}/options.html`);
    await p.waitForSelector('[data-testid="pack-file"]');
    return p;
  };

  it('a broken pack lists every problem and changes nothing', async () => {
    const p = await options();
    await p.setInputFiles('[data-testid="pack-file"]', join(ROOT, 'test/fixtures/packs/broken-pack.json'));
    const errors = p.locator('[data-testid="pack-errors"]');
    await expect.poll(() => errors.textContent()).toContain('local:no-description');
    const text = (await errors.textContent())!;
    expect(text).toContain('broken-pack.json');
    expect(text).toMatch(/local:no-description.*description/);
    expect(text).toMatch(/local:bad-type.*type/);
    expect(text).toMatch(/local:bad-link.*links/);
    expect(await p.locator('[data-testid="pack-list"]').count()).toBe(0);
    await p.close();
  });

  it('a valid pack makes a new name get a card on an open page, without reload', async () => {
    const news = await gloss.newPage('/pack-page.html');
    await waitForAnnotation(news);
    expect(JSON.stringify(await paintedText(news))).not.toContain('Zorblax');
    const p = await options();
    await p.setInputFiles('[data-testid="pack-file"]', join(ROOT, 'test/fixtures/packs/valid-pack.json'));
    await expect.poll(() => p.locator('[data-testid="pack-status"]').textContent()).toContain('Local newsroom');
    await expect.poll(() => p.locator('[data-pack-name="Local newsroom"]').textContent()).toContain('2 entities');
    await expect.poll(async () => JSON.stringify(await paintedText(news))).toContain('Zorblax Institute');
    await restOn(news, await pointOf(news, '#story', 'Quilla Thornbury'));
    await expect.poll(() => shownCardText(news)).toContain('fictional mayor');
    expect(await cardText(news)).toContain('Local newsroom');
    // Turning the pack off takes its names away again.
    await p.locator('[data-pack-name="Local newsroom"] input[role="switch"]').uncheck();
    await expect.poll(async () => JSON.stringify(await paintedText(news))).not.toContain('Zorblax');
    await p.close();
    await news.close();
  });

  it('a pack’s controls are named with it; Remove says what it removed, and Undo brings the pack back as it was; one entity is “1 entity”', async () => {
    const p = await options();
    const item = p.locator('[data-pack-name="Local newsroom"]');
    // Turned off by the test above.
    const use = p.getByRole('switch', { name: 'Use this pack: Local newsroom' });
    await expect.poll(() => use.count()).toBe(1);
    expect(await use.isChecked()).toBe(false);
    expect(await p.getByRole('button', { name: 'Export Local newsroom' }).count()).toBe(1);
    await p.getByRole('button', { name: 'Remove Local newsroom' }).click();
    await expect.poll(() => item.count()).toBe(0);
    expect(await p.getByTestId('pack-status').textContent()).toBe('Removed “Local newsroom”.');
    // Focus was on Remove, which went with the pack: it is on Undo now, one key away.
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Undo: put back Local newsroom');
    const axe = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await p.keyboard.press('Enter');
    await expect.poll(() => item.count()).toBe(1);
    expect(await use.isChecked()).toBe(false);
    // What came back works: turned on, its names are marked on a page again.
    await use.check();
    const news = await gloss.newPage('/pack-page.html');
    await expect.poll(async () => JSON.stringify(await paintedText(news))).toContain('Zorblax Institute');
    await news.close();
    // One entity is counted as one.
    const valid = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/packs/valid-pack.json'), 'utf8')) as { entities: unknown[] };
    const one = join(tmpdir(), `gloss-one-entity-${process.pid}.json`);
    writeFileSync(one, JSON.stringify({ version: 1, name: 'One-entity pack', entities: valid.entities.slice(0, 1) }));
    // Removed once read: the page reads a chosen file when it imports it, not when it is chosen.
    try {
      await p.setInputFiles('[data-testid="pack-file"]', one);
      await expect.poll(() => p.getByTestId('pack-status').textContent()).toBe('Imported “One-entity pack” with 1 entity.');
    } finally {
      rmSync(one);
    }
    await expect.poll(() => p.locator('[data-pack-name="One-entity pack"]').textContent()).toContain('One-entity pack · 1 entity');
    expect(await item.textContent()).toContain('2 entities');
    await p.getByRole('button', { name: 'Remove One-entity pack' }).click();
    await expect.poll(() => p.locator('[data-pack-name="One-entity pack"]').count()).toBe(0);
    await p.close();
  });

  it('a pack that fits in storage only without its compiled trie still imports, and its names get cards', async () => {
    const p = await options();
    const PACK_KEYS = ['packs', 'packIndex', 'packDetails'];
    const storage = (script: string) => p.evaluate(`(async () => { const local = chrome.storage.local; ${script} })()`);
    await storage(`await local.remove(${JSON.stringify(PACK_KEYS)})`);
    await p.reload();
    const empty = (await storage('return local.getBytesInUse(null)')) as number;
    const stored = () => storage('return JSON.stringify(Object.keys((await local.get("packIndex")).packIndex ?? {}))');
    // Measure what the pack takes with its trie, then fill storage so that it fits only without it.
    await p.setInputFiles('[data-testid="pack-file"]', join(ROOT, 'test/fixtures/packs/valid-pack.json'));
    await expect.poll(stored).toContain('packedTrie');
    const withTrie = ((await storage('return local.getBytesInUse(null)')) as number) - empty;
    const trie = (await storage('return (await local.get("packIndex")).packIndex.packedTrie.length')) as number;
    expect(trie).toBeGreaterThan(1000);
    await storage(`await local.remove(${JSON.stringify(PACK_KEYS)})`);
    const quota = (await storage('return local.QUOTA_BYTES')) as number;
    const filler = quota - empty - withTrie + Math.floor(trie / 2);
    await storage(`await local.set({ filler: 'x'.repeat(${filler}) })`);
    try {
      await p.reload();
      await p.setInputFiles('[data-testid="pack-file"]', join(ROOT, 'test/fixtures/packs/valid-pack.json'));
      await expect.poll(() => p.locator('[data-pack-name="Local newsroom"]').textContent()).toContain('2 entities');
      await expect.poll(stored).toContain('aliasText');
      expect(await stored()).not.toContain('packedTrie');
      const news = await gloss.newPage('/pack-page.html');
      await expect.poll(async () => JSON.stringify(await paintedText(news))).toContain('Zorblax Institute');
      await restOn(news, await pointOf(news, '#story', 'Quilla Thornbury'));
      await expect.poll(() => shownCardText(news)).toContain('fictional mayor');
      await news.close();
    } finally {
      await storage(`await local.remove(['filler', ...${JSON.stringify(PACK_KEYS)}])`);
      await p.close();
    }
  });
});

// Last: Playwright's handle on the worker hangs once the worker was stopped.
describe('worker restarts', () => {
  it('lists the tab’s entities after the worker was stopped', async () => {
    // Ask for the tab id first: Playwright's handle on a stopped worker hangs.
    const tabId = await gloss.tabIdOf(page);
    const popup = await gloss.popup(page);
    await popup.waitForSelector('[data-entity-id]');
    const cdp = await popup.context().newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.close();
    const again = await gloss.context.newPage();
    await again.goto(`chrome-extension://${gloss.extensionId}/popup.html?tab=${tabId}`);
    await again.waitForSelector('[data-entity-id="person:christopher-krebs"]', { timeout: 20_000 });
    await again.close();
  });

  it('wakes a stopped worker as soon as a page starts loading, before Gloss reads the page', async () => {
    // Chrome stops an idle worker after 30 s, so most pages a reader opens find it stopped: it should
    // start and read its knowledge while the page loads (the tab's load event), not once the page is
    // loaded (content.js connects at document_idle).
    const ext = await gloss.context.newPage();
    await ext.goto(`chrome-extension://${gloss.extensionId}/manifest.json`);
    const cdp = await gloss.context.newCDPSession(ext);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    // Stopped, and still stopped a moment later: the earlier tests' tabs may wake it with a late event.
    await expect.poll(async () => {
      if (statuses.at(-1) !== 'stopped') await cdp.send('ServiceWorker.stopAllWorkers');
      const before = statuses.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return statuses.at(-1) === 'stopped' && statuses.length === before;
    }, { timeout: 15_000 }).toBe(true);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await gloss.context.route('**/held-script.js', async (route) => {
      await held;
      await route.fulfill({ contentType: 'text/javascript', body: '' });
    });
    const tab = await gloss.context.newPage();
    const loaded = tab.goto(`${gloss.origin}/held-load.html`);
    try {
      await tab.waitForURL('**/held-load.html', { waitUntil: 'commit' });
      await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('running');
      // Still parsing, held at the script: content.js (document_idle) has not run.
      expect(await tab.evaluate(() => document.readyState)).toBe('loading');
    } finally {
      release();
    }
    await loaded;
    await expect.poll(async () => (await paintedText(tab))['gloss-person'] ?? [], { timeout: 20_000 }).toContain('Christopher Krebs');
    await tab.close();
    await ext.close();
  });

  it('a page open while the worker stopped still gets its new names linked (its port to the worker reconnects)', async () => {
    // The worker was stopped by the test above, after this page had connected; the page's port is gone.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'After the restart, Nancy Pelosi spoke.';
      document.body.append(p);
    });
    await expect.poll(async () => (await paintedText(page))['gloss-person'] ?? [], { timeout: 20_000 }).toContain('Nancy Pelosi');
  });
});
