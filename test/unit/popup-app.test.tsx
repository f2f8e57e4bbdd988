/**
 * The popup as a reader meets it: Gloss off everywhere apart from off on one site, the list of names
 * as one Tab stop moved through with the arrow keys, and an open row's details under it without the
 * name again.
 * @vitest-environment happy-dom
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRoot } from './support/render-root';

const ENTITIES = [
  { id: 'person:donald-trump', name: 'Donald Trump', category: 'person', count: 9, seen: [] },
  { id: 'person:christopher-krebs', name: 'Christopher Krebs', category: 'person', count: 6, seen: ['Chris Krebs'] },
  { id: 'agency:cisa', name: 'Cybersecurity and Infrastructure Security Agency', category: 'agency', count: 6, seen: ['CISA'] },
  { id: 'place:united-states', name: 'United States', category: 'place', count: 2, seen: [] },
];
const KREBS = {
  id: 'person:christopher-krebs', name: 'Christopher Krebs', category: 'person', type: 'person', description: 'First director of CISA.',
  facts: [], links: [], asOf: '2026-11-01', sources: [{ name: 'Gloss', url: 'https://example.org', licence: 'CC0-1.0' }],
};

let sync: Record<string, unknown> = {};
const glossRuns = () => {
  const settings = sync.settings as { enabled: boolean; disabledSites: string[] } | undefined;
  return !settings || (settings.enabled && !settings.disabledSites.includes('news.example'));
};
const listeners = new Set<(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void>();
const browser = {
  i18n: { getMessage: () => '' },
  storage: {
    sync: {
      get: async () => structuredClone(sync),
      set: async (items: Record<string, unknown>) => {
        const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { oldValue: sync[k], newValue: v }]));
        sync = { ...sync, ...structuredClone(items) };
        for (const l of listeners) l(changes, 'sync');
      },
      remove: async (keys: string[]) => void keys.forEach((k) => delete sync[k]),
    },
    onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) },
  },
  runtime: {
    sendMessage: async (message: { name: string }) => {
      // A tab where Gloss is off reports no names.
      if (message.name === 'getTabEntities') return { url: 'https://news.example/story', host: 'news.example', entities: glossRuns() ? ENTITIES : [] };
      if (message.name === 'getDetails') return { details: { [KREBS.id]: KREBS } };
      return undefined;
    },
    openOptionsPage: async () => undefined,
  },
  tabs: { sendMessage: () => Promise.resolve({ url: 'https://news.example/story' }), get: async (id: number) => ({ id, status: 'complete' }) },
  scripting: { insertCSS: async () => undefined, executeScript: async () => [] },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));
const { App } = await import('../../popup/app');
const { defaults } = await import('../../src/settings');

const root = renderRoot();
beforeEach(() => {
  sync = {};
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
const show = async (settings: Partial<typeof defaults> = {}) => {
  sync = { settings: { ...defaults, ...settings } };
  act(() => render(<App tabId={5} />, root));
  await settle();
};
const input = (testId: string) => root.querySelector<HTMLInputElement>(`[data-testid="${testId}"] input`)!;
const categoryTestIds = ['category-person', 'category-agency', 'category-company', 'category-place', 'category-organization'];
const rows = () => [...root.querySelectorAll<HTMLButtonElement>('.entity-toggle')];
const press = (key: string) => act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
const focusedRow = () => document.activeElement?.closest('[data-entity-id]')?.getAttribute('data-entity-id');

describe('Gloss off everywhere', () => {
  it('dims the site’s and the categories’ switches, leaves out the (0) counts, says so, and offers to turn it on', async () => {
    await show({ enabled: false });
    for (const id of ['site-switch', ...categoryTestIds]) {
      // Still checked: what they will do once Gloss is on; but unavailable now, as a screen reader says.
      expect(input(id).checked, id).toBe(true);
      expect(input(id).disabled, id).toBe(true);
    }
    expect(root.querySelector('fieldset')!.textContent).not.toContain('(0)');
    const section = root.querySelector('section')!.textContent!;
    expect(section).toContain('Gloss is off everywhere.');
    expect(section).not.toContain('Gloss is off on this page.');

    const turnOn = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Turn Gloss on')!;
    act(() => turnOn.click());
    await settle();
    expect((sync.settings as { enabled: boolean }).enabled).toBe(true);
    expect(input('everywhere-switch').checked).toBe(true);
    // The button went with the message; focus is on the switch it turned on, not lost.
    expect(document.activeElement).toBe(input('everywhere-switch'));
    for (const id of ['site-switch', ...categoryTestIds]) expect(input(id).disabled, id).toBe(false);
    expect(root.querySelector('section')!.textContent).not.toContain('off everywhere');
  });

  it('off on this site only: its own message, and the switches work', async () => {
    await show({ disabledSites: ['news.example'] });
    const section = root.querySelector('section')!.textContent!;
    expect(section).toContain('Gloss is off on this page.');
    expect(section).not.toContain('everywhere');
    for (const id of ['site-switch', ...categoryTestIds]) expect(input(id).disabled, id).toBe(false);
    expect(input('site-switch').checked).toBe(false);
  });
});

describe('the list of names, by keyboard', () => {
  it('is one Tab stop; Down and Up move between rows across the category groups, Home and End to the ends', async () => {
    await show();
    expect(rows().map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
    act(() => rows()[0]!.focus());
    await press('ArrowDown');
    expect(focusedRow()).toBe('person:christopher-krebs');
    await press('ArrowDown');
    expect(focusedRow()).toBe('agency:cisa');
    // The Tab stop follows focus: Tab away and back returns to this row.
    expect(rows().map((b) => b.tabIndex)).toEqual([-1, -1, 0, -1]);
    await press('End');
    expect(focusedRow()).toBe('place:united-states');
    await press('ArrowDown');
    expect(focusedRow()).toBe('place:united-states');
    await press('Home');
    expect(focusedRow()).toBe('person:donald-trump');
    await press('ArrowUp');
    expect(focusedRow()).toBe('person:donald-trump');
  });

  it('the Tab stop stays on its row while the filter shows it, and goes to the first row shown when it hides it', async () => {
    await show();
    const filter = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    const type = (text: string) =>
      act(() => {
        filter.value = text;
        filter.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const stops = () => rows().map((b) => [b.closest('[data-entity-id]')!.getAttribute('data-entity-id'), b.tabIndex]);
    act(() => rows()[3]!.focus());
    // "st": Christopher, Infrastructure, United States; not Donald Trump.
    type('st');
    expect(stops()).toEqual([['person:christopher-krebs', -1], ['agency:cisa', -1], ['place:united-states', 0]]);
    type('krebs');
    expect(stops()).toEqual([['person:christopher-krebs', 0]]);
  });
});

describe('an open row', () => {
  it('is the name’s heading; its details do not say the name again', async () => {
    await show();
    const krebs = root.querySelector('[data-entity-id="person:christopher-krebs"]')!;
    act(() => krebs.querySelector<HTMLButtonElement>('.entity-toggle')!.click());
    await settle();
    expect(krebs.querySelector('.entity-details')!.textContent).toContain('First director of CISA.');
    const headings = [...krebs.querySelectorAll('h1, h2, h3, h4, h5, h6')];
    expect(headings.map((h) => [h.tagName, h.querySelector('.entity-toggle') !== null])).toEqual([['H4', true]]);
    expect(krebs.querySelector('.entity-details')!.textContent).not.toContain('Christopher Krebs');
  });
});
