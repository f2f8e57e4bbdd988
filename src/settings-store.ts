/** Reads and writes the settings in `storage.sync`, always through the schema's validator. */
import browser from 'webextension-polyfill';
import { validateSettings, type Settings } from './settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(KEY);
  const { settings, repaired } = validateSettings(stored[KEY]);
  if (repaired.length > 0) console.warn(`Gloss: repaired settings fields from defaults: ${repaired.join(', ')}`);
  return settings;
}

/** Applies a change to the stored settings. Quota errors propagate to the caller, which shows them. */
export async function updateSettings(change: (s: Settings) => void): Promise<Settings> {
  const settings = await loadSettings();
  change(settings);
  const { settings: valid } = validateSettings(settings);
  await browser.storage.sync.set({ [KEY]: valid });
  return valid;
}

export function onSettingsChanged(callback: (s: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'sync' && KEY in changes) callback(validateSettings(changes[KEY]!.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
