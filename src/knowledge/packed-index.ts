/**
 * The bundled alias index as the build inlines it into the content script: each table is one long
 * string (text rows joined by a newline; number tables as base64 of little-endian typed arrays),
 * with every alias's first-token hash precomputed. A tab then reads the index from string literals instead of `JSON.parse`-ing
 * half a megabyte and hashing thousands of aliases, and splits each table only when it is first
 * used: an article usually needs only the alias texts whose first word it contains, and the ids,
 * names and hints of a few dozen entities.
 */
import { firstTokensOf } from '../match/alias-trie';
import { firstNamesOf, type CompiledIndex } from './compile-index';

export interface PackedIndex {
  v: 2;
  entities: number;
  aliases: number;
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
  /** Base64 of an Int32Array: each alias's first-token hash (0 for an alias with no token). */
  firstHash: string;
  /** `firstNamesOf` the index, joined by newlines. */
  firstNames: string;
  /** Base64 of a Uint8Array: 1 when the alias's first token starts with a lower-case ASCII letter, 2 when it has no token. */
  firstLower: string;
}

const STRING_TABLES = ['ids', 'names', 'titles', 'context', 'related', 'aliasText'] as const;
const NUMBER_TABLES = ['cats', 'sal', 'aliasEntity', 'aliasFlags'] as const;
const SEPARATOR = '\n';

/** At build time. Throws, naming the table and row, on a value the packing cannot hold. */
export function packIndex(index: CompiledIndex): PackedIndex {
  const strings = Object.fromEntries(
    STRING_TABLES.map((table) => {
      const row = index[table].findIndex((s) => s.includes(SEPARATOR));
      if (row >= 0) throw new Error(`packIndex: ${table}[${row}] contains a line break`);
      return [table, index[table].join(SEPARATOR)];
    }),
  ) as Record<(typeof STRING_TABLES)[number], string>;
  const numbers = Object.fromEntries(
    NUMBER_TABLES.map((table) => {
      const row = Array.from(index[table]).findIndex((x) => !Number.isInteger(x) || x < 0 || x > 0xffff);
      if (row >= 0) throw new Error(`packIndex: ${table}[${row}] = ${index[table][row]} is not an integer in 0…65535`);
      return [table, toBase64(new Uint16Array(index[table]))];
    }),
  ) as Record<(typeof NUMBER_TABLES)[number], string>;
  const first = firstTokensOf(index.aliasText);
  const firstNames = firstNamesOf(index).join(SEPARATOR);
  return { v: 2, entities: index.ids.length, aliases: index.aliasText.length, ...strings, ...numbers, firstNames, firstHash: toBase64(first.hash), firstLower: toBase64(first.lower) };
}

/** In the tab: the index over the packed strings; each table is split or decoded on first use. */
export function unpackIndex(packed: PackedIndex): CompiledIndex {
  const index = { v: 1 } as CompiledIndex;
  const lazy = <T>(table: string, make: () => T) => {
    let value: T | undefined;
    Object.defineProperty(index, table, { get: () => (value ??= make()), enumerable: true });
  };
  for (const table of STRING_TABLES) {
    // `''.split` gives one empty row, so a table with no rows is told apart by its row count.
    const rows = table === 'aliasText' ? packed.aliases : packed.entities;
    lazy(table, () => (rows === 0 ? [] : packed[table].split(SEPARATOR)));
  }
  for (const table of NUMBER_TABLES) lazy(table, () => new Uint16Array(fromBase64(packed[table]).buffer));
  lazy('firstNames', () => (packed.firstNames ? packed.firstNames.split(SEPARATOR) : []));
  index.firstTokens = { hash: new Int32Array(fromBase64(packed.firstHash).buffer), lower: fromBase64(packed.firstLower) };
  return index;
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
