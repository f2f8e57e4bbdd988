/**
 * Compiles entities into the compact alias index the worker matches with, kept apart
 * from the card details (descriptions, facts, links), which load lazily by id.
 *
 * The index is plain arrays of strings and numbers; the bundled one ships packed into a few long
 * strings that the worker reads without parsing (`packed-index.ts`).
 */
import { compileTrie, type TriePart } from '../match/alias-trie';
import { ALIAS_KINDS, CATEGORIES, categoryOf, type AliasKind, type Category, type Entity } from './schema';

export const AliasFlag = {
  CaseSensitive: 1 << 3,
  NeedsContext: 1 << 4,
  CommonWord: 1 << 5,
  Standalone: 1 << 6,
  Domestic: 1 << 7,
  /**
   * A state's, a region's or a city's name ("Ohio", "Moscow"), or a place's that another shares ("New
   * York", the city or the state): teams, people and institutions borrow it whole, so it links only where no other capitalised
   * word extends it (`link-mentions.ts`). Not a distinctive place name ("Mar-a-Lago"), which a
   * title-case headline puts among capitalised words ("FBI's Mar-a-Lago Raid").
   */
  LocalPlace: 1 << 8,
  /** A state's or region's name (entity type `region`): after a town's and a comma, the name is this one ("Garrison, New York"). */
  Region: 1 << 9,
  /** A city's name (entity type `city`): before a comma and a state's, it is a town of that state ("Moscow, Idaho"). */
  City: 1 << 10,
} as const;
const KIND_MASK = 0b111;

/**
 * A column of small integers: a plain array when compiled here, the decoded typed array itself when
 * unpacked from the bundle (`packed-index.ts`), which saves a tab copying it into an array.
 */
export type NumberColumn = ArrayLike<number>;

/**
 * A table of text rows, read with `at(row)`: an array when compiled here; when unpacked from the
 * bundle, rows sliced from the packed text on first use (`packed-index.ts`), since a page reads a few
 * hundred of the index's 30,000 and splitting them all cost a tab 5–10 ms, half of it collecting
 * the garbage.
 */
export interface Rows {
  readonly length: number;
  at(row: number): string | undefined;
  /** Every row, for the few who need them all (merging a pack): one native split, not a read per row. */
  toArray?(): string[];
}

export interface CompiledIndex {
  v: 1;
  /** Entity table, one row per index. */
  ids: Rows;
  names: Rows;
  /** Index into CATEGORIES. */
  cats: NumberColumn;
  /** Salience × 100, rounded. */
  sal: NumberColumn;
  /** `|`-joined lower-case lists (empty string when none). */
  titles: Rows;
  context: Rows;
  related: Rows;
  /** Alias table. */
  aliasText: Rows;
  /** Never decreasing: an entity's aliases are rows in a run (`compileIndex` and `mergeIndexes` add them entity by entity). */
  aliasEntity: NumberColumn;
  aliasFlags: NumberColumn;
  /** Precomputed for the bundled index (`packed-index.ts`): `firstNamesOf` this index, to look words up in. */
  firstNames?: { has(word: string): boolean };
  /**
   * `related` as `|`-joined entity rows (ids not in the index dropped), precomputed for the bundled
   * index (`packed-index.ts`): a tab then resolves no ids, which took a map of every id (~4 ms a page).
   */
  relatedRows?: Rows;
  /**
   * `relatedRows` read the other way: for each entity, the rows of those whose records relate them to
   * it (`relatedByRowsOf`), precomputed for the bundled index. Built in the worker, that map of every
   * entity cost the first page it linked after each start ~9 ms.
   */
  relatedByRows?: Rows;
  /**
   * The alias trie, shipped with the bundled index (`packed-index.ts`) and kept, with a pack's added,
   * by `mergeIndexes`; `AliasTrie` compiles one when absent.
   */
  trieParts?: readonly TriePart[];
}

/** An index compiled here: its tables are arrays. */
export interface PlainIndex extends CompiledIndex {
  ids: string[];
  names: string[];
  titles: string[];
  context: string[];
  related: string[];
  aliasText: string[];
  relatedRows?: string[];
  /** Given names besides the people's own (`KnowledgeFile.firstNames`), for `firstNamesOf`. */
  givenNames?: string[];
}

