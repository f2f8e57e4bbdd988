/** The popup's filter: which of the page's entities a reader's query finds. */
import type { EntityCount } from '../src/protocol';

/** Combining marks. A constant: esbuild writes this literal as `new RegExp(…)`, which in a function built a RegExp on each call. */
const MARKS = /\p{M}/gu;

/** Lower case, without accents, spaces collapsed: "nicusor" finds "Nicușor Dan", "cisa" finds "CISA". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The entities whose name, or a form the page writes it in (`EntityCount.seen`: "CISA", "Tesla"),
 * contains the query; all of them for a blank query.
 */
export function filterEntities(entities: readonly EntityCount[], query: string): readonly EntityCount[] {
  const q = searchKey(query);
  if (!q) return entities;
  return entities.filter((e) => searchKey(e.name).includes(q) || (e.seen ?? []).some((form) => searchKey(form).includes(q)));
}
