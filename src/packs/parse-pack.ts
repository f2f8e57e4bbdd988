/**
 * Parses and validates a knowledge pack file before anything is stored. A pack is
 * `{ "version": 1, "name": "...", "sources"?: [...], "entities": [...] }` (or a bare array of
 * entities) in the bundled knowledge's schema; `sources` may be left out of entities (the pack
 * itself is then their source). Every problem is listed with file, entity and field; one
 * problem rejects the whole pack.
 */
import type { Entity, Source } from '../knowledge/schema';
import { validateEntity, validateKnowledge, type KnowledgeError } from '../knowledge/validate-entity';
import { isRecord } from '../is-record';

export const PACK_LIMITS = {
  /** storage.local holds 10 MB without the unlimitedStorage permission, which Gloss does not ask for. */
  maxBytes: 5 * 1024 * 1024,
  maxEntities: 20_000,
  maxNameLength: 80,
  /** Problems listed before the list is cut short. */
  maxProblems: 200,
} as const;

export interface PackProblem {
  where: string;
  message: string;
}

export type ParsedPack = { ok: true; name: string; entities: Entity[]; sources: Source[] } | { ok: false; problems: PackProblem[] };


export function parsePack(text: string, fileName: string): ParsedPack {
  const fail = (message: string, where = fileName): ParsedPack => ({ ok: false, problems: [{ where, message }] });
  if (text.length > PACK_LIMITS.maxBytes) {
    return fail(`file is ${(text.length / 1024 / 1024).toFixed(1)} MB; packs may be at most ${PACK_LIMITS.maxBytes / 1024 / 1024} MB`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const body = Array.isArray(raw) ? { entities: raw } : raw;
  if (!isRecord(body)) return fail('a pack must be a JSON object with an "entities" array');
  if (!Array.isArray(body.entities)) return fail('field "entities" must be an array of entities');
  if (body.entities.length === 0) return fail('field "entities" is empty');
  if (body.entities.length > PACK_LIMITS.maxEntities) {
    return fail(`${body.entities.length} entities; a pack may hold at most ${PACK_LIMITS.maxEntities}`);
  }
  const fallbackName = fileName.replace(/\.json$/i, '').slice(0, PACK_LIMITS.maxNameLength) || 'pack';
  if (body.name !== undefined && (typeof body.name !== 'string' || !body.name.trim() || body.name.length > PACK_LIMITS.maxNameLength)) {
    return fail(`field "name" must be a non-empty string of at most ${PACK_LIMITS.maxNameLength} characters`);
  }
  const name = typeof body.name === 'string' ? body.name.trim() : fallbackName;
  const packSource: Source = { id: 'pack', name: `Knowledge pack “${name}”`, url: '', licence: 'the pack author’s' };

  const problems: PackProblem[] = [];
  const sources: Source[] = [packSource];
  if (body.sources !== undefined) {
    if (!Array.isArray(body.sources)) problems.push({ where: `${fileName}: field sources`, message: 'must be an array' });
    else {
      body.sources.forEach((s, i) => {
        if (isRecord(s) && typeof s.id === 'string' && typeof s.name === 'string' && typeof s.url === 'string' && typeof s.licence === 'string') {
          sources.push({ id: s.id, name: s.name, url: s.url, licence: s.licence });
        } else problems.push({ where: `${fileName}: field sources[${i}]`, message: 'needs string id, name, url and licence' });
      });
    }
  }

  const entities: Entity[] = [];
  body.entities.forEach((item, index) => {
    // Entities may leave out `sources`: the pack itself is their source.
    const withSource = isRecord(item) && item.sources === undefined ? { ...item, sources: ['pack'] } : item;
    const { entity, errors } = validateEntity(withSource, { file: fileName, index });
    for (const e of errors) problems.push(toProblem(e));
    if (entity) entities.push(entity);
  });
  if (problems.length === 0) {
    const knownSources = new Set(sources.map((s) => s.id));
    for (const e of validateKnowledge(entities, { file: fileName, sources: knownSources, allowUnresolvedRelated: true })) {
      problems.push(toProblem(e));
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, PACK_LIMITS.maxProblems);
    if (problems.length > shown.length) shown.push({ where: fileName, message: `…and ${problems.length - shown.length} more problems` });
    return { ok: false, problems: shown };
  }
  return { ok: true, name, entities, sources };
}

function toProblem(e: KnowledgeError): PackProblem {
  return { where: `${e.file}: entity ${e.entityId ?? '?'}: field ${e.field}`, message: e.message };
}
