/** Reads and writes the settings in `storage.sync`, always through the schema's validator. */
import browser from 'webextension-polyfill';
import { validateSettings, type Settings } from './settings';
import { fromSyncItems, SETTINGS_KEY, SITES_PREFIX, toSyncItems } from './settings-sync';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(null);
  const { settings, repaired } = validateSettings(fromSyncItems(stored));
  if (repaired.length > 0) console.warn(`Gloss: repaired settings fields from defaults: ${repaired.join(', ')}`);
  return settings;
}

/**
 * Applies a change to the stored settings. Quota errors (too many sites turned off, sync quota
 * exceeded) reject with a message for the caller to show; nothing is half-written then.
 */
export async function updateSettings(change: (s: Settings) => void): Promise<Settings> {
  const settings = await loadSettings();
  change(settings);
  const { settings: valid } = validateSettings(settings);
  const layout = toSyncItems(valid);
  const existing = Object.keys(await browser.storage.sync.get(null));
  await browser.storage.sync.set(layout.items);
  const stale = layout.stale(existing);
  if (stale.length > 0) await browser.storage.sync.remove(stale);
  return valid;
}

export function onSettingsChanged(callback: (s: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'sync' || !Object.keys(changes).some((k) => k === SETTINGS_KEY || k.startsWith(SITES_PREFIX))) return;
    void loadSettings().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
