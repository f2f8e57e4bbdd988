/**
 * The reader's knowledge packs in `storage.local`: import (validated before anything is stored),
 * enable/disable, remove, export. Every change rewrites the compiled pack index and details in the
 * same `set` call, so the worker (which matches with `packIndex`) and tabs (which re-annotate when it changes) never see half a change.
 */
import browser from 'webextension-polyfill';
import { sendToWorker } from '../protocol';
import { LOCAL_KEYS } from '../storage-keys';
import { compilePacks, type StoredPack } from './compile-packs';
import { parsePack, type PackProblem } from './parse-pack';


export async function listPacks(): Promise<StoredPack[]> {
  const stored = (await browser.storage.local.get(LOCAL_KEYS.packs))[LOCAL_KEYS.packs];
  return Array.isArray(stored) ? (stored as StoredPack[]) : [];
}

async function save(packs: StoredPack[]): Promise<void> {
  const { index, details } = compilePacks(packs);
  const write = (packIndex: typeof index) => browser.storage.local.set({ [LOCAL_KEYS.packs]: packs, [LOCAL_KEYS.packIndex]: packIndex, [LOCAL_KEYS.packDetails]: details });
  try {
    await write(index);
  } catch (e) {
    // Near storage.local's quota (10 MB in Chrome), the packs without their compiled trie may still fit:
    // the worker then compiles it when it reads them, which is slower but loses nothing.
    if (index.packedTrie === undefined) throw e;
    console.warn('Gloss: storing the knowledge packs without their compiled trie:', e);
    const { packedTrie: _, ...withoutTrie } = index;
    await write(withoutTrie);
  }
}

/** After an update: the stored pack index in the format this version reads (the trie travels with it now). */
export async function recompilePacks(): Promise<void> {
  const packs = await listPacks();
  if (packs.length > 0) await save(packs);
}

export type ImportResult = { ok: true; pack: StoredPack } | { ok: false; problems: PackProblem[] };

export async function importPack(text: string, fileName: string): Promise<ImportResult> {
  const parsed = parsePack(text, fileName);
  if (!parsed.ok) return parsed;
  const packs = await listPacks();
  const ids = parsed.entities.map((e) => e.id);
  const { known } = await sendToWorker('bundledIds', { ids: ids.slice(0, 5000) });
  const pack: StoredPack = {
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: parsed.name,
    enabled: true,
    importedAt: new Date().toISOString(),
    entities: parsed.entities,
    sources: parsed.sources,
    overrides: known,
  };
  // A pack with the same name replaces the earlier import of it.
  await save([...packs.filter((p) => p.name !== pack.name), pack]);
  return { ok: true, pack };
}

export async function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  await save((await listPacks()).map((p) => (p.id === id ? { ...p, enabled } : p)));
}

export async function removePack(id: string): Promise<void> {
  await save((await listPacks()).filter((p) => p.id !== id));
}

/**
 * Puts a removed pack back as it was, on or off, at its place in the list: where two packs share an
 * entity id, the later one wins, so the place decides what the pages show.
 */
export async function restorePack(pack: StoredPack, at: number): Promise<void> {
  const packs = (await listPacks()).filter((p) => p.id !== pack.id);
  packs.splice(at, 0, pack);
  await save(packs);
}

/** The pack as a JSON file in the import format, ready to share or edit. */
export function exportPack(pack: StoredPack): string {
  return `${JSON.stringify({ version: 1, name: pack.name, sources: pack.sources, entities: pack.entities }, null, 2)}\n`;
}
