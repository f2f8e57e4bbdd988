/** The worker's "next mention" across a tab's frames: top frame first, each frame's names in turn, round again. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Each frame: its mentions (entity ids, in page order), the one whose card is open (-1: none), and whether it has a modal dialog open. */
const frames = new Map<number, { mentions: string[]; open: number; modal?: boolean }>();
const stored: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'gloss-id', getURL: (p: string) => `chrome-extension://gloss-id/${p}` },
    storage: { session: { get: async (key: string) => ({ [key]: stored[key] }), set: async () => undefined, remove: async () => undefined } },
    tabs: {
      // A frame's content script, as `PageGloss.step` answers `stepMention`.
      sendMessage: async (_tab: number, envelope: { name: string; req: { entityId?: string; fromStart?: boolean; noWrap?: boolean } }, options: { frameId: number }) => {
        const frame = frames.get(options.frameId);
        if (!frame) throw new Error('Could not establish connection. Receiving end does not exist.');
        if (envelope.name === 'reach') return { modal: frame.modal === true };
        const { entityId, fromStart, noWrap } = envelope.req;
        const shown = frame.mentions.map((id, i) => ({ id, i })).filter((m) => entityId === undefined || m.id === entityId);
        if (shown.length === 0) return { ok: false };
        const at = fromStart ? -1 : shown.findIndex((m) => m.i === frame.open);
        if (noWrap && at === shown.length - 1) {
          frame.open = -1;
          return { ok: false };
        }
        frame.open = shown[(at + 1) % shown.length]!.i;
        return { ok: true };
      },
    },
  },
}));
const { stepInTab, forgetSteps } = await import('../../src/background/step-mentions');
const { forgetTab } = await import('../../src/background/tab-results');

/** The tab as the worker recorded the frames' reports. */
function reported(tab: Record<number, string[]>): void {
  const counts = (ids: string[]) => [...new Set(ids)].map((id) => ({ id, name: id, category: 'person', count: ids.filter((x) => x === id).length }));
  stored['tab:1'] = { url: 'https://news.example/', host: 'news.example', frames: Object.fromEntries(Object.entries(tab).map(([f, ids]) => [f, counts(ids)])) };
}

/** Where each step lands: "frame:index", or "none". */
async function steps(n: number, entityId?: string): Promise<string[]> {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const ok = await stepInTab(1, entityId);
    const open = [...frames].filter(([, f]) => f.open >= 0).map(([id, f]) => `${id}:${f.open}`);
    out.push(ok ? open.join(' ') : 'none');
  }
  return out;
}

beforeEach(async () => {
  forgetSteps(1);
  await forgetTab(1);
  frames.clear();
});

describe('stepInTab', () => {
  it('steps through the top frame, then each frame with names, then round to the top; one card open at a time', async () => {
    const tab = { 0: ['a', 'b'], 3: ['c'], 5: [], 9: ['a', 'd'] };
    for (const [id, mentions] of Object.entries(tab)) frames.set(Number(id), { mentions, open: -1 });
    reported(tab);
    expect(await steps(7)).toEqual(['0:0', '0:1', '3:0', '9:0', '9:1', '0:0', '0:1']);
  });

  it('with a modal dialog open in the top frame, only the top frame is stepped (its frames are behind the dialog); closed, the frames again', async () => {
    const tab = { 0: ['a', 'b'], 3: ['c'] };
    for (const [id, mentions] of Object.entries(tab)) frames.set(Number(id), { mentions, open: -1 });
    reported(tab);
    frames.get(0)!.modal = true;
    expect(await steps(3)).toEqual(['0:0', '0:1', '0:0']);
    frames.get(0)!.modal = false;
    expect(await steps(2)).toEqual(['0:1', '3:0']);
  });

  it('one entity: only the frames that name it, and a page with a single mention keeps it', async () => {
    const tab = { 0: ['b'], 3: ['a', 'c', 'a'], 9: ['a'] };
    for (const [id, mentions] of Object.entries(tab)) frames.set(Number(id), { mentions, open: -1 });
    reported(tab);
    expect(await steps(5, 'a')).toEqual(['3:0', '3:2', '9:0', '3:0', '3:2']);
    forgetSteps(1);
    await forgetTab(1);
    reported(tab);
    for (const f of frames.values()) f.open = -1;
    expect(await steps(2, 'b')).toEqual(['0:0', '0:0']);
  });

  it('a frame that is gone, or a tab with no names, is stepped past without error', async () => {
    frames.set(0, { mentions: [], open: -1 });
    reported({ 0: [], 4: ['a'] });
    expect(await steps(1)).toEqual(['none']);
    frames.set(4, { mentions: ['a'], open: -1 });
    expect(await steps(2)).toEqual(['4:0', '4:0']);
  });
});
