/**
 * What a card and the popup show about one entity: the part of an entity the alias index leaves
 * out, stored in shards by id so the worker loads only the shard it needs.
 */
import { categoryOf, type Category, type Entity, type Fact, type Link, type Source } from './schema';

export interface CardDetails {
  id: string;
  name: string;
  category: Category;
  type: string;
  description: string;
  facts: Fact[];
  links: Link[];
  status?: 'current' | 'former';
  asOf: string;
  sources: Pick<Source, 'name' | 'url' | 'licence'>[];
  /** Set for entities from a reader's knowledge pack. */
  pack?: string;
}

export const DETAIL_SHARDS = 32;

/** FNV-1a over the id: the shard a detail record lives in. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % DETAIL_SHARDS;
}

export function toCardDetails(entity: Entity, sources: ReadonlyMap<string, Source>, pack?: string): CardDetails {
  const details: CardDetails = {
    id: entity.id,
    name: entity.name,
    category: categoryOf(entity),
    type: entity.type,
    description: entity.description,
    facts: entity.facts ?? [],
    links: entity.links,
    asOf: entity.asOf,
    sources: sourceLine(entity, sources),
  };
  if (entity.status) details.status = entity.status;
  if (pack !== undefined) details.pack = pack;
  return details;
}

/** The entity's sources by their short names, each once: the Factbook and its appendix are one "CIA World Factbook". */
function sourceLine(entity: Entity, sources: ReadonlyMap<string, Source>): CardDetails['sources'] {
  const shown = new Map<string, CardDetails['sources'][number]>();
  for (const id of entity.sources) {
    const src = sources.get(id);
    if (!src) continue;
    const name = src.label ?? src.name;
    if (!shown.has(name)) shown.set(name, { name, url: src.url, licence: src.licence });
  }
  return [...shown.values()];
}
