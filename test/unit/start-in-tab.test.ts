/** Starting Gloss in a tab whose page predates its install or update: only where none answers, the page has loaded, and the reader granted the tab. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const tab = { status: 'complete' as string | undefined, answers: false, granted: true };
const injected: string[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      sendMessage: () => (tab.answers ? Promise.resolve({ url: 'https://news.example/' }) : Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))),
      get: (tabId: number) => (tab.status === undefined ? Promise.reject(new Error(`No tab with id: ${tabId}`)) : Promise.resolve({ id: tabId, status: tab.status })),
    },
    scripting: {
      insertCSS: ({ files, target }: { files: string[]; target: { frameIds: number[] } }) =>
        tab.granted ? (injected.push(...files.map((f) => `${f}@${target.frameIds.join()}`)), Promise.resolve()) : Promise.reject(new Error('Cannot access contents of the page.')),
      executeScript: ({ files, target }: { files: string[]; target: { frameIds: number[] } }) =>
        tab.granted ? (injected.push(...files.map((f) => `${f}@${target.frameIds.join()}`)), Promise.resolve([])) : Promise.reject(new Error('Cannot access contents of the page.')),
    },
  },
}));
const { startInTab } = await import('../../src/start-in-tab');

beforeEach(() => {
  Object.assign(tab, { status: 'complete', answers: false, granted: true });
  injected.length = 0;
});

describe('startInTab', () => {
  it('starts Gloss in the top frame of a loaded page where none answers: its highlight styles, then its script', async () => {
    await expect(startInTab(3)).resolves.toBe(true);
    expect(injected).toEqual(['highlights.css@0', 'content.js@0']);
  });

  it('leaves a page where Gloss answers, a page still loading (the browser injects it there), and a tab that is gone', async () => {
    tab.answers = true;
    await expect(startInTab(3)).resolves.toBe(false);
    tab.answers = false;
    tab.status = 'loading';
    await expect(startInTab(3)).resolves.toBe(false);
    tab.status = undefined;
    await expect(startInTab(3)).resolves.toBe(false);
    expect(injected).toEqual([]);
  });

  it('says no, without throwing, where the reader has not granted the tab or the browser forbids it (its own pages, the web store)', async () => {
    tab.granted = false;
    await expect(startInTab(3)).resolves.toBe(false);
  });
});
