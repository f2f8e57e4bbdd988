/** A content script's port to the worker: senders and shapes checked, answers matched to requests, a port the worker dropped replaced. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (m: unknown) => void;
interface FakePort {
  name: string;
  sender?: object;
  onMessage: { addListener: (l: Listener) => void };
  onDisconnect: { addListener: (l: () => void) => void };
  postMessage: (m: unknown) => void;
  disconnect: () => void;
}

/** A connected pair of port ends; `drop` disconnects both as a stopping worker does. */
function portPair(name: string, sender: object) {
  const listeners = { tab: [] as Listener[], worker: [] as Listener[], tabGone: [] as (() => void)[], workerGone: [] as (() => void)[] };
  let open = true;
  const end = (mine: 'tab' | 'worker'): FakePort => ({
    name,
    sender: mine === 'worker' ? sender : undefined,
    onMessage: { addListener: (l) => listeners[mine].push(l) },
    onDisconnect: { addListener: (l) => listeners[mine === 'tab' ? 'tabGone' : 'workerGone'].push(l) },
    postMessage: (m) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy = JSON.parse(JSON.stringify(m)) as unknown;
      // Delivered later, and only if the pair is still connected then.
      queueMicrotask(() => open && listeners[mine === 'tab' ? 'worker' : 'tab'].forEach((l) => l(copy)));
    },
    disconnect: () => {
      open = false;
    },
  });
  const drop = () => {
    open = false;
    listeners.tabGone.forEach((l) => l());
  };
  return { tab: end('tab'), worker: end('worker'), drop };
}

const onConnect: ((p: FakePort) => void)[] = [];
/** The extension updated, reloaded or switched off under the page: `runtime.id` undefined, `connect` throws. */
const gone = { now: false };
let senderOfNext: object = {};
const pairs: ReturnType<typeof portPair>[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      get id() {
        return gone.now ? undefined : 'gloss-id';
      },
      getURL: (p: string) => `chrome-extension://gloss-id/${p}`,
      onMessage: { addListener: () => undefined, removeListener: () => undefined },
      onConnect: { addListener: (l: (p: FakePort) => void) => onConnect.push(l) },
      connect: ({ name }: { name: string }) => {
        if (gone.now) throw new Error('Extension context invalidated.');
        const pair = portPair(name, senderOfNext);
        pairs.push(pair);
        onConnect.forEach((l) => l(pair.worker));
        return pair.tab;
      },
    },
  },
}));
const { connectToWorker, handlePortRequests, REQUEST_TIMEOUT_MS } = await import('../../src/protocol');

const contentScript = { id: 'gloss-id', tab: { id: 7 }, url: 'https://news.example/story' };
const wire = { entities: [], reasons: [], keys: [], rows: [], alternatives: {} };
const calls: string[][] = [];
let connects = 0;

beforeEach(() => {
  gone.now = false;
  onConnect.length = 0;
  pairs.length = 0;
  calls.length = 0;
  connects = 0;
  senderOfNext = contentScript;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  handlePortRequests({
    findMentions: (req) => (calls.push(req.texts.map((t) => t ?? '(sent before)')), wire),
    reportEntities: (req, sender) => (calls.push([`report from tab ${sender.tab?.id}`, ...req.entities.map((e) => e.id)]), { ok: true as const }),
    getDetails: (req) => (calls.push(['details', ...req.ids]), { details: {} }),
  }, () => connects++);
});

