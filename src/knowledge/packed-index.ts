/**
 * The bundled alias index as the build ships it: each table is one long string (text rows joined by
 * a newline; number tables as base64 of little-endian typed arrays), with the alias trie compiled
 * (`alias-trie.ts`). The worker reads the tables as strings instead of `JSON.parse`-ing half a megabyte
 * and tokenising thousands of aliases, each time it starts, and reads a text row only when it is first
 * used (`PackedRows`): an article needs the alias texts its names reach, and the ids, names and hints
 * of a few dozen entities.
 *
 * The worker's script carries the text `serializePackedIndex` writes in a comment (build.mjs,
 * src/background/page-linker.ts), and `index.pack` holds it too, read only if an engine dropped the
 * script's source. The text is ASCII so that the script stays one-byte for V8, which compiles a
 * two-byte script ~25% slower, and has no `*` so that it cannot end the comment.
 */
import { compileTrie, TRIE_TABLES, type TrieTables } from '../match/alias-trie';
import { firstNamesOf, relatedByRowsOf, relatedRowsOf, type CompiledIndex, type PlainIndex, type Rows } from './compile-index';

export interface PackedIndex {
  v: 6;
  entities: number;
  aliases: number;
  /** Text tables: rows joined by newlines, escaped as `escaped` writes them (pure ASCII, no `*`). */
  ids: string;
  names: string;
  titles: string;
  context: string;
  related: string;
  aliasText: string;
  /** Base64 of a Uint16Array, one value per row. */
  cats: string;
  sal: string;
  aliasEntity: string;
  aliasFlags: string;
  /** `compileTrie` of the alias texts, as `packTrie` writes it. */
  trie: string;
  /** `relatedRowsOf` the index, one row per entity, joined by newlines. */
  relatedRows: string;
  /** `relatedByRowsOf` the index, one row per entity, joined by newlines. */
  relatedByRows: string;
  /** Base64 of an Int32Array: where every `MARK_EVERY`th row starts, in each of `ROW_TABLES` in turn. */
  rowMarks: string;
  /** `firstNamesOf` the index, joined by newlines. */
  firstNames: string;
}

const STRING_TABLES = ['ids', 'names', 'titles', 'context', 'related', 'aliasText'] as const;
const NUMBER_TABLES = ['cats', 'sal', 'aliasEntity', 'aliasFlags'] as const;
const SEPARATOR = '\n';
/** The text tables read a row at a time (`PackedRows`), and how far apart their marked rows are. */
const ROW_TABLES = [...STRING_TABLES, 'relatedRows', 'relatedByRows'] as const;
const MARK_EVERY = 16;

/** At build time. Throws, naming the table and row, on a value the packing cannot hold. */
export function packIndex(index: PlainIndex): PackedIndex {
  const strings = Object.fromEntries(
    STRING_TABLES.map((table) => {
      const row = index[table].findIndex((s) => s.includes(SEPARATOR));
      if (row >= 0) throw new Error(`packIndex: ${table}[${row}] contains a line break`);
      return [table, escaped(index[table].join(SEPARATOR))];
    }),
  ) as Record<(typeof STRING_TABLES)[number], string>;
  const numbers = Object.fromEntries(
    NUMBER_TABLES.map((table) => {
      const row = Array.from(index[table]).findIndex((x) => !Number.isInteger(x) || x < 0 || x > 0xffff);
      if (row >= 0) throw new Error(`packIndex: ${table}[${row}] = ${index[table][row]} is not an integer in 0…65535`);
      return [table, toBase64(new Uint16Array(index[table]))];
    }),
  ) as Record<(typeof NUMBER_TABLES)[number], string>;
  const firstNames = escaped(firstNamesOf(index).join(SEPARATOR));
  const related = relatedRowsOf(index);
  const relatedRows = related.join(SEPARATOR);
  const relatedByRows = relatedByRowsOf(related).join(SEPARATOR);
  const rowTables = { ...strings, relatedRows, relatedByRows };
  const marks = ROW_TABLES.flatMap((table) => marksOf(rowTables[table]));
  return {
    v: 6, relatedRows, relatedByRows, entities: index.ids.length, aliases: index.aliasText.length, ...strings, ...numbers, firstNames,
    trie: packTrie(compileTrie(index.aliasText)), rowMarks: toBase64(Int32Array.from(marks)),
  };
}

/** Where rows 0, MARK_EVERY, 2 × MARK_EVERY, … of a joined table start. */
function marksOf(joined: string): number[] {
  const marks: number[] = [];
  for (let row = 0, at = 0; at >= 0; row++) {
    if (row % MARK_EVERY === 0) marks.push(at);
    const eol = joined.indexOf(SEPARATOR, at);
    at = eol < 0 ? -1 : eol + 1;
  }
  return marks;
}

