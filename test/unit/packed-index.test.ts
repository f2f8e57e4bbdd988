/**
 * The packed index the content script ships (string tables, base64 numbers, precomputed first
 * tokens) reads back as the compiled index it came from, and matches exactly as it does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileIndex, firstNamesOf, mergeIndexes, relatedRowsOf, rowsOf, type CompiledIndex, type Rows } from '../../src/knowledge/compile-index';
import { compileKnowledge } from '../../src/knowledge/compile-knowledge';
import { packIndex, parsePackedIndex, serializePackedIndex, unpackIndex } from '../../src/knowledge/packed-index';
import type { KnowledgeFile } from '../../src/knowledge/schema';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { findCandidates } from '../../src/match/find-candidates';
import { findMentions } from '../../src/match/find-mentions';
import { entity } from './support/test-index';

const bundled = compileKnowledge(JSON.parse(readFileSync(new URL('../../knowledge/knowledge.json', import.meta.url), 'utf8')) as KnowledgeFile).index;
const TABLES = ['ids', 'names', 'cats', 'sal', 'titles', 'context', 'related', 'aliasText', 'aliasEntity', 'aliasFlags'] as const;
// Text tables come back as rows read one at a time, number columns as typed arrays: compared by value.
const TEXT_TABLES = new Set(['ids', 'names', 'titles', 'context', 'related', 'aliasText']);
const tables = (index: CompiledIndex) => Object.fromEntries(TABLES.map((t) => [t, TEXT_TABLES.has(t) ? rowsOf(index[t] as Rows) : Array.from(index[t] as ArrayLike<number>)]));

describe('packed index', () => {
  it('reads back the bundled index table by table', () => {
    const packed = unpackIndex(JSON.parse(JSON.stringify(packIndex(bundled))));
    expect(tables(packed)).toEqual(tables(bundled));
    expect(packed.trieParts![0]!.tables.aliasRows).toHaveLength(bundled.aliasText.length);
    const firstNames = firstNamesOf(bundled);
    expect(firstNames.filter((name) => !packed.firstNames!.has(name))).toEqual([]);
    expect(firstNames.some((name) => /[^\0-\x7f]/.test(name))).toBe(true);
    expect(packed.firstNames!.has('christopher')).toBe(true);
    for (const word of ['christ', 'hristopher', 'christopher\nkrebs', '', 'the']) expect(packed.firstNames!.has(word), word).toBe(false);
  });

  it('reads any row on its own, in any order, and nothing past the ends', () => {
    const packed = unpackIndex(packIndex(bundled));
    const aliases = bundled.aliasText.length;
    const entities = bundled.ids.length;
    const rows = [aliases - 1, 0, 15, 16, 17, 31, 32, 4000, 1, aliases - 2, 4000];
    for (const row of rows) expect(packed.aliasText.at(row), `aliasText ${row}`).toBe(bundled.aliasText[row]);
    for (const row of [entities - 1, 0, 16, 2000, 17]) {
      expect(packed.names.at(row)).toBe(bundled.names[row]);
      expect(packed.titles.at(row)).toBe(bundled.titles[row]);
    }
    expect(bundled.titles.filter((t) => t === '').length).toBeGreaterThan(100);
    expect([packed.ids.at(-1), packed.ids.at(entities), packed.ids.at(1.5), packed.aliasText.at(aliases)]).toEqual([undefined, undefined, undefined, undefined]);
    expect(packed.ids.length).toBe(entities);
    expect(entities).toBeGreaterThan(3500);
    // Read one at a time or all at once (merging a pack), escaped rows included, the rows are the same.
    const fresh = unpackIndex(packIndex(bundled));
    const names = Array.from({ length: fresh.names.length }, (_, i) => fresh.names.at(i));
    expect(names.filter((name) => /[^\0-\x7f]/.test(name!)).length).toBeGreaterThan(10);
    expect(rowsOf(packed.names)).toEqual(names);
    expect(rowsOf(packed.names)).toEqual(bundled.names);
  });

  it('reads back an index with empty hints and one with no entities', () => {
    const small = compileIndex([entity('agency:cisa', 'agency', 'CISA', [{ text: 'CISA', kind: 'acronym' }])]);
    expect(tables(unpackIndex(packIndex(small)))).toEqual(tables(small));
    const empty = compileIndex([]);
    expect(tables(unpackIndex(packIndex(empty)))).toEqual(tables(empty));
  });

  it('matches exactly as the plain index, with the first tokens it ships', () => {
    const packed = unpackIndex(packIndex(bundled));
    const text = readFileSync(new URL('../fixtures/seed-article.html', import.meta.url), 'utf8').replace(/<[^>]+>/g, ' ');
    const plain = findCandidates(text, bundled, buildAliasTrie(bundled)).candidates;
    const fromPacked = findCandidates(text, packed, buildAliasTrie(packed)).candidates;
    expect(plain.length).toBeGreaterThan(20);
    expect(fromPacked).toEqual(plain);
  });

  it('ships related entities as rows of the index, so linking by them resolves no ids in a tab', () => {
    const packed = unpackIndex(packIndex(bundled));
    let checked = 0;
    bundled.related.forEach((list, e) => {
      const known = (list ? list.split('|') : []).filter((id) => bundled.ids.includes(id));
      const rows = packed.relatedRows!.at(e)!;
      expect(rows ? rows.split('|').map((r) => bundled.ids[Number(r)]) : []).toEqual(known);
      checked += known.length;
    });
    expect(checked).toBeGreaterThan(100);
    // "Apple" (a common word) links only through its related entity on the page, from either index.
    const small = compileIndex([
      entity('person:alice-ng', 'person', 'Alice Ng', [{ text: 'Alice Ng', kind: 'name' }]),
      entity('company:apple', 'company', 'Apple Inc.', [{ text: 'Apple', kind: 'short', commonWord: true }], { related: ['person:nobody', 'person:tim-cook'] }),
      entity('person:tim-cook', 'person', 'Tim Cook', [{ text: 'Tim Cook', kind: 'name' }]),
    ]);
    const linked = (index: CompiledIndex) => findMentions(['Tim Cook spoke.', 'Apple shares rose.'], index, buildAliasTrie(index)).map((m) => index.ids.at(m.entity));
    expect(linked(small)).toEqual(['person:tim-cook', 'company:apple']);
    expect(linked(unpackIndex(packIndex(small)))).toEqual(['person:tim-cook', 'company:apple']);
  });

  it('ships each entity\'s relating entities as rows, so the first page a worker links builds no map of every entity', () => {
    const packed = unpackIndex(packIndex(bundled));
    const relating: number[][] = bundled.ids.map(() => []);
    relatedRowsOf(bundled).forEach((list, x) => list && list.split('|').forEach((r) => relating[Number(r)]!.push(x)));
    const shipped = bundled.ids.map((_, e) => packed.relatedByRows!.at(e)!).map((row) => (row ? row.split('|').map(Number) : []));
    expect(shipped).toEqual(relating);
    expect(relating.flat().length).toBeGreaterThan(100);
    // "Atlanta, Georgia": the city's record relates it to the state, which links by it from either index.
    const small = compileIndex([
      entity('place:georgia', 'place', 'Georgia', [{ text: 'Georgia', kind: 'name', needsContext: true }], { context: ['peach'] }),
      entity('place:georgia-country', 'place', 'Georgia (country)', [{ text: 'Georgia', kind: 'name', needsContext: true }], { context: ['tbilisi'] }),
      entity('place:atlanta', 'place', 'Atlanta', [{ text: 'Atlanta', kind: 'name' }], { related: ['place:georgia'] }),
    ]);
    const linked = (index: CompiledIndex) => findMentions(['Atlanta grew.', 'Georgia voted.'], index, buildAliasTrie(index)).map((m) => index.ids.at(m.entity));
    expect(linked(small)).toEqual(['place:atlanta', 'place:georgia']);
    expect(linked(unpackIndex(packIndex(small)))).toEqual(['place:atlanta', 'place:georgia']);
  });

  it('keeps an entity\'s aliases together, in rows that never go back, compiled or merged with a pack', () => {
    const nonDecreasing = (index: CompiledIndex) => Array.from(index.aliasEntity).every((e, a, all) => a === 0 || all[a - 1]! <= e);
    const pack = compileIndex([
      entity('person:zed-quill', 'person', 'Zed Quill', [{ text: 'Zed Quill', kind: 'name' }, { text: 'Quill', kind: 'surname' }]),
      // Replaces a bundled entity: its rows move to the pack's part.
      entity(bundled.ids[3]!, 'person', 'Replaced', [{ text: 'Replaced Name', kind: 'name' }]),
    ]);
    expect(nonDecreasing(bundled)).toBe(true);
    expect(nonDecreasing(mergeIndexes(unpackIndex(packIndex(bundled)), pack))).toBe(true);
    expect(nonDecreasing(mergeIndexes(pack, bundled))).toBe(true);
  });

  it('reads back from the index.pack text the build writes, non-ASCII rows included', () => {
    const text = serializePackedIndex(packIndex(bundled));
    expect(tables(unpackIndex(parsePackedIndex(text, 'index.pack')))).toEqual(tables(bundled));
    const accented = compileIndex([entity('person:x', 'person', 'Zoë Ó’Brien', [{ text: 'Zoë Ó’Brien', kind: 'name' }, { text: '𝓧 Corp', kind: 'name' }])]);
    expect(tables(unpackIndex(parsePackedIndex(serializePackedIndex(packIndex(accented)), 'x')))).toEqual(tables(accented));
  });

  it('writes an ASCII text with no "*", which the build can carry in a comment, and reads back what it escaped', () => {
    // The bundled index has names in other scripts; these rows have what could end a comment or look like an escape.
    const tricky = compileIndex([
      entity('company:etrade', 'company', 'E*Trade', [{ text: 'E*Trade', kind: 'name' }, { text: 'a */ b /* c', kind: 'name' }]),
      entity('company:slash', 'company', 'Back\\slash \\u0041 Ltd', [{ text: 'Back\\slash \\u0041 Ltd', kind: 'name' }, { text: 'Łódź Zoë 𝓧', kind: 'name' }]),
    ]);
    for (const index of [bundled, tricky]) {
      const text = serializePackedIndex(packIndex(index));
      expect(text).toMatch(/^[\0-\x7f]*$/);
      expect(text).not.toContain('*');
      expect(tables(unpackIndex(parsePackedIndex(text, 'index.pack')))).toEqual(tables(index));
    }
    expect(rowsOf(unpackIndex(parsePackedIndex(serializePackedIndex(packIndex(tricky)), 'x')).names)).toEqual(['E*Trade', 'Back\\slash \\u0041 Ltd']);
  });

  it('refuses a damaged index.pack, naming the file and what is wrong', () => {
    const text = serializePackedIndex(packIndex(bundled));
    expect(() => parsePackedIndex(text.slice(0, -10), 'knowledge/index.pack')).toThrow('knowledge/index.pack: table rowMarks runs past the end');
    expect(() => parsePackedIndex(`${text}x`, 'knowledge/index.pack')).toThrow('knowledge/index.pack: 1 characters after the last table');
    expect(() => parsePackedIndex(text.replace('gloss-index 6', 'gloss-index 1'), 'f')).toThrow('f: format is "gloss-index 1"');
    expect(() => parsePackedIndex('<html>', 'f')).toThrow('f: no header line');
    const shortMarks = { ...packIndex(bundled), rowMarks: btoa('\0\0\0\0') };
    expect(() => unpackIndex(shortMarks)).toThrow('packed index: rowMarks ends before table ids');
    expect(() => parsePackedIndex('{"format"\n', 'f')).toThrow('f: the header line is not JSON');
    expect(() => parsePackedIndex(text.replace(/"entities":\d+/, '"entities":-1'), 'f')).toThrow('f: header field entities is not a count');
  });

  it('refuses a row it cannot pack, naming the table and row', () => {
    const bad = compileIndex([entity('person:x', 'person', 'Line\nbreak', [{ text: 'X', kind: 'name' }])]);
    expect(() => packIndex(bad)).toThrow('names[0] contains a line break');
  });
});
