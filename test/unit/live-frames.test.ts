/** The worker keeps a tab's list and badge to the frames that still run Gloss: it asks them. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityCount } from '../../src/protocol';

/** The tab's frames that run Gloss now, each with its address. */
const live = new Map<number, string>();
const stored: Record<string, unknown> = {};
const badges: string[] = [];
const asked: string[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'gloss-id', getURL: (p: string) => `chrome-extension://gloss-id/${p}` },
    storage: {
      session: {
        get: async (key: string) => ({ [key]: stored[key] }),
        set: async (items: Record<string, unknown>) => void Object.assign(stored, structuredClone(items)),
        remove: async (key: string) => void delete stored[key],
      },
      sync: { get: async () => ({}) },
    },
    action: { setBadgeBackgroundColor: async () => undefined, setBadgeText: async ({ text }: { text: string }) => void badges.push(text) },
    tabs: {
      sendMessage: async (_tab: number, envelope: { name: string }, options: { frameId: number }) => {
        asked.push(`${envelope.name} ${options.frameId}`);
        const url = live.get(options.frameId);
        if (url === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
        return envelope.name === 'pageState' ? { url } : { ok: true };
      },
    },
  },
}));
const { recordFrame, tabEntities } = await import('../../src/background/tab-results');
const { pruneTab } = await import('../../src/background/live-frames');

const TOP = 'https://news.example/story';
const entity = (id: string, count = 1): EntityCount => ({ id, name: id, category: 'person', count, seen: [] });
const listed = async (tabId: number) => (await tabEntities(tabId))?.entities.map((e) => `${e.id} ${e.count}`) ?? null;

beforeEach(() => {
  live.clear();
  badges.length = 0;
  asked.length = 0;
});

describe('pruneTab', () => {
  it('forgets a tab whose top frame no longer runs Gloss (a browser page, about:blank), and clears its badge', async () => {
    await recordFrame(1, 0, { url: TOP, host: 'news.example', entities: [entity('a', 2)] });
    await recordFrame(1, 4, { url: 'https://embed.example/', host: 'embed.example', entities: [entity('b')] });
    await pruneTab(1);
    expect(await listed(1)).toBeNull();
    expect(badges).toEqual(['']);
  });

  it('drops only the frames gone: a reload numbers the new frames afresh, and their names are not counted twice', async () => {
    live.set(0, TOP).set(9, 'https://embed.example/');
    await recordFrame(2, 0, { url: TOP, host: 'news.example', entities: [entity('a')] });
    await recordFrame(2, 4, { url: 'https://embed.example/', host: 'embed.example', entities: [entity('b', 3)] });
    // After the reload: the frame is frame 9 now, and reports the same names.
    await recordFrame(2, 9, { url: 'https://embed.example/', host: 'embed.example', entities: [entity('b', 3)] });
    expect(await listed(2)).toEqual(['b 6', 'a 1']);
    await pruneTab(2);
    expect(await listed(2)).toEqual(['b 3', 'a 1']);
    expect(badges).toEqual(['2']);
    expect((await tabEntities(2))?.host).toBe('news.example');
  });

  it('keeps a report that comes in while the frames are being asked', async () => {
    await recordFrame(3, 0, { url: TOP, host: 'news.example', entities: [entity('a')] });
    const pruning = pruneTab(3);
    // The new page's script reports before the worker hears that the old one is gone.
    live.set(0, 'https://news.example/next');
    await recordFrame(3, 0, { url: 'https://news.example/next', host: 'news.example', entities: [entity('c')] });
    await pruning;
    expect(await listed(3)).toEqual(['c 1']);
  });

  it('has a live top frame at another address report again (a route changed without a change to the text); a tab never recorded is left alone', async () => {
    live.set(0, 'https://news.example/story#comments');
    await recordFrame(5, 0, { url: TOP, host: 'news.example', entities: [entity('a')] });
    await pruneTab(5);
    expect(asked).toEqual(['pageState 0', 'readPage 0']);
    expect(await listed(5)).toEqual(['a 1']);
    asked.length = 0;
    await pruneTab(6);
    expect(asked).toEqual([]);
  });

  it('keeps the names of frames that run Gloss under a top page that does not (its address unknown)', async () => {
    live.set(7, 'https://embed.example/');
    await recordFrame(8, 7, { url: 'https://embed.example/', host: 'embed.example', entities: [entity('b')] });
    await pruneTab(8);
    expect(await listed(8)).toEqual(['b 1']);
    expect((await tabEntities(8))?.host).toBe('');
  });
});

describe('recordFrame', () => {
  it('keeps every frame of a tab that report at once, and the top frame’s address (the first read of a tab waits on storage)', async () => {
    live.set(0, TOP).set(3, 'https://embed.example/');
    await Promise.all([
      recordFrame(40, 3, { url: 'https://embed.example/', host: 'embed.example', entities: [entity('b')] }),
      recordFrame(40, 0, { url: TOP, host: 'news.example', entities: [entity('a', 2)] }),
      recordFrame(40, 5, { url: 'https://other.example/', host: 'other.example', entities: [entity('c')] }),
    ]);
    expect(await listed(40)).toEqual(['a 2', 'b 1', 'c 1']);
    expect((await tabEntities(40))?.url).toBe(TOP);
  });
});
