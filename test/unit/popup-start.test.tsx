/**
 * The popup on a tab whose page was open before Gloss was installed or updated: it starts Gloss there
 * and says it is reading the page until the page reports, not "Open a news page".
 * @vitest-environment happy-dom
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRoot } from './support/render-root';

const tab = { glossAnswers: false, granted: true, injected: false, reported: false };
const noListener = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
const browser = {
  i18n: { getMessage: () => '' },
  storage: {
    sync: { get: async () => ({}) },
    onChanged: { addListener: () => undefined, removeListener: () => undefined },
  },
  runtime: {
    sendMessage: async (message: { name: string }) => {
      if (message.name !== 'getTabEntities') return undefined;
      if (!tab.reported) return null;
      return { url: 'https://news.example/story', host: 'news.example', entities: [{ id: 'person:christopher-krebs', name: 'Christopher Krebs', category: 'person', count: 6, seen: [] }] };
    },
    openOptionsPage: async () => undefined,
  },
  tabs: {
    sendMessage: (_tabId: number, message: { name: string }) => (message.name === 'pageState' && tab.glossAnswers ? Promise.resolve({ url: 'https://news.example/story' }) : noListener()),
    get: async (tabId: number) => ({ id: tabId, status: 'complete' }),
  },
  scripting: {
    insertCSS: async () => {
      if (!tab.granted) throw new Error('Cannot access contents of the page.');
    },
    executeScript: async ({ files }: { files?: string[] }) => {
      if (!tab.granted) throw new Error('Cannot access contents of the page.');
      if (files?.includes('content.js')) tab.injected = true;
      return [];
    },
  },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));
const { App } = await import('../../popup/app');

const root = renderRoot();
beforeEach(() => {
  Object.assign(tab, { glossAnswers: false, granted: true, injected: false, reported: false });
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
const onThisPage = () => root.querySelector('section')?.textContent ?? '';

describe('the popup on a page open before Gloss was installed or updated', () => {
  it('starts Gloss in the tab and says it is reading the page, then lists what the page reports', async () => {
    act(() => render(<App tabId={5} />, root));
    await settle();
    expect(tab.injected).toBe(true);
    expect(onThisPage()).toContain('Gloss is reading this page');
    expect(onThisPage()).not.toContain('Open a news page');

    tab.reported = true;
    // The popup asks again each second.
    await act(() => new Promise((r) => setTimeout(r, 1100)));
    expect(root.querySelector('[data-entity-id="person:christopher-krebs"]')?.textContent).toContain('Christopher Krebs');
    expect(onThisPage()).not.toContain('reading this page');
  });

  it('where Gloss cannot run (the browser’s own pages, no grant) it says to open a news page, and starts nothing', async () => {
    tab.granted = false;
    act(() => render(<App tabId={5} />, root));
    await settle();
    expect(tab.injected).toBe(false);
    expect(onThisPage()).toContain('Open a news page');
  });

  it('where Gloss already answers it starts no second one', async () => {
    tab.glossAnswers = true;
    act(() => render(<App tabId={5} />, root));
    await settle();
    expect(tab.injected).toBe(false);
    expect(onThisPage()).not.toContain('reading this page');
  });
});
