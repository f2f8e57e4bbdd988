/** Card details of the entities in the reader's enabled knowledge packs (storage.local), by id. */
import browser from 'webextension-polyfill';
import type { CardDetails } from '../knowledge/card-details';

export const PACK_DETAILS_KEY = 'packDetails';

export async function packDetails(): Promise<ReadonlyMap<string, CardDetails>> {
  const stored = (await browser.storage.local.get(PACK_DETAILS_KEY))[PACK_DETAILS_KEY];
  if (typeof stored !== 'object' || stored === null) return new Map();
  return new Map(Object.entries(stored as Record<string, CardDetails>));
}