/** The tables of a `PackedIndex`, in the order `index.pack` holds them. */
const PACKED_TEXTS = [...STRING_TABLES, ...NUMBER_TABLES, 'trie', 'firstNames', 'relatedRows', 'relatedByRows', 'rowMarks'] as const;
const PACK_FORMAT = 'gloss-index 6';

/** What the packed text tables write as `\uXXXX`: every character outside ASCII, the escape's own `\`, and `*`. */
const ESCAPED = /[^\0-\x7f]|[\\*]/g;

function escaped(text: string): string {
  return text.replace(ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One ASCII text for the file: a JSON header line (format, row counts, each table's length), then
 * the tables back to back (the text tables already escaped), so the worker takes each one as a slice
 * without scanning it.
 */
export function serializePackedIndex(packed: PackedIndex): string {
  const tables = PACKED_TEXTS.map((t) => packed[t]);
  const lengths = tables.map((t) => t.length);
  return `${JSON.stringify({ format: PACK_FORMAT, entities: packed.entities, aliases: packed.aliases, lengths })}\n${tables.join('')}`;
}

/** Reads `serializePackedIndex`'s text; throws, naming `file` and what is wrong, on anything else. */
export function parsePackedIndex(text: string, file: string): PackedIndex {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}; rebuild the extension (node build.mjs)`);
  };
  const eol = text.indexOf('\n');
  if (eol < 0) fail('no header line');
  let header: { format?: unknown; entities?: unknown; aliases?: unknown; lengths?: unknown };
  try {
    header = JSON.parse(text.slice(0, eol)) as typeof header;
  } catch {
    return fail('the header line is not JSON');
  }
  if (header.format !== PACK_FORMAT) fail(`format is ${JSON.stringify(header.format)}, expected "${PACK_FORMAT}"`);
  const count = (v: unknown, field: string) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : fail(`header field ${field} is not a count`));
  const lengths = Array.isArray(header.lengths) && header.lengths.length === PACKED_TEXTS.length ? header.lengths : fail(`header field lengths must list ${PACKED_TEXTS.length} tables`);
  const packed = { v: 6, entities: count(header.entities, 'entities'), aliases: count(header.aliases, 'aliases') } as PackedIndex;
  let at = eol + 1;
  PACKED_TEXTS.forEach((table, i) => {
    const length = count(lengths[i], `lengths[${i}] (${table})`);
    if (at + length > text.length) fail(`table ${table} runs past the end (truncated file?)`);
    packed[table] = text.slice(at, at + length);
    at += length;
  });
  if (at !== text.length) fail(`${text.length - at} characters after the last table`);
  return packed;
}

/**
 * Text with its `\uXXXX` escapes read back: a row when it is read, not whole tables, which made a cold
 * tab copy each table it then read from (0.2–0.8 ms apiece). A loop from one backslash to the next,
 * not a `replace` with a callback, which cost a cold tab 3–12 ms for the whole index.
 */
function unescaped(text: string): string {
  let at = text.indexOf('\\');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  for (; at >= 0; at = text.indexOf('\\', from)) {
    out += text.slice(from, at) + String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
    from = at + 6;
  }
  return out + text.slice(from);
}

/**
 * A table's rows, each sliced from the joined text when first read: from the nearest marked row on,
 * at most MARK_EVERY − 1 native `indexOf`s away.
 */
class PackedRows implements Rows {
  readonly length: number;
  readonly #joined: string;
  readonly #marks: Int32Array;
  /** Rows read so far: a Map, since an array of the table's length cost a cold tab ~1 ms per table to allocate. */
  readonly #rows = new Map<number, string>();

  constructor(joined: string, length: number, marks: Int32Array) {
    this.#joined = joined;
    this.length = length;
    this.#marks = marks;
  }

  toArray(): string[] {
    if (this.length === 0) return [];
    const rows = this.#joined.split(SEPARATOR);
    for (let i = 0; i < rows.length; i++) if (rows[i]!.includes('\\')) rows[i] = unescaped(rows[i]!);
    return rows;
  }

  at(row: number): string | undefined {
    if (!(Number.isInteger(row) && row >= 0 && row < this.length)) return undefined;
    const known = this.#rows.get(row);
    if (known !== undefined) return known;
    const joined = this.#joined;
    let start = this.#marks[Math.floor(row / MARK_EVERY)]!;
    for (let k = row % MARK_EVERY; k > 0; k--) start = joined.indexOf(SEPARATOR, start) + 1;
    const end = joined.indexOf(SEPARATOR, start);
    const text = joined.slice(start, end < 0 ? joined.length : end);
    const value = text.includes('\\') ? unescaped(text) : text;
    this.#rows.set(row, value);
    return value;
  }
}

/** The packs' index as `storage.local` keeps it (JSON): plain tables, and the trie as `packTrie` text. */
export type StoredPackIndex = PlainIndex & { packedTrie?: string };

export function withPackedTrie(index: PlainIndex): StoredPackIndex {
  return { ...index, packedTrie: packTrie(compileTrie(index.aliasText)) };
}

/**
 * The packs' index from storage, its trie read back. An index stored before packs carried their
 * trie, or a damaged trie, is left without one: `mergeIndexes` then compiles it from the aliases.
 */
export function readStoredPackIndex(stored: StoredPackIndex): PlainIndex {
  const { packedTrie, ...index } = stored;
  if (typeof packedTrie !== 'string') return index;
  try {
    const tables = unpackTrie(packedTrie);
    if (tables.aliasRows.length <= index.aliasText.length) return { ...index, trieParts: [{ tables, rowOffset: 0 }] };
    console.warn('Gloss: the stored knowledge-pack trie does not fit its index; compiling it again');
  } catch (e) {
    console.warn('Gloss: the stored knowledge-pack trie is damaged; compiling it again:', e);
  }
  return index;
}

/**
 * A packed list of words to look words up in, split into a set on the first lookup: an index that
 * links nothing (a page without names) never splits it, and the worker, which keeps its index, splits
 * it once (a substring search of the whole list per lookup was 7% of linking a page).
 */
class PackedWords {
  readonly #joined: string;
  #set: Set<string> | undefined;

  constructor(joined: string) {
    this.#joined = joined;
  }

  has(word: string): boolean {
    this.#set ??= new Set(this.#joined ? this.#joined.split(SEPARATOR).map(unescaped) : []);
    return this.#set.has(word);
  }
}

/** In the worker: the index over the packed strings; rows are sliced, and other tables decoded, on first use. */
export function unpackIndex(packed: PackedIndex): CompiledIndex {
  const index = { v: 1 } as CompiledIndex;
  const lazy = <T>(table: string, make: () => T) => {
    let value: T | undefined;
    Object.defineProperty(index, table, { get: () => (value ??= make()), enumerable: true });
  };
  const marks = new Int32Array(fromBase64(packed.rowMarks).buffer);
  let from = 0;
  for (const table of ROW_TABLES) {
    const rows = table === 'aliasText' ? packed.aliases : packed.entities;
    // An empty table is still one (empty) joined row, with its mark.
    const count = Math.max(1, Math.ceil(rows / MARK_EVERY));
    if (from + count > marks.length) throw new Error(`packed index: rowMarks ends before table ${table}`);
    index[table] = new PackedRows(packed[table], rows, marks.subarray(from, (from += count)));
  }
  if (from !== marks.length) throw new Error(`packed index: rowMarks has ${marks.length - from} marks after the last table`);
  for (const table of NUMBER_TABLES) lazy(table, () => new Uint16Array(fromBase64(packed[table]).buffer));
  index.firstNames = new PackedWords(packed.firstNames);
  lazy('trieParts', () => [{ tables: unpackTrie(packed.trie), rowOffset: 0 }]);
  return index;
}

/**
 * The trie's tables as one text: each table's base64, after its element size (1, 2 or 4 bytes; a
 * column whose values fit in 16 bits ships as such), separated by spaces.
 */
export function packTrie(tables: TrieTables): string {
  return TRIE_TABLES.map((name) => {
    const column = tables[name];
    if (column instanceof Uint8Array) return `1${toBase64(column)}`;
    return column.every((x) => x >= 0 && x <= 0xffff) && name !== 'nodeHash' ? `2${toBase64(new Uint16Array(column))}` : `4${toBase64(column)}`;
  }).join(' ');
}

/** Reads `packTrie`'s text back; throws, saying what is wrong, on anything else. */
export function unpackTrie(text: string): TrieTables {
  const columns = text.split(' ');
  if (columns.length !== TRIE_TABLES.length) throw new Error(`packed trie: ${columns.length} tables, expected ${TRIE_TABLES.length}`);
  const tables = Object.fromEntries(
    TRIE_TABLES.map((name, i) => {
      const bytes = fromBase64(columns[i]!.slice(1));
      const size = columns[i]![0];
      if ((name === 'rootLower') !== (size === '1')) throw new Error(`packed trie: table ${name} has element size ${size}`);
      // Widened where shipped narrow: one type per column keeps the matcher's loops monomorphic.
      return [name, size === '1' ? bytes : size === '2' ? new Int32Array(new Uint16Array(bytes.buffer)) : new Int32Array(bytes.buffer)];
    }),
  ) as unknown as TrieTables;
  const nodes = tables.nodeHash.length;
  if (tables.childStart.length !== nodes + 1 || tables.aliasStart.length !== nodes + 1 || tables.aliasStart[nodes] !== tables.aliasRows.length) {
    throw new Error('packed trie: its tables disagree on the number of nodes or aliases');
  }
  return tables;
}

/** Typed arrays are little-endian on every platform browsers run on. */
function toBase64(values: Int32Array | Uint16Array | Uint8Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Native in Chromium ≥ 140 and Firefox ≥ 133 (a tab spends no interpreted loop on it); a loop elsewhere (Node 20). */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;

function fromBase64(base64: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
