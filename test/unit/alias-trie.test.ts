/**
 * The flat alias trie: compiled once (at build time for the bundled index), shipped as text, read
 * back in a tab, and merged with a pack's without rebuilding the bundled one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { compileIndex, mergeIndexes, type CompiledIndex } from '../../src/knowledge/compile-index';
import { compileKnowledge } from '../../src/knowledge/compile-knowledge';
import { packIndex, packTrie, readStoredPackIndex, unpackIndex, unpackTrie, withPackedTrie, type StoredPackIndex } from '../../src/knowledge/packed-index';
import type { KnowledgeFile } from '../../src/knowledge/schema';
import { buildAliasTrie, childOf, compileTrie, pairBitOf, rootOf, wholeBitOf, type TrieTables } from '../../src/match/alias-trie';
import { findCandidates } from '../../src/match/find-candidates';
import { findMentions } from '../../src/match/find-mentions';
import { scanTokens, TokenBuffer } from '../../src/match/tokenize';
import { entity } from './support/test-index';

const bundled = compileKnowledge(JSON.parse(readFileSync(new URL('../../knowledge/knowledge.json', import.meta.url), 'utf8')) as KnowledgeFile).index;
const seedText = readFileSync(new URL('../fixtures/seed-article.html', import.meta.url), 'utf8').replace(/<[^>]+>/g, ' ');

/** The node an alias's tokens lead to, or −1. */
function walk(tables: TrieTables, text: string): number {
  const buf = new TokenBuffer();
  scanTokens(text, buf);
  const c = text.charCodeAt(buf.start[0]!);
  let node = rootOf(tables, buf.hash[0]!, c >= 97 && c <= 122);
  for (let t = 1; t < buf.count && node >= 0; t++) node = childOf(tables, node, buf.hash[t]!);
  return node;
}

const rowsAt = (tables: TrieTables, node: number) => Array.from(tables.aliasRows.subarray(tables.aliasStart[node]!, tables.aliasStart[node + 1]!));

