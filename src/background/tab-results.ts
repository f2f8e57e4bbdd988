/**
 * What each tab's frames found, kept in `storage.session` so it survives the worker being
 * stopped; the in-memory map is only a speed-up for one wake.
 */
import browser from 'webextension-polyfill';
import { MAX_SEEN, type EntityCount, type TabEntities } from '../protocol';

interface StoredTab {
  url: string;
  host: string;
  frames: Record<string, EntityCount[]>;
}

const key = (tabId: number) => `tab:${tabId}`;
const memory = new Map<number, StoredTab>();

/**
 * Each tab's changes, one after another. A top frame and its subframe report at once on most pages,
 * and the first read of a tab waits on storage: run side by side, both found no record, each made
 * one, and the later write lost the other frame's names (the top frame's address with them).
 */
const queues = new Map<number, Promise<unknown>>();
function inTurn<T>(tabId: number, change: () => Promise<T>): Promise<T> {
  const turn = (queues.get(tabId) ?? Promise.resolve()).then(change, change);
  const settled = turn.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return turn;
}

async function read(tabId: number): Promise<StoredTab | undefined> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as StoredTab | undefined;
  // A change made while storage answered is newer than what it answered.
  const changed = memory.get(tabId);
  if (changed) return changed;
  if (stored) memory.set(tabId, stored);
  return stored;
}

/**
 * Records one frame's report; a top-frame report for a new URL starts the tab afresh (navigation).
 * Returns how many entities the tab's frames found, for the badge: the list is sorted only when the
 * popup asks for it (`tabEntities`). Sorting at each report cost a just-started worker 15–19 ms (CPU
 * profiles of the first page after the worker was stopped), most of it the first `localeCompare`
 * setting up its collator.
 */
export function recordFrame(tabId: number, frameId: number, report: { url: string; host: string; entities: EntityCount[] }): Promise<number> {
  reportedAt.set(tabId, ++reports);
  return inTurn(tabId, async () => {
    let tab = await read(tabId);
    // A subframe's report before the top frame's leaves the tab's address unknown (''): the top frame's
    // first report then keeps it.
    if (!tab || (frameId === 0 && tab.url !== '' && tab.url !== report.url)) tab = { url: '', host: '', frames: {} };
    if (frameId === 0) {
      tab.url = report.url;
      tab.host = report.host;
    }
    tab.frames[String(frameId)] = report.entities;
    memory.set(tabId, tab);
    await browser.storage.session.set({ [key(tabId)]: tab });
    return countsById(tab).size;
  });
}

/** Reports taken in this worker's life, numbered, and each tab's latest: `dropFrames` must not drop what came after it asked. */
let reports = 0;
const reportedAt = new Map<number, number>();

/** The tab's address and the frames its record holds (the top frame always), with a mark for `dropFrames`; undefined without a record. */
export async function recordedFrames(tabId: number): Promise<{ url: string; frames: number[]; mark: number } | undefined> {
  const mark = reportedAt.get(tabId) ?? 0;
  const tab = await read(tabId);
  if (!tab) return undefined;
  const frames = new Set([0, ...Object.keys(tab.frames).map(Number)]);
  return { url: tab.url, frames: [...frames].sort((a, b) => a - b), mark };
}

/**
 * Drops the reports of frames found gone (`live-frames.ts`), unless the tab reported since `mark`; the
 * top frame gone takes the tab's address with it (a browser page, or one Gloss cannot run on, is
 * showing). Returns how many entities are left, for the badge, or undefined when nothing changed.
 */
export function dropFrames(tabId: number, gone: number[], mark: number): Promise<number | undefined> {
  return inTurn(tabId, async () => {
    const tab = await read(tabId);
    if (!tab || (reportedAt.get(tabId) ?? 0) > mark) return undefined;
    for (const frame of gone) delete tab.frames[String(frame)];
    if (gone.includes(0)) tab.url = tab.host = '';
    if (Object.keys(tab.frames).length === 0) {
      await forget(tabId);
      return 0;
    }
    memory.set(tabId, tab);
    await browser.storage.session.set({ [key(tabId)]: tab });
    return countsById(tab).size;
  });
}

export async function tabEntities(tabId: number): Promise<TabEntities | null> {
  const tab = await read(tabId);
  return tab ? merge(tab) : null;
}

/**
 * The frames whose last report has mentions (of `entityId`, if given), the top frame first and the
 * rest in the order the browser numbered them (as they were made, so mostly as the page places them).
 */
export async function framesWith(tabId: number, entityId?: string): Promise<number[]> {
  const tab = await read(tabId);
  if (!tab) return [];
  return Object.entries(tab.frames)
    .filter(([, entities]) => (entityId === undefined ? entities.length > 0 : entities.some((e) => e.id === entityId)))
    .map(([frame]) => Number(frame))
    .sort((a, b) => a - b);
}

export function forgetTab(tabId: number): Promise<void> {
  return inTurn(tabId, () => forget(tabId));
}

async function forget(tabId: number): Promise<void> {
  memory.delete(tabId);
  reportedAt.delete(tabId);
  await browser.storage.session.remove(key(tabId));
}

/** The tab's entities across its frames, each with its mentions summed. */
function countsById(tab: StoredTab): Map<string, EntityCount> {
  const byId = new Map<string, EntityCount>();
  for (const entities of Object.values(tab.frames)) {
    for (const e of entities) {
      const known = byId.get(e.id);
      // `seen` may be missing from a record a previous version stored.
      if (!known) byId.set(e.id, { ...e, seen: (e.seen ?? []).slice(0, MAX_SEEN) });
      else {
        known.count += e.count;
        for (const form of e.seen ?? []) if (known.seen.length < MAX_SEEN && !known.seen.includes(form)) known.seen.push(form);
      }
    }
  }
  return byId;
}

function merge(tab: StoredTab): TabEntities {
  const entities = [...countsById(tab).values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { url: tab.url, host: tab.host, entities };
}
