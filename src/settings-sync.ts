/**
 * How settings are laid out in `storage.sync`, whose quotas are 8,192 bytes per item and
 * 102,400 bytes in all: the settings object without its site list in one item, and the list of
 * sites where Gloss is off split across `sites:N` items that each stay under the per-item quota.
 * Pure, so the layout and its limits are unit-tested.
 */
import type { Settings } from './settings';

export const SETTINGS_KEY = 'settings';
export const SITES_PREFIX = 'sites:';
/** Per-item quota minus room for the key and JSON overhead. */
const ITEM_BUDGET = 8192 - 256;
/** Leave room for the settings item itself under the 100 KiB total. */
export const SITES_BUDGET = 102_400 - 8192;

export interface SyncLayout {
  items: Record<string, unknown>;
  /** Keys of earlier site chunks that this layout no longer uses. */
  stale: (existing: string[]) => string[];
}

export function toSyncItems(settings: Settings): SyncLayout {
  const { disabledSites, ...rest } = settings;
  const items: Record<string, unknown> = { [SETTINGS_KEY]: { ...rest, disabledSites: [] } };
  let chunk: string[] = [];
  let size = 2;
  let n = 0;
  let total = 0;
  for (const site of disabledSites) {
    const cost = JSON.stringify(site).length + 1;
    if (total + cost > SITES_BUDGET) throw new RangeError(`Too many sites are turned off (${disabledSites.length}); the browser's sync storage holds about ${Math.floor(SITES_BUDGET / 16)}.`);
    if (size + cost > ITEM_BUDGET) {
      items[`${SITES_PREFIX}${n++}`] = chunk;
      chunk = [];
      size = 2;
    }
    chunk.push(site);
    size += cost;
    total += cost;
  }
  if (chunk.length > 0) items[`${SITES_PREFIX}${n++}`] = chunk;
  const used = new Set(Object.keys(items));
  return { items, stale: (existing) => existing.filter((k) => k.startsWith(SITES_PREFIX) && !used.has(k)) };
}

/** Reassembles what storage holds into one raw settings object for the validator. */
export function fromSyncItems(stored: Record<string, unknown>): unknown {
  const raw = stored[SETTINGS_KEY];
  const chunks = Object.keys(stored)
    .filter((k) => k.startsWith(SITES_PREFIX))
    .sort((a, b) => Number(a.slice(SITES_PREFIX.length)) - Number(b.slice(SITES_PREFIX.length)));
  if (chunks.length === 0) return raw;
  const sites = chunks.flatMap((k) => (Array.isArray(stored[k]) ? (stored[k] as unknown[]) : []));
  const base = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const own = Array.isArray(base.disabledSites) ? base.disabledSites : [];
  return { ...base, disabledSites: [...own, ...sites] };
}

/** One key's change, as `storage.onChanged` reports it: no `newValue` when the key was removed. */
export interface SyncChange {
  newValue?: unknown;
}

/**
 * The items after a `storage.onChanged` event: each changed key set to its new value, or removed.
 * A new object; `items` is left as it was.
 */
export function applySyncChanges(items: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, SyncChange>>): Record<string, unknown> {
  const next = { ...items };
  for (const [key, change] of Object.entries(changes)) {
    if ('newValue' in change) next[key] = change.newValue;
    else delete next[key];
  }
  return next;
}
