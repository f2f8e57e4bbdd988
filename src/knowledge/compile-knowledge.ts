/**
 * The build's knowledge step: a knowledge file → the alias index the worker matches with
 * and the card-detail shards the worker reads by id. Pure: build.mjs does the file I/O.
 */
import { DETAIL_SHARDS, shardOf, toCardDetails, type CardDetails } from './card-details';
import { compileIndex, type PlainIndex } from './compile-index';
import type { KnowledgeFile, Source } from './schema';

export interface CompiledKnowledge {
  index: PlainIndex;
  shards: Record<string, CardDetails>[];
  /** For the credits screen. */
  sources: Source[];
}

export function compileKnowledge(file: KnowledgeFile): CompiledKnowledge {
  const sources = new Map<string, Source>(file.sources.map((s) => [s.id, s]));
  const shards: Record<string, CardDetails>[] = Array.from({ length: DETAIL_SHARDS }, () => ({}));
  for (const entity of file.entities) shards[shardOf(entity.id)]![entity.id] = toCardDetails(entity, sources);
  const index = compileIndex(file.entities);
  if (file.firstNames) index.givenNames = file.firstNames;
  return { index, shards, sources: file.sources };
}