describe('ports to the worker', () => {
  it('answers a content script\'s requests, each to its own caller, and lets the worker prepare on connect', async () => {
    const ask = connectToWorker(new AbortController().signal);
    expect(connects).toBe(1);
    const [a, b] = await Promise.all([ask('findMentions', { texts: ['one'], ids: [1], corrections: [] }), ask('findMentions', { texts: ['two'], ids: [2], corrections: [] })]);
    expect(a).toEqual(wire);
    expect(b).toEqual(wire);
    expect(calls).toEqual([['one'], ['two']]);
  });

  it('takes a tab\'s report (with the port\'s tab) and its card-detail requests, and refuses them malformed', async () => {
    const ask = connectToWorker(new AbortController().signal);
    const entity = { id: 'agency:cisa', name: 'Cybersecurity and Infrastructure Security Agency', category: 'agency' as const, count: 2, seen: ['CISA'] };
    await expect(ask('reportEntities', { url: 'https://news.example/', host: 'news.example', entities: [entity] })).resolves.toEqual({ ok: true });
    await expect(ask('getDetails', { ids: ['person:christopher-krebs'] })).resolves.toEqual({ details: {} });
    await expect(ask('reportEntities', { url: 'https://news.example/', host: 'news.example', entities: [{ ...entity, count: 'many' as unknown as number }] })).rejects.toThrow('worker: rejected');
    // Written forms: a list of at most MAX_SEEN strings, each short.
    for (const seen of [undefined, 'CISA', ['a', 'b', 'c', 'd'], [7], ['x'.repeat(300)]]) {
      await expect(ask('reportEntities', { url: 'https://news.example/', host: 'news.example', entities: [{ ...entity, seen: seen as string[] }] })).rejects.toThrow('worker: rejected');
    }
    await expect(ask('getDetails', { ids: Array<string>(501).fill('x') })).rejects.toThrow('worker: rejected');
    expect(calls).toEqual([['report from tab 7', 'agency:cisa'], ['details', 'person:christopher-krebs']]);
  });

  it('refuses a port that is not a content script\'s, and a request of the wrong shape', async () => {
    senderOfNext = { id: 'gloss-id', url: 'chrome-extension://gloss-id/popup.html' };
    const fromPopup = connectToWorker(new AbortController().signal);
    expect(connects).toBe(0);
    senderOfNext = { id: 'evil-id', tab: { id: 7 } };
    connectToWorker(new AbortController().signal);
    expect(connects).toBe(0);
    void fromPopup;
    senderOfNext = contentScript;
    const ask = connectToWorker(new AbortController().signal);
    await expect(ask('findMentions', { texts: [3 as unknown as string], ids: [1], corrections: [] })).rejects.toThrow('worker: rejected');
    await expect(ask('findMentions', { texts: ['x'.repeat(4_000_001), 'y'.repeat(4_000_000)], ids: [1, 2], corrections: [] })).rejects.toThrow('worker: rejected');
    await expect(ask('findMentions', { texts: ['Krebs'], ids: [1], corrections: [['krebs', 7 as unknown as string]] })).rejects.toThrow('worker: rejected');
    await expect(ask('findMentions', { texts: ['Krebs', 'said'], ids: [1], corrections: [] })).rejects.toThrow('worker: rejected');
    await expect(ask('findMentions', { texts: ['Krebs'], ids: [1.5], corrections: [] })).rejects.toThrow('worker: rejected');
    expect(calls).toEqual([]);
    // Within the limit and well formed: answered.
    await expect(ask('findMentions', { texts: ['x'.repeat(4_000_000), 'y'.repeat(4_000_000)], ids: [1, 2], corrections: [['krebs', null]] })).resolves.toEqual(wire);
  });

  it('sends a request again on a new port when the worker stopped with it pending', async () => {
    const ask = connectToWorker(new AbortController().signal);
    const first = pairs[0]!;
    // The worker stops before it reads the request: its port end hears nothing, the tab's end is dropped.
    onConnect.length = 0;
    const asked = ask('findMentions', { texts: ['again'], ids: [1], corrections: [] });
    first.drop();
    handlePortRequests({ findMentions: (req) => (calls.push(req.texts.map((t) => t ?? '')), wire) });
    await expect(asked).resolves.toEqual(wire);
    expect(pairs).toHaveLength(2);
    expect(calls).toEqual([['again']]);
  });

  it('a port closed because the extension is gone: the request waiting on it fails, is not sent again, and the page is told once', async () => {
    const onGone = vi.fn();
    const ask = connectToWorker(new AbortController().signal, onGone);
    onConnect.length = 0;
    const asked = ask('findMentions', { texts: ['pending'], ids: [1], corrections: [] });
    gone.now = true;
    pairs[0]!.drop();
    await expect(asked).rejects.toThrow('updated, reloaded or turned off');
    expect(pairs).toHaveLength(1);
    expect(onGone).toHaveBeenCalledTimes(1);
  });

  it('a port that cannot open because the extension is gone: the request fails and the page is told; a stopped worker is not that', async () => {
    const onGone = vi.fn();
    const ask = connectToWorker(new AbortController().signal, onGone);
    pairs[0]!.drop();
    await Promise.resolve();
    expect(onGone).not.toHaveBeenCalled();
    gone.now = true;
    await expect(ask('getDetails', { ids: ['person:christopher-krebs'] })).rejects.toThrow('Extension context invalidated');
    await Promise.resolve();
    expect(onGone).toHaveBeenCalled();
    // Opened where the extension is gone already: no throw into the page's script.
    const late = vi.fn();
    expect(() => connectToWorker(new AbortController().signal, late)).not.toThrow();
    await Promise.resolve();
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('closes the port when Gloss stops on the page, ends what was waiting, and asks nothing after', async () => {
    onConnect.length = 0;
    handlePortRequests({ findMentions: () => new Promise<never>(() => undefined) });
    const stop = new AbortController();
    const ask = connectToWorker(stop.signal);
    const waiting = ask('findMentions', { texts: ['waiting'], ids: [1], corrections: [] });
    await Promise.resolve();
    stop.abort();
    await expect(waiting).rejects.toThrow('stopped');
    await expect(ask('findMentions', { texts: ['late'], ids: [1], corrections: [] })).rejects.toThrow('stopped');
    expect(calls).toEqual([]);
  });

  it('fails a request the worker never answers, so the page\'s later passes are not stalled', async () => {
    vi.useFakeTimers();
    try {
      onConnect.length = 0;
      handlePortRequests({ findMentions: () => new Promise<never>(() => undefined) });
      const ask = connectToWorker(new AbortController().signal);
      const asked = ask('findMentions', { texts: ['hang'], ids: [1], corrections: [] });
      const failed = expect(asked).rejects.toThrow('did not answer "findMentions" within 30 s');
      await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
      await failed;
    } finally {
      vi.useRealTimers();
    }
  });
});
