/** What the content script reads and keeps in storage.local: the reader's per-page corrections; and when the packs change. */
import browser from 'webextension-polyfill';
import { LOCAL_KEYS } from '../src/storage-keys';
import { legacyPageKey, pageKey } from './page-key';

/**
 * What a tab reads from storage.local before it starts: the reader's corrections for this page, and
 * whether to write timings (`LOCAL_KEYS.devTimings`), in one read.
 */
export async function loadPageState(location: Location): Promise<{ corrections: Map<string, string | null>; devTimings: boolean }> {
  const key = pageKey(location);
  // Corrections made before tracking parameters were left out of the key are under the full address.
  const legacy = legacyPageKey(location);
  const read = await browser.storage.local.get(legacy ? [key, legacy, LOCAL_KEYS.devTimings] : [key, LOCAL_KEYS.devTimings]);
  const stored = read[key] ?? (legacy ? read[legacy] : undefined);
  const corrections = new Map<string, string | null>();
  if (typeof stored === 'object' && stored !== null) {
    for (const [k, v] of Object.entries(stored)) if (typeof v === 'string' || v === null) corrections.set(k, v);
  }
  return { corrections, devTimings: read[LOCAL_KEYS.devTimings] === true };
}

export function saveCorrections(location: Location, corrections: Map<string, string | null>): void {
  void browser.storage.local.set({ [pageKey(location)]: Object.fromEntries(corrections) }).catch((e: unknown) => {
    console.warn('Gloss: could not save your correction:', e);
  });
}

/** Calls back when the reader's enabled packs change (the worker reads them; the tab only re-annotates). */
export function onPackIndexChanged(callback: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && LOCAL_KEYS.packIndex in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