/** An index being built, its number columns still plain arrays. */
interface GrowingIndex extends PlainIndex {
  cats: number[];
  sal: number[];
  aliasEntity: number[];
  aliasFlags: number[];
}

const emptyIndex = (): GrowingIndex => ({
  v: 1, ids: [], names: [], cats: [], sal: [], titles: [], context: [], related: [],
  aliasText: [], aliasEntity: [], aliasFlags: [],
});

export function compileIndex(entities: readonly Entity[]): PlainIndex {
  const index = emptyIndex();
  for (const entity of entities) {
    const e = index.ids.length;
    index.ids.push(entity.id);
    index.names.push(entity.name);
    index.cats.push(CATEGORIES.indexOf(categoryOf(entity)));
    index.sal.push(Math.round((entity.salience ?? 0.3) * 100));
    index.titles.push((entity.hints?.titles ?? []).map((t) => t.toLowerCase()).join('|'));
    // Once each: a hint listed twice ("ankara" as a curated hint and as the capital) would count twice
    // towards the entity and be named twice in the card's reason.
    index.context.push([...new Set((entity.hints?.context ?? []).map((t) => t.toLowerCase()))].join('|'));
    index.related.push((entity.hints?.related ?? []).join('|'));
    for (const alias of entity.aliases) {
      let flags = ALIAS_KINDS.indexOf(alias.kind);
      if (alias.caseSensitive ?? alias.kind === 'acronym') flags |= AliasFlag.CaseSensitive;
      if (alias.needsContext) flags |= AliasFlag.NeedsContext;
      if (alias.commonWord) flags |= AliasFlag.CommonWord;
      if (alias.standalone) flags |= AliasFlag.Standalone;
      if (alias.domestic) flags |= AliasFlag.Domestic;
      // Not an acronym ("NYC"): other names do not take one in whole, and title case puts capitalised words around it.
      if ((entity.type === 'region' || entity.type === 'city' || (entity.type === 'place' && alias.needsContext)) && alias.kind !== 'acronym') flags |= AliasFlag.LocalPlace;
      if (entity.type === 'region') flags |= AliasFlag.Region;
      if (entity.type === 'city') flags |= AliasFlag.City;
      index.aliasText.push(alias.text);
      index.aliasEntity.push(e);
      index.aliasFlags.push(flags);
    }
  }
  return index;
}

/**
 * Lower-cased first words of people's full names ("christopher" from "Christopher Krebs"): what a
 * first name looks like to the linker, which leaves "Tom Ford" alone when it knows no Tom Ford.
 */
