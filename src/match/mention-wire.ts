/**
 * Linked mentions as the worker sends them to a tab (`findMentions` in protocol.ts): entities,
 * reasons and keys once each in tables, mentions as rows of numbers into them. A 20,000-name page
 * is then a few hundred KB of message, not megabytes of repeated names and reasons, and the tab
 * needs no index to read it.
 */
// Types only from the index: the tab's script reads this module, and the index's code (with the
// matcher's tables behind it) is the worker's.
import type { CompiledIndex } from '../knowledge/compile-index';
import { CATEGORIES, type Category } from '../knowledge/schema';
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
  /**
   * Per mention, MENTION_FIELDS numbers: its block minus the previous mention's (the first's: minus 0),
   * start, length, entity, reason, key (the last three index the tables). Differences and lengths,
   * not blocks and ends: most are one or two digits, and the tab's main thread pays for every byte
   * of the message (~20 µs per KB here, in the browser's messaging, JSON or structured clone alike).
   */
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
  let block = 0;
  mentions.forEach((m, i) => {
    rows.push(m.block - block, m.start, m.end - m.start, entities.at(m.entity), reasons.at(m.reason), keys.at(m.key));
    block = m.block;
    if (m.alternatives.length > 0) alternatives[i] = m.alternatives.map((e) => entities.at(e));
  });
  return {
    entities: entities.list.map((e) => ({ id: index.ids.at(e)!, name: index.names.at(e)!, category: CATEGORIES[index.cats[e]!]! })),
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
 * The tab's side: the worker's answer, checked whole before any of it is used. The message comes
 * from our own worker, but is still read defensively: a row that points outside a table, or at a
 * block the tab did not send, is an error naming the mention. Mentions are then read one by one
 * (`WireMention`), each a single object whose names and reasons stay in the tables.
 */
export class MentionRows {
  readonly count: number;
  /** Each mention's block, made absolute. */
  readonly blocks: Int32Array;

  constructor(
    readonly wire: WireMentions,
    blockCount: number,
  ) {
    const { entities, reasons, keys, rows } = wire;
    if (!Array.isArray(rows) || rows.length % MENTION_FIELDS !== 0) throw new Error(`findMentions: ${rows?.length} numbers is not a whole number of mentions`);
    this.count = rows.length / MENTION_FIELDS;
    this.blocks = new Int32Array(this.count);
    for (let i = 0, block = 0, r = 0; i < this.count; i++, r += MENTION_FIELDS) {
      block += rows[r]!;
      const start = rows[r + 1]!;
      const length = rows[r + 2]!;
      if (
        !(Number.isInteger(block) && block >= 0 && block < blockCount) || !(Number.isInteger(start) && start >= 0) || !(Number.isInteger(length) && length > 0) ||
        !entities[rows[r + 3]!] || reasons[rows[r + 4]!] === undefined || keys[rows[r + 5]!] === undefined
      ) {
        throw new Error(`findMentions: mention ${i} points outside the blocks or tables sent`);
      }
      this.blocks[i] = block;
    }
  }
}

/** Mention `i` of checked rows, as the tab reads it: its entity's id and name, key and reason from the tables. */
export class WireMention implements ReadMention {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly #rows: MentionRows;
  readonly #i: number;
  readonly #entity: WireEntity;

  constructor(rows: MentionRows, i: number) {
    const r = i * MENTION_FIELDS;
    const numbers = rows.wire.rows;
    this.block = rows.blocks[i]!;
    this.start = numbers[r + 1]!;
    this.end = this.start + numbers[r + 2]!;
    this.#entity = rows.wire.entities[numbers[r + 3]!]!;
    this.#rows = rows;
    this.#i = i;
  }

  get id(): string {
    return this.#entity.id;
  }

  get name(): string {
    return this.#entity.name;
  }

  get category(): Category {
    return this.#entity.category;
  }

  get key(): string {
    return this.#rows.wire.keys[this.#rows.wire.rows[this.#i * MENTION_FIELDS + 5]!]!;
  }

  get reason(): LinkReason {
    return this.#rows.wire.reasons[this.#rows.wire.rows[this.#i * MENTION_FIELDS + 4]!]!;
  }

  get alternatives(): { id: string; name: string }[] {
    const { entities, alternatives } = this.#rows.wire;
    const alts = alternatives[this.#i];
    return alts ? alts.flatMap((a) => (entities[a] ? [{ id: entities[a].id, name: entities[a].name }] : [])) : NO_ALTERNATIVES;
  }
}
