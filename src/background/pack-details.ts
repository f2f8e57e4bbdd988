/** Card details of the entities in the reader's enabled knowledge packs (storage.local), by id. */
import browser from 'webextension-polyfill';
import type { CardDetails } from '../knowledge/card-details';
import { LOCAL_KEYS } from '../storage-keys';

export async function packDetails(): Promise<ReadonlyMap<string, CardDetails>> {
  const stored = (await browser.storage.local.get(LOCAL_KEYS.packDetails))[LOCAL_KEYS.packDetails];
  if (typeof stored !== 'object' || stored === null) return new Map();
  return new Map(Object.entries(stored as Record<string, CardDetails>));
}
