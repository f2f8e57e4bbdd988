/**
 * The content script's settings: read once, then kept current from `storage.onChanged` events alone
 * (`watchSettings`), with changes that come while the first read is under way applied after it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaults } from '../../src/settings';
import { applySyncChanges, fromSyncItems, toSyncItems, type SyncChange } from '../../src/settings-sync';
import { validateSettings } from '../../src/settings';

type Listener = (changes: Record<string, SyncChange>, area: string) => void;
const fake = vi.hoisted(() => ({
  stored: {} as Record<string, unknown>,
  listeners: [] as ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[],
  reads: 0,
  /** Resolves the pending read with what `stored` holds then. */
  pending: [] as (() => void)[],
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      sync: {
        get: () => {
          fake.reads++;
          return new Promise((resolve) => fake.pending.push(() => resolve(structuredClone(fake.stored))));
        },
      },
      onChanged: {
        addListener: (l: Listener) => fake.listeners.push(l),
        removeListener: (l: Listener) => fake.listeners.splice(fake.listeners.indexOf(l), 1),
      },
    },
  },
}));
const { watchSettings } = await import('../../src/settings-store');

/** Writes items as `storage.sync.set`/`remove` would, and reports the change to the listeners. */
function write(set: Record<string, unknown>, remove: string[] = [], area = 'sync'): void {
  const changes: Record<string, SyncChange> = {};
  for (const [k, v] of Object.entries(set)) {
    fake.stored[k] = v;
    changes[k] = { newValue: v };
  }
  for (const k of remove) {
    delete fake.stored[k];
    changes[k] = {};
  }
  for (const l of [...fake.listeners]) l(changes, area);
}

/** Writes settings in the sync layout, removing site chunks the new layout no longer uses. */
function writeSettings(sites: string[], enabled = true): void {
  const layout = toSyncItems({ ...defaults, enabled, disabledSites: sites });
  write(layout.items, layout.stale(Object.keys(fake.stored)));
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fake.stored = {};
  fake.listeners.length = 0;
  fake.reads = 0;
  fake.pending.length = 0;
});

describe('applySyncChanges', () => {
  it('sets changed keys, removes removed ones, and leaves the items it was given as they were', () => {
    const items = { settings: { a: 1 }, 'sites:0': ['a.example'], 'sites:1': ['b.example'] };
    const next = applySyncChanges(items, { 'sites:0': { newValue: ['c.example'] }, 'sites:1': {}, other: { newValue: 2 } });
    expect(next).toEqual({ settings: { a: 1 }, 'sites:0': ['c.example'], other: 2 });
    expect(items).toEqual({ settings: { a: 1 }, 'sites:0': ['a.example'], 'sites:1': ['b.example'] });
  });

  it('gives the settings a full read would give, through a long site list shrinking and growing', () => {
    let items: Record<string, unknown> = {};
    const sites = (n: number) => Array.from({ length: n }, (_, i) => `site-${i}.example.org`);
    for (const n of [0, 2000, 3, 1500, 0]) {
      const before = Object.keys(items);
      const layout = toSyncItems({ ...defaults, disabledSites: sites(n) });
      const changes: Record<string, SyncChange> = {};
      for (const [k, v] of Object.entries(layout.items)) changes[k] = { newValue: v };
      for (const k of layout.stale(before)) changes[k] = {};
      items = applySyncChanges(items, changes);
      expect(validateSettings(fromSyncItems(items)).settings.disabledSites).toEqual(sites(n));
    }
  });
});

describe('watchSettings', () => {
  it('reads storage once, then follows changes from their events alone', async () => {
    writeSettings(['a.example']);
    const life = new AbortController();
    const watched = watchSettings(life.signal);
    fake.pending.shift()!();
    expect((await watched.initial).disabledSites).toEqual(['a.example']);
    const seen: string[][] = [];
    watched.onChange((s) => seen.push(s.disabledSites));
    writeSettings([]);
    writeSettings(['b.example', 'c.example']);
    write({ unrelated: 1 });
    expect(seen).toEqual([[], ['b.example', 'c.example']]);
    expect(fake.reads).toBe(1);
    life.abort();
    writeSettings(['d.example']);
    expect(seen).toHaveLength(2);
  });

  it('applies changes that come while the first read is under way, whether or not the read saw them', async () => {
    writeSettings(['a.example']);
    const watched = watchSettings(new AbortController().signal);
    // One change before the read is served (it sees it), one after (it does not).
    writeSettings(['b.example']);
    fake.pending.shift()!();
    writeSettings(['c.example']);
    expect((await watched.initial).disabledSites).toEqual(['c.example']);
    await flush();
    expect(fake.reads).toBe(1);
  });

  it('reports a change that came before its callback was given, once given; ignores other areas', async () => {
    writeSettings([]);
    const watched = watchSettings(new AbortController().signal);
    fake.pending.shift()!();
    await watched.initial;
    write({ settings: { ...defaults, enabled: false, disabledSites: [] } }, [], 'local');
    writeSettings([], false);
    const seen: boolean[] = [];
    watched.onChange((s) => seen.push(s.enabled));
    expect(seen).toEqual([false]);
  });
});
