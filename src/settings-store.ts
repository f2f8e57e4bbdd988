/** Reads and writes the settings in `storage.sync`, always through the schema's validator. */
import browser from 'webextension-polyfill';
import { validateSettings, type Settings } from './settings';
import { applySyncChanges, fromSyncItems, SETTINGS_KEY, SITES_PREFIX, toSyncItems } from './settings-sync';

export async function loadSettings(): Promise<Settings> {
  return settingsFrom(await browser.storage.sync.get(null));
}

function settingsFrom(stored: Record<string, unknown>): Settings {
  const { settings, repaired } = validateSettings(fromSyncItems(stored));
  if (repaired.length > 0) console.warn(`Gloss: repaired settings fields from defaults: ${repaired.join(', ')}`);
  return settings;
}

const isSettingsKey = (key: string) => key === SETTINGS_KEY || key.startsWith(SITES_PREFIX);

/**
 * The settings, read once, kept current from `storage.onChanged` (in tabs, the popup and the options
 * page): each change is applied to what was read from the change event itself, so a tab the reader
 * turns on from the popup starts without a second read (a round trip, and ~1 ms of the tab's main
 * thread here). The listener is added before
 * the read; changes that come meanwhile are applied after it, in order. `onChange` is called with the
 * settings after each change to them from then on (at once if one came before it was given).
 */
export function watchSettings(signal: AbortSignal): { initial: Promise<Settings>; onChange: (callback: (s: Settings) => void) => void } {
  let items: Record<string, unknown> | undefined;
  const early: Record<string, browser.Storage.StorageChange>[] = [];
  let callback: ((s: Settings) => void) | undefined;
  let missed = false;
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'sync') return;
    if (!items) {
      early.push(changes);
      return;
    }
    items = applySyncChanges(items, changes);
    if (!Object.keys(changes).some(isSettingsKey)) return;
    if (callback) callback(settingsFrom(items));
    else missed = true;
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  const initial = browser.storage.sync.get(null).then((read) => {
    for (const changes of early) read = applySyncChanges(read, changes);
    items = read;
    return settingsFrom(items);
  });
  return {
    initial,
    onChange(cb) {
      callback = cb;
      if (missed && items) cb(settingsFrom(items));
    },
  };
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