describe('alias trie', () => {
  const tables = compileTrie(bundled.aliasText);

  it("leads every bundled alias's tokens to a node that lists its row, rows ascending", () => {
    bundled.aliasText.forEach((text, row) => {
      const rows = rowsAt(tables, walk(tables, text));
      expect(rows, text).toContain(row);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
    });
    expect(tables.aliasRows).toHaveLength(bundled.aliasText.length);
  });

  it('finds nothing for a first token no alias has, and no lower-case start where every alias is capitalised', () => {
    const small = compileTrie(['Apple', 'the Pentagon', 'Tim Cook']);
    expect(walk(small, 'Banana')).toBe(-1);
    expect(walk(small, 'Tim Apple')).toBe(-1);
    const hash = (word: string) => (scanTokens(word, buf), buf.hash[0]!);
    const buf = new TokenBuffer();
    expect(rootOf(small, hash('apple'), true)).toBe(-1);
    expect(rootOf(small, hash('apple'), false)).toBeGreaterThanOrEqual(0);
    expect(rootOf(small, hash('the'), true)).toBeGreaterThanOrEqual(0);
  });

  it('reads back from its text exactly, narrow columns shipped as 16 bits', () => {
    const text = packTrie(tables);
    expect(text).toMatch(/^[0-9A-Za-z+/= ]+$/);
    expect(unpackTrie(text)).toEqual(tables);
    // nodeHash holds negative hashes; childStart fits in 16 bits for the bundled knowledge.
    const sizes = text.split(' ').map((column) => column[0]);
    expect(sizes).toEqual(['4', '2', '2', '2', '1', '2', '4', '4']);
  });

  it('ships 32-bit columns when a trie outgrows 16 bits', () => {
    const many = Array.from({ length: 66_000 }, (_, i) => `Name${i}`);
    const big = compileTrie(many);
    expect(big.nodeHash.length).toBe(66_000);
    const text = packTrie(big);
    expect(text.split(' ')[1]![0]).toBe('4');
    const back = unpackTrie(text);
    for (const [name, column] of Object.entries(big)) expect(Buffer.compare(Buffer.from(column.buffer), Buffer.from((back as unknown as Record<string, Int32Array>)[name]!.buffer)), name).toBe(0);
    expect(rowsAt(back, walk(back, 'Name65999'))).toEqual([65_999]);
  });

  it("passes every alias's first two tokens through its pair filter, and turns most other pairs away", () => {
    const trie = buildAliasTrie(bundled);
    const buf = new TokenBuffer();
    const passes = (a: number, b: number) => {
      const bit = pairBitOf(a, b, trie.pairShift);
      return (trie.pairBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
    };
    let pairs = 0;
    for (const text of bundled.aliasText) {
      scanTokens(text, buf);
      if (buf.count < 2) continue;
      pairs++;
      expect(passes(buf.hash[0]!, buf.hash[1]!), text).toBe(true);
    }
    expect(pairs).toBeGreaterThan(3000);
    // Pairs of made-up words, "the" before each of them among them: few get through, by collision.
    const hash = (word: string) => (scanTokens(word, buf), buf.hash[0]!);
    let passed = 0;
    for (let i = 0; i < 2000; i++) if (passes(hash(i % 4 ? `zq${i}x` : 'the'), hash(`vk${i * 7}w`))) passed++;
    expect(passed / 2000).toBeLessThan(0.08);
  });

  it('passes every one-token alias through its whole-alias filter, and turns most first tokens of longer aliases away', () => {
    const trie = buildAliasTrie(bundled);
    const buf = new TokenBuffer();
    const whole = (hash: number) => {
      const bit = wholeBitOf(hash, trie.wholeShift);
      return (trie.wholeBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
    };
    const single = new Set<number>();
    const firsts = new Set<number>();
    for (const text of bundled.aliasText) {
      scanTokens(text, buf);
      if (buf.count === 1) single.add(buf.hash[0]!);
      else if (buf.count > 1) firsts.add(buf.hash[0]!);
    }
    expect(single.size).toBeGreaterThan(2000);
    for (const hash of single) expect(whole(hash)).toBe(true);
    // "the" (of "the Pentagon"), "New" (of "New York"): first tokens that are no alias alone.
    const onlyFirst = [...firsts].filter((h) => !single.has(h));
    expect(onlyFirst.length).toBeGreaterThan(500);
    expect(onlyFirst.filter(whole).length / onlyFirst.length).toBeLessThan(0.15);
  });

  it('lists as possible starts the words that begin an alias, a lower-case word only when some alias begins with it lower-case', () => {
    const index = compileIndex([
      entity('company:apple', 'company', 'Apple', [{ text: 'Apple', kind: 'name' }]),
      entity('agency:pentagon', 'agency', 'the Pentagon', [{ text: 'the Pentagon', kind: 'name' }]),
    ]);
    const trie = buildAliasTrie(index);
    const buf = new TokenBuffer();
    const text = 'apple Apple APPLE the The THE pear Pear';
    scanTokens(text, buf, trie);
    const listed = Array.from(buf.hits.subarray(0, buf.hitCount), (t) => text.slice(buf.start[t], buf.end[t]));
    // "apple" can never be "Apple" (no upper-casing gives a lower-case letter): it is not looked up.
    expect(listed).toEqual(['Apple', 'APPLE', 'the', 'The', 'THE']);
  });

  it('refuses a damaged trie text, saying what is wrong', () => {
    const columns = packTrie(tables).split(' ');
    expect(() => unpackTrie(columns.slice(1).join(' '))).toThrow('packed trie: 7 tables, expected 8');
    expect(() => unpackTrie([columns[0], columns[1]!.slice(0, 9), ...columns.slice(2)].join(' '))).toThrow('disagree on the number of nodes');
    expect(() => unpackTrie(columns.map((c, i) => (i === 4 ? `2${c.slice(1)}` : c)).join(' '))).toThrow('table rootLower has element size 2');
  });
});

describe('merged with a knowledge pack', () => {
  const shipped = unpackIndex(packIndex(bundled));
  const pack = compileIndex([
    // Replaces a bundled entity (its bundled aliases must no longer match) and adds a new one.
    entity('agency:cisa', 'agency', 'Cybersecurity and Infrastructure Security Agency (pack)', [{ text: 'CISA', kind: 'acronym' }]),
    entity('person:zed-quill', 'person', 'Zed Quill', [{ text: 'Zed Quill', kind: 'name' }, { text: 'Quill', kind: 'surname' }]),
  ]);
  const text = `${seedText} Zed Quill said CISA and the Cybersecurity and Infrastructure Security Agency agreed. Quill left.`;
  const surfaces = (index: CompiledIndex) =>
    findCandidates(text, index, buildAliasTrie(index)).candidates.map((c) => `${text.slice(c.start, c.end)}→${c.aliases.map((a) => index.ids.at(index.aliasEntity[a]!)).join(',')}`);

  it('keeps the shipped trie as one part, rows mapped, and adds the pack as a second', () => {
    const merged = mergeIndexes(shipped, pack);
    expect(merged.trieParts).toHaveLength(2);
    expect(merged.trieParts![0]!.tables).toBe(shipped.trieParts![0]!.tables);
    // The same candidates as a trie compiled from the merged aliases in one piece.
    const whole = mergeIndexes(bundled, pack);
    expect(whole.trieParts).toBeUndefined();
    expect(surfaces(merged)).toEqual(surfaces(whole));
    expect(surfaces(merged)).toContain('Zed Quill→person:zed-quill');
    expect(surfaces(merged)).toContain('CISA→agency:cisa');
    // The bundled CISA's other names went with it.
    expect(surfaces(merged).filter((s) => s.startsWith('Cybersecurity and Infrastructure'))).toEqual([]);
    expect(surfaces(shipped).filter((s) => s.startsWith('Cybersecurity and Infrastructure')).length).toBeGreaterThan(0);
  });

  it("keeps the shipped index's given names, and adds the pack's people's: an unknown given name before a known surname still blocks it", () => {
    const merged = mergeIndexes(shipped, pack);
    expect(shipped.firstNames!.has('allison')).toBe(true);
    expect(merged.firstNames!.has('allison')).toBe(true);
    expect(merged.firstNames!.has('zed')).toBe(true);
    const ids = (index: CompiledIndex, text: string) => findMentions([text], index, buildAliasTrie(index)).map((m) => index.ids.at(m.entity));
    expect(ids(merged, 'Produced by Allison Gore.')).toEqual([]);
  });

  it('links the same mentions as before the merge for everything the pack leaves alone', () => {
    const merged = mergeIndexes(shipped, pack);
    const ids = (index: CompiledIndex) => findMentions([seedText], index, buildAliasTrie(index)).map((m) => index.ids.at(m.entity)).filter((id) => id !== 'agency:cisa');
    expect(ids(merged)).toEqual(ids(shipped));
    expect(ids(merged).length).toBeGreaterThan(20);
  });

  it("takes the pack's trie from storage, compiled when the pack was saved, and compiles it only when it is missing or damaged", () => {
    const stored = JSON.parse(JSON.stringify(withPackedTrie(pack))) as StoredPackIndex;
    const read = readStoredPackIndex(stored);
    expect(read.trieParts![0]!.tables).toEqual(compileTrie(pack.aliasText));
    const merged = mergeIndexes(shipped, read);
    expect(merged.trieParts![1]!.tables).toBe(read.trieParts![0]!.tables);
    expect(surfaces(merged)).toEqual(surfaces(mergeIndexes(shipped, pack)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const damaged of [{ ...stored, packedTrie: 'x' }, { ...stored, packedTrie: withPackedTrie(bundled).packedTrie }]) {
      const fallback = readStoredPackIndex(damaged);
      expect(fallback.trieParts).toBeUndefined();
      expect(surfaces(mergeIndexes(shipped, fallback))).toEqual(surfaces(merged));
    }
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    const old = { ...stored };
    delete old.packedTrie;
    expect(readStoredPackIndex(old).trieParts).toBeUndefined();
  });

  it("matches a pack's one-word alias that only starts longer aliases in the bundled knowledge", () => {
    // "New" starts "New York", "New Zealand"…, but is no alias alone in the bundled knowledge.
    expect(bundled.aliasText.some((a) => a === 'New')).toBe(false);
    expect(bundled.aliasText.some((a) => a.startsWith('New '))).toBe(true);
    const paper = compileIndex([entity('company:new', 'company', 'New (pack)', [{ text: 'New', kind: 'name' }])]);
    const merged = mergeIndexes(shipped, paper);
    const found = findCandidates('New said so.', merged, buildAliasTrie(merged)).candidates;
    expect(found.map((c) => merged.ids.at(merged.aliasEntity[c.aliases[0]!]!))).toEqual(['company:new']);
  });

  it('matches an alias the bundled knowledge and a pack share with both entities', () => {
    const twin = compileIndex([entity('person:other-krebs', 'person', 'Krebs (pack)', [{ text: 'Krebs', kind: 'surname' }])]);
    const merged = mergeIndexes(shipped, twin);
    const at = findCandidates('Krebs spoke.', merged, buildAliasTrie(merged)).candidates[0]!;
    const ids = at.aliases.map((a) => merged.ids.at(merged.aliasEntity[a]!));
    expect(ids).toContain('person:other-krebs');
    expect(ids.length).toBeGreaterThan(1);
    expect(at.aliases).toEqual([...at.aliases].sort((a, b) => a - b));
  });
});
