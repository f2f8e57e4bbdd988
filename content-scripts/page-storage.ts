/** What the content script keeps in storage.local: the reader's per-page corrections and the packs' index. */
import browser from 'webextension-polyfill';
import type { CompiledIndex } from '../src/knowledge/compile-index';
import { readStoredPackIndex, type StoredPackIndex } from '../src/knowledge/packed-index';
import { CORRECTIONS_PREFIX, LOCAL_KEYS } from '../src/storage-keys';

const PACK_INDEX_KEY = LOCAL_KEYS.packIndex;

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

export async function loadPackIndex(): Promise<CompiledIndex | undefined> {
  const stored = (await browser.storage.local.get(PACK_INDEX_KEY))[PACK_INDEX_KEY];
  return typeof stored === 'object' && stored !== null ? readStoredPackIndex(stored as StoredPackIndex) : undefined;
}

export function onPackIndexChanged(callback: (index: CompiledIndex | undefined) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(PACK_INDEX_KEY in changes)) return;
    const stored = changes[PACK_INDEX_KEY]!.newValue as StoredPackIndex | undefined;
    callback(typeof stored === 'object' && stored !== null ? readStoredPackIndex(stored) : undefined);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
