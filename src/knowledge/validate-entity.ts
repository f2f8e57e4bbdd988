/**
 * The runtime validator for entities from any source: the bundled knowledge at build time, and
 * readers' knowledge packs at import. Pure (no browser or Node APIs), never throws, and names the
 * file, entity and field of every problem.
 */
import { ALIAS_KINDS, CATEGORIES, CONTEXT_GROUPS, ENTITY_TYPES, type Alias, type Entity, type EntityType } from './schema';
import { isRecord } from '../is-record';

export interface KnowledgeError {
  file: string;
  /** The entity's id, or `#<index>` when it has none. */
  entityId: string;
  /** Path of the field inside the entity ("aliases[2].text"). */
  field: string;
  message: string;
}

/**
 * Documented limits for any knowledge (bundled or a pack). They bound the work one malformed or
 * hostile pack can cause (the index and the cards are built from these strings) and keep cards readable.
 */
export const KNOWLEDGE_LIMITS = {
  /** Entities in one file or pack. */
  maxEntities: 100_000,
  /** Aliases of one entity. */
  maxAliases: 64,
  /** Facts of one entity. */
  maxFacts: 32,
  /** Links of one entity. */
  maxLinks: 8,
  /** Items in each hints list (context, related, titles) and in `sources`. */
  maxHints: 64,
  /** Characters of an id. */
  maxIdLength: 120,
  /** Characters of a name or a link label. */
  maxNameLength: 200,
  /** Characters of an alias or a hint. */
  maxAliasLength: 120,
  /** Characters of a description. */
  maxDescriptionLength: 2000,
  /** Characters of a fact's label or value. */
  maxFactLength: 300,
  /** Characters of a URL. */
  maxUrlLength: 2000,
} as const;

export const MAX_ENTITIES = KNOWLEDGE_LIMITS.maxEntities;
export const MAX_ALIASES = KNOWLEDGE_LIMITS.maxAliases;

const ID = /^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9._-]*$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function formatError(e: KnowledgeError): string {
  return `${e.file}: entity ${e.entityId}: field ${e.field}: ${e.message}`;
}


/** Validates one entity; returns it (normalised) only when it has no errors. */
export function validateEntity(raw: unknown, where: { file: string; index: number }): { entity?: Entity; errors: KnowledgeError[] } {
  try {
    return check(raw, where);
  } catch (e) {
    // Only exotic input (getters that throw, proxies) gets here: report it rather than throw.
    return { errors: [{ file: where.file, entityId: `#${where.index}`, field: '(entity)', message: `could not be read (${e instanceof Error ? e.message : String(e)})` }] };
  }
}

