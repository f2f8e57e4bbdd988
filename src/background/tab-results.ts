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

async function read(tabId: number): Promise<StoredTab | undefined> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as StoredTab | undefined;
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
export async function recordFrame(tabId: number, frameId: number, report: { url: string; host: string; entities: EntityCount[] }): Promise<number> {
  let tab = await read(tabId);
  if (!tab || (frameId === 0 && tab.url !== report.url)) tab = { url: report.url, host: report.host, frames: {} };
  if (frameId === 0) {
    tab.url = report.url;
    tab.host = report.host;
  }
  tab.frames[String(frameId)] = report.entities;
  memory.set(tabId, tab);
  await browser.storage.session.set({ [key(tabId)]: tab });
  return countsById(tab).size;
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

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
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
