/**
 * Card details by id: the bundled shards (`knowledge/details-NN.json`, written by the build) read
 * on demand, with an LRU of records so a worker wake answers repeat lookups from memory.
 */
import browser from 'webextension-polyfill';
import { shardOf, type CardDetails } from '../knowledge/card-details';
import { Lru } from '../lru';

const DETAILS_CACHE_SIZE = 1000;
const cache = new Lru<string, CardDetails | null>(DETAILS_CACHE_SIZE);
const shardLoads = new Map<number, Promise<Record<string, CardDetails>>>();

function loadShard(shard: number): Promise<Record<string, CardDetails>> {
  let load = shardLoads.get(shard);
  if (!load) {
    const url = browser.runtime.getURL(`knowledge/details-${String(shard).padStart(2, '0')}.json`);
    load = fetch(url).then((r) => r.json() as Promise<Record<string, CardDetails>>);
    // Only the in-flight promise is kept: records live in the LRU, not in whole shards.
    void load.finally(() => shardLoads.delete(shard));
    shardLoads.set(shard, load);
  }
  return load;
}

export async function getDetails(ids: readonly string[], overrides: ReadonlyMap<string, CardDetails>): Promise<Record<string, CardDetails | null>> {
  const out: Record<string, CardDetails | null> = {};
  await Promise.all(
    ids.map(async (id) => {
      const own = overrides.get(id);
      if (own) {
        out[id] = own;
        return;
      }
      const cached = cache.get(id);
      if (cached !== undefined) {
        out[id] = cached;
        return;
      }
      const shard = await loadShard(shardOf(id));
      const record = Object.hasOwn(shard, id) ? shard[id]! : null;
      cache.set(id, record);
      out[id] = record;
    }),
  );
  return out;
}

/** Which ids the bundled knowledge itself has, whatever packs override. */
export async function bundledIds(ids: readonly string[]): Promise<string[]> {
  const known: string[] = [];
  for (const id of ids) {
    const shard = await loadShard(shardOf(id));
    if (Object.hasOwn(shard, id)) known.push(id);
  }
  return known;
}
