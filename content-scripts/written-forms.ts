/** How a page writes the entities it names, for the popup's filter (`EntityCount.seen`). */
import { MAX_SEEN, type EntityCount } from '../src/protocol';

/** Soft hyphens and zero-width characters, which sites put inside names. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Adds how the page wrote a mention to `entity.seen`, unless the name already holds it ("Krebs" in
 * "Chris Krebs") or it is there, or MAX_SEEN are: a name broken over lines or with invisible characters is compared as
 * it reads.
 */
export function addWrittenForm(entity: EntityCount, written: string): void {
  if (entity.seen.length >= MAX_SEEN) return;
  const form = written.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const key = form.toLowerCase();
  // "The White House" says no more than "White House".
  const bare = key.startsWith('the ') ? key.slice(4) : key;
  if (!bare || entity.name.toLowerCase().includes(bare) || entity.seen.some((s) => s.toLowerCase() === key)) return;
  entity.seen.push(form.slice(0, 100));
}