export function firstNamesOf(index: CompiledIndex): string[] {
  const names = new Set<string>();
  for (const name of (index as PlainIndex).givenNames ?? []) names.add(name.toLowerCase());
  for (let a = 0; a < index.aliasText.length; a++) {
    const e = index.aliasEntity[a]!;
    if (index.cats[e] !== 0 || aliasKindOf(index.aliasFlags[a]!) !== 'name') continue;
    const first = /^[\p{L}'\u2019-]+/u.exec(index.aliasText.at(a)!)?.[0];
    if (first && first.length > 1) names.add(first.toLowerCase());
  }
  return [...names];
}

/** `CompiledIndex.relatedRows` of an index: each entity's related ids as rows of this index. */
export function relatedRowsOf(index: PlainIndex): string[] {
  const rows = new Map(index.ids.map((id, i) => [id, i]));
  return index.related.map((list) =>
    list
      .split('|')
      .map((id) => rows.get(id))
      .filter((row) => row !== undefined)
      .join('|'),
  );
}

/** `CompiledIndex.relatedByRows` from `relatedRowsOf` the index: each entity's relating rows, in order, `|`-joined. */
export function relatedByRowsOf(relatedRows: readonly string[]): string[] {
  const by: number[][] = relatedRows.map(() => []);
  relatedRows.forEach((list, x) => {
    if (list) for (const r of list.split('|')) by[Number(r)]!.push(x);
  });
  return by.map((rows) => rows.join('|'));
}

/** Every row of a table, as an array. */
export function rowsOf(rows: Rows): string[] {
  if (Array.isArray(rows)) return rows as string[];
  return rows.toArray?.() ?? Array.from({ length: rows.length }, (_, i) => rows.at(i)!);
}

/** `part` of an index with `rows` aliases, its rows mapped through `merged` (a row → its row in the merged index, −1 when dropped). */
function remapPart(part: TriePart, rows: number, merged: (row: number) => number): TriePart {
  const rowMap = new Int32Array(part.rowMap?.length ?? rows - part.rowOffset);
  for (let r = 0; r < rowMap.length; r++) {
    const row = part.rowMap ? part.rowMap[r]! : r + part.rowOffset;
    rowMap[r] = row < 0 ? -1 : merged(row);
  }
  return { tables: part.tables, rowOffset: 0, rowMap };
}

export function aliasKindOf(flags: number): AliasKind {
  return ALIAS_KINDS[flags & KIND_MASK]!;
}

/** Appends a second index (a knowledge pack) to a base one; pack entities with a bundled id replace it. */
export function mergeIndexes(base: CompiledIndex, extra: CompiledIndex): PlainIndex {
  const textTables = (index: CompiledIndex) => ({
    ids: rowsOf(index.ids), names: rowsOf(index.names), titles: rowsOf(index.titles), context: rowsOf(index.context), related: rowsOf(index.related),
  });
  const baseTables = textTables(base);
  const extraTables = textTables(extra);
  const overridden = new Set(extraTables.ids);
  const keep: number[] = [];
  baseTables.ids.forEach((id, i) => overridden.has(id) || keep.push(i));
  const remap = new Map<number, number>();
  const out = emptyIndex();
  const copyEntity = (src: CompiledIndex, tables: typeof baseTables, i: number) => {
    const n = out.ids.length;
    out.ids.push(tables.ids[i]!);
    out.names.push(tables.names[i]!);
    out.cats.push(src.cats[i]!);
    out.sal.push(src.sal[i]!);
    out.titles.push(tables.titles[i]!);
    out.context.push(tables.context[i]!);
    out.related.push(tables.related[i]!);
    return n;
  };
  for (const i of keep) remap.set(i, copyEntity(base, baseTables, i));
  const extraStart = out.ids.length;
  for (let i = 0; i < extra.ids.length; i++) copyEntity(extra, extraTables, i);
  rowsOf(base.aliasText).forEach((text, a) => {
    const e = remap.get(base.aliasEntity[a]!);
    if (e === undefined) return;
    out.aliasText.push(text);
    out.aliasEntity.push(e);
    out.aliasFlags.push(base.aliasFlags[a]!);
  });
  const extraAliasStart = out.aliasText.length;
  rowsOf(extra.aliasText).forEach((text, a) => {
    out.aliasText.push(text);
    out.aliasEntity.push(extraStart + extra.aliasEntity[a]!);
    out.aliasFlags.push(extra.aliasFlags[a]!);
  });
  // The base's trie stays, its rows mapped to the merged ones; a pack's is compiled from its own aliases.
  if (base.trieParts) {
    const mergedRow = new Int32Array(base.aliasText.length).fill(-1);
    for (let a = 0, row = 0; a < mergedRow.length; a++) if (remap.has(base.aliasEntity[a]!)) mergedRow[a] = row++;
    const dropped = out.aliasText.length - extra.aliasText.length < base.aliasText.length;
    const baseParts = dropped ? base.trieParts.map((part) => remapPart(part, base.aliasText.length, (row) => mergedRow[row]!)) : base.trieParts;
    const extraParts = (extra.trieParts ?? [{ tables: compileTrie(extra.aliasText), rowOffset: 0 }]).map((part) =>
      part.rowMap ? remapPart(part, extra.aliasText.length, (row) => row + extraAliasStart) : { ...part, rowOffset: part.rowOffset + extraAliasStart },
    );
    out.trieParts = [...baseParts, ...extraParts];
  }
  // The base's given names (the bundled index ships them, with more than its people's) and the pack's people's.
  const baseNames = base.firstNames ?? new Set(firstNamesOf(base));
  const extraNames = new Set(firstNamesOf(extra));
  out.firstNames = { has: (word) => baseNames.has(word) || extraNames.has(word) };
  return out;
}
