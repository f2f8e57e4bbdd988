/** Starting Gloss in a tab whose page predates its install or update: only where none answers, the page has loaded, and the reader granted the tab. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const tab = { status: 'complete' as string | undefined, answers: false, granted: true, frames: [0] as number[], grantedFrames: [0] as number[] };
type Target = { frameIds?: number[]; allFrames?: boolean };
/** Where an injection may go: frames of the granted origin only (Chromium rejects the call otherwise). */
const allowed = (target: Target) => tab.granted && (target.frameIds ?? []).every((f) => tab.grantedFrames.includes(f));
const injected: string[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      sendMessage: () => (tab.answers ? Promise.resolve({ url: 'https://news.example/' }) : Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))),
      get: (tabId: number) => (tab.status === undefined ? Promise.reject(new Error(`No tab with id: ${tabId}`)) : Promise.resolve({ id: tabId, status: tab.status })),
    },
    scripting: {
      insertCSS: ({ files, target }: { files: string[]; target: Target }) =>
        allowed(target) ? (injected.push(...files.map((f) => `${f}@${target.frameIds!.join()}`)), Promise.resolve()) : Promise.reject(new Error('Cannot access contents of the page.')),
      executeScript: ({ files, func, target }: { files?: string[]; func?: () => unknown; target: Target }) => {
        if (!tab.granted) return Promise.reject(new Error('Cannot access contents of the page.'));
        // `func` over every frame: the frames the grant reaches answer.
        if (func && target.allFrames) return Promise.resolve(tab.grantedFrames.map((frameId) => ({ frameId, result: func() })));
        if (!allowed(target)) return Promise.reject(new Error('Cannot access contents of the page.'));
        injected.push(...files!.map((f) => `${f}@${target.frameIds!.join()}`));
        return Promise.resolve([]);
      },
    },
  },
}));
const { startInTab } = await import('../../src/start-in-tab');

beforeEach(() => {
  Object.assign(tab, { status: 'complete', answers: false, granted: true, frames: [0], grantedFrames: [0] });
  injected.length = 0;
});

describe('startInTab', () => {
  it('starts Gloss in the top frame of a loaded page where none answers: its highlight styles, then its script', async () => {
    await expect(startInTab(3)).resolves.toBe(true);
    expect(injected).toEqual(['highlights.css@0', 'content.js@0']);
  });

  it('starts it in the subframes of the page’s own site too, with the frames’ script, and leaves another site’s', async () => {
    Object.assign(tab, { frames: [0, 4, 9], grantedFrames: [0, 4] });
    await expect(startInTab(3)).resolves.toBe(true);
    expect(injected).toEqual(['highlights.css@0', 'content.js@0', 'highlights.css@4', 'content-frames.js@4']);
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