function check(raw: unknown, where: { file: string; index: number }): { entity?: Entity; errors: KnowledgeError[] } {
  const errors: KnowledgeError[] = [];
  const entityId = isRecord(raw) && typeof raw.id === 'string' && raw.id ? raw.id.slice(0, KNOWLEDGE_LIMITS.maxIdLength) : `#${where.index}`;
  const err = (field: string, message: string) => errors.push({ file: where.file, entityId, field, message });
  if (!isRecord(raw)) {
    err('(entity)', 'must be an object');
    return { errors };
  }
  const str = (field: string, value: unknown, max: number, required = true): value is string => {
    if (value === undefined && !required) return false;
    if (typeof value !== 'string') err(field, required && value === undefined ? 'is required' : 'must be a string');
    else if (!value.trim()) err(field, 'must not be empty');
    else if (value.length > max) err(field, `is ${value.length} characters; at most ${max}`);
    else return true;
    return false;
  };
  const date = (field: string, value: unknown, required: boolean) => {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || !DATE.test(value)) err(field, value === undefined ? 'is required (YYYY-MM-DD)' : 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD');
    else if (!isRealDate(value)) err(field, `must be a date: "${value}" is not a day of the calendar`);
  };
  const https = (field: string, value: unknown) => {
    if (!str(field, value, KNOWLEDGE_LIMITS.maxUrlLength)) return;
    try {
      if (new URL(value as string).protocol !== 'https:') err(field, 'must be an https: URL');
    } catch {
      err(field, 'must be a valid https: URL');
    }
  };
  const list = (field: string, value: unknown, max: number, required: boolean): unknown[] => {
    if (value === undefined && !required) return [];
    if (!Array.isArray(value)) {
      err(field, value === undefined ? 'is required' : 'must be an array');
      return [];
    }
    if (value.length > max) err(field, `has ${value.length} items; at most ${max}`);
    return value.slice(0, max);
  };

  if (str('id', raw.id, KNOWLEDGE_LIMITS.maxIdLength) && !ID.test(raw.id as string)) {
    err('id', 'must be "<namespace>:<key>" in lower case (letters, digits, "-", ".", "_")');
  }
  if (typeof raw.type !== 'string' || !Object.hasOwn(ENTITY_TYPES, raw.type)) {
    err('type', `must be one of ${Object.keys(ENTITY_TYPES).join(', ')}`);
  }
  // The linker tells a team from its id (`teams-by-place.ts`), so the two must agree.
  if (typeof raw.id === 'string' && (raw.type === 'team') !== raw.id.startsWith('team:')) {
    err('id', raw.type === 'team' ? 'of a team must be in the "team:" namespace ("team:boston-bruins")' : 'in the "team:" namespace is for records of type "team"');
  }
  if (raw.category !== undefined && (typeof raw.category !== 'string' || !(CATEGORIES as readonly string[]).includes(raw.category))) {
    err('category', `must be one of ${CATEGORIES.join(', ')}`);
  }
  str('name', raw.name, KNOWLEDGE_LIMITS.maxNameLength);
  str('description', raw.description, KNOWLEDGE_LIMITS.maxDescriptionLength);
  date('asOf', raw.asOf, true);

  const aliases = list('aliases', raw.aliases, KNOWLEDGE_LIMITS.maxAliases, true);
  if (Array.isArray(raw.aliases) && raw.aliases.length === 0) err('aliases', 'must list at least one alias');
  aliases.forEach((a, i) => {
    const f = `aliases[${i}]`;
    if (!isRecord(a)) return err(f, 'must be an object with text and kind');
    if (str(`${f}.text`, a.text, KNOWLEDGE_LIMITS.maxAliasLength)) {
      const letters = [...(a.text as string).replace(/[^\p{L}\p{N}]/gu, '')].length;
      if (letters === 0) err(`${f}.text`, 'must have at least two letters or digits; it has none (an alias is plain text, not a pattern)');
      else if (letters < 2) err(`${f}.text`, 'must have at least two letters or digits (one-letter aliases match everywhere)');
    }
    if (typeof a.kind !== 'string' || !(ALIAS_KINDS as readonly string[]).includes(a.kind)) err(`${f}.kind`, `must be one of ${ALIAS_KINDS.join(', ')}`);
    for (const flag of ['caseSensitive', 'needsContext', 'commonWord', 'standalone', 'domestic'] as const) {
      if (a[flag] !== undefined && typeof a[flag] !== 'boolean') err(`${f}.${flag}`, 'must be true or false');
    }
  });

  const links = list('links', raw.links, KNOWLEDGE_LIMITS.maxLinks, true);
  if (Array.isArray(raw.links) && raw.links.length === 0) err('links', 'must list at least one link a reader can check');
  links.forEach((l, i) => {
    if (!isRecord(l)) return err(`links[${i}]`, 'must be an object with label and url');
    str(`links[${i}].label`, l.label, KNOWLEDGE_LIMITS.maxNameLength);
    https(`links[${i}].url`, l.url);
  });

  list('facts', raw.facts, KNOWLEDGE_LIMITS.maxFacts, false).forEach((fact, i) => {
    const f = `facts[${i}]`;
    if (!isRecord(fact)) return err(f, 'must be an object');
    str(`${f}.label`, fact.label, KNOWLEDGE_LIMITS.maxFactLength);
    str(`${f}.value`, fact.value, KNOWLEDGE_LIMITS.maxFactLength);
    date(`${f}.asOf`, fact.asOf, true);
    date(`${f}.from`, fact.from, false);
    date(`${f}.to`, fact.to, false);
    if (fact.source !== undefined) https(`${f}.source`, fact.source);
  });

  const sources = list('sources', raw.sources, KNOWLEDGE_LIMITS.maxHints, true);
  if (Array.isArray(raw.sources) && raw.sources.length === 0) err('sources', 'must name at least one source');
  sources.forEach((s, i) => void (typeof s !== 'string' || !s ? err(`sources[${i}]`, 'must be a source id') : undefined));

  if (raw.hints !== undefined) {
    if (!isRecord(raw.hints)) err('hints', 'must be an object');
    else {
      for (const key of ['context', 'related', 'titles'] as const) {
        list(`hints.${key}`, raw.hints[key], KNOWLEDGE_LIMITS.maxHints, false).forEach((h, i) => {
          if (typeof h !== 'string' || !h.trim() || h.length > KNOWLEDGE_LIMITS.maxAliasLength) err(`hints.${key}[${i}]`, 'must be a short non-empty string');
          else if (key === 'context' && h.startsWith('#') && !Object.hasOwn(CONTEXT_GROUPS, h.slice(1))) {
            err(`hints.${key}[${i}]`, `names no list of context words: "${h}" (there are ${Object.keys(CONTEXT_GROUPS).map((g) => `#${g}`).join(', ')})`);
          }
        });
      }
    }
  }
  if (raw.salience !== undefined && (typeof raw.salience !== 'number' || !(raw.salience >= 0 && raw.salience <= 1))) err('salience', 'must be a number from 0 to 1');
  if (raw.status !== undefined && raw.status !== 'current' && raw.status !== 'former') err('status', 'must be "current" or "former"');
  if (raw.refs !== undefined && (!isRecord(raw.refs) || Object.values(raw.refs).some((v) => typeof v !== 'string'))) err('refs', 'must map names to string ids');

  if (errors.length > 0) return { errors };
  const entity = { ...raw, aliases: (raw.aliases as Alias[]).map((a) => ({ ...a, text: a.text.trim() })) } as unknown as Entity;
  entity.type = raw.type as EntityType;
  return { entity, errors };
}

export interface KnowledgeOptions {
  /** Named in every error. */
  file: string;
  /** Source ids entities may cite. */
  sources: ReadonlySet<string>;
  /** A pack's related ids may point into the bundled knowledge, which the pack does not hold. */
  allowUnresolvedRelated?: boolean;
  /** Ids outside `entities` that related ids may resolve to. */
  knownIds?: ReadonlySet<string>;
}

/**
 * Checks across entities (run it on entities `validateEntity` accepted; anything else is skipped):
 * the entity count, duplicate ids, source ids and related ids that resolve nowhere. Never throws.
 */
export function validateKnowledge(entities: readonly unknown[], options: KnowledgeOptions): KnowledgeError[] {
  const errors: KnowledgeError[] = [];
  const push = (entityId: string, field: string, message: string) => errors.push({ file: options.file, entityId, field, message });
  if (!Array.isArray(entities)) {
    push('(all)', 'entities', 'must be an array of entities');
    return errors;
  }
  if (entities.length > KNOWLEDGE_LIMITS.maxEntities) push('(all)', 'entities', `${entities.length} entities; at most ${KNOWLEDGE_LIMITS.maxEntities}`);
  const valid = entities.filter((e): e is Entity => isRecord(e) && typeof e.id === 'string' && Array.isArray(e.sources));
  const ids = new Set<string>();
  for (const e of valid) {
    if (ids.has(e.id)) push(e.id, 'id', 'duplicate id');
    ids.add(e.id);
  }
  for (const e of valid) {
    e.sources.forEach((s, i) => {
      if (!options.sources.has(s)) push(e.id, `sources[${i}]`, `unknown source "${String(s)}"`);
    });
    if (options.allowUnresolvedRelated || !isRecord(e.hints) || !Array.isArray(e.hints.related)) continue;
    e.hints.related.forEach((r, i) => {
      if (r === e.id) push(e.id, `hints.related[${i}]`, 'names the entity itself');
      else if (!ids.has(r) && !options.knownIds?.has(r)) push(e.id, `hints.related[${i}]`, `resolves to no entity "${String(r)}"`);
    });
  }
  return errors;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "2025-02-30" is shaped like a date but is none: month 1–12, day within its month (leap years aside). */
function isRealDate(value: string): boolean {
  const [, month, day] = value.split('-').map(Number);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const year = Number(value.slice(0, 4));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!);
}
