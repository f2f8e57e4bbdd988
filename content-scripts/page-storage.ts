/** What the content script keeps in storage.local: the reader's per-page corrections; and when the packs change. */
import browser from 'webextension-polyfill';
import { CORRECTIONS_PREFIX, LOCAL_KEYS } from '../src/storage-keys';

function pageKey(location: Location): string {
  return `${CORRECTIONS_PREFIX}${location.origin}${location.pathname}${location.search}`;
}

export async function loadCorrections(location: Location): Promise<Map<string, string | null>> {
  const key = pageKey(location);
  const stored = (await browser.storage.local.get(key))[key];
  const map = new Map<string, string | null>();
  if (typeof stored === 'object' && stored !== null) {
    for (const [k, v] of Object.entries(stored)) if (typeof v === 'string' || v === null) map.set(k, v);
  }
  return map;
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
