/**
 * Linked mentions as the worker sends them to a tab (`findMentions` in protocol.ts): entities,
 * reasons and keys once each in tables, mentions as rows of numbers into them. A 20,000-name page
 * is then a few hundred KB of message, not megabytes of repeated names and reasons, and the tab
 * needs no index to read it.
 */
import { categoryAt, type CompiledIndex } from '../knowledge/compile-index';
import type { Category } from '../knowledge/schema';
import type { LinkReason, Mention } from './link-mentions';

export interface WireEntity {
  id: string;
  name: string;
  category: Category;
}

export interface WireMentions {
  entities: WireEntity[];
  reasons: LinkReason[];
  keys: string[];
  /** Per mention, MENTION_FIELDS numbers: block, start, end, entity, reason, key (the last three index the tables). */
  rows: number[];
  /** Mention number → the other entities its name could have meant (indices into `entities`), only where there are any. */
  alternatives: Record<number, number[]>;
}

const MENTION_FIELDS = 6;

/** A mention as the tab uses it: entities by id and name, no index rows. */
export interface ReadMention {
  block: number;
  start: number;
  end: number;
  id: string;
  name: string;
  category: Category;
  /** Normalised surface ("krebs"), the key corrections are stored under. */
  key: string;
  reason: LinkReason;
  /** Other entities this name could have meant, for "Not this one?". */
  alternatives: { id: string; name: string }[];
}

/** Interns values into a table, returning each one's position. */
function table<T>(keyOf: (value: T) => string | number): { list: T[]; at: (value: T) => number } {
  const list: T[] = [];
  const seen = new Map<string | number, number>();
  return {
    list,
    at(value) {
      const key = keyOf(value);
      let i = seen.get(key);
      if (i === undefined) {
        i = list.length;
        list.push(value);
        seen.set(key, i);
      }
      return i;
    },
  };
}

export function encodeMentions(mentions: readonly Mention[], index: CompiledIndex): WireMentions {
  const entities = table<number>((e) => e);
  const reasons = table<LinkReason>((r) => JSON.stringify(r));
  const keys = table<string>((k) => k);
  const rows: number[] = [];
  const alternatives: Record<number, number[]> = {};
  mentions.forEach((m, i) => {
    rows.push(m.block, m.start, m.end, entities.at(m.entity), reasons.at(m.reason), keys.at(m.key));
    if (m.alternatives.length > 0) alternatives[i] = m.alternatives.map((e) => entities.at(e));
  });
  return {
    entities: entities.list.map((e) => ({ id: index.ids.at(e)!, name: index.names.at(e)!, category: categoryAt(index, e) })),
    reasons: reasons.list,
    keys: keys.list,
    rows,
    alternatives,
  };
}

/**
 * Shared by every mention without alternatives (most): two arrays fewer per mention, 20,000 on the
 * 20k-node page. Frozen, so no reader can add to all of them at once.
 */
const NO_ALTERNATIVES: { id: string; name: string }[] = Object.freeze([]) as unknown as { id: string; name: string }[];

/**
 * The tab's side. The message comes from our own worker, but is still read defensively: a row that
 * points outside a table, or at a block the tab did not send, is an error naming the mention.
 */
export function decodeMentions(wire: WireMentions, blockCount: number): ReadMention[] {
  const { entities, reasons, keys, rows, alternatives } = wire;
  if (rows.length % MENTION_FIELDS !== 0) throw new Error(`findMentions: ${rows.length} numbers is not a whole number of mentions`);
  const out: ReadMention[] = [];
  for (let i = 0; i < rows.length / MENTION_FIELDS; i++) {
    const r = i * MENTION_FIELDS;
    const block = rows[r]!;
    const start = rows[r + 1]!;
    const end = rows[r + 2]!;
    const e = rows[r + 3]!;
    const reason = rows[r + 4]!;
    const key = rows[r + 5]!;
    const entity = entities[e];
    if (!(block >= 0 && block < blockCount) || !(start >= 0 && end > start) || !entity || reasons[reason] === undefined || keys[key] === undefined) {
      throw new Error(`findMentions: mention ${i} points outside the blocks or tables sent`);
    }
    const alts = alternatives[i];
    out.push({
      block,
      start,
      end,
      id: entity.id,
      name: entity.name,
      category: entity.category,
      key: keys[key]!,
      reason: reasons[reason]!,
      alternatives: alts ? alts.flatMap((a) => (entities[a] ? [{ id: entities[a].id, name: entities[a].name }] : [])) : NO_ALTERNATIVES,
    });
  }
  return out;
}
