/**
 * The fast candidate finder (UTF-8 bytes, first-token filter, lazy hash trie) finds exactly what a
 * plain reference finds: `tokenize`, then at each token the longest alias whose keys equal the next
 * tokens and whose case rules the surface passes, leftmost first, without overlaps, unless a longer
 * one starts inside it and ends after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AliasFlag, compileIndex, type PlainIndex } from '../../src/knowledge/compile-index';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { caseMatches } from '../../src/match/case-rules';
import { findCandidates, findCandidatesInBlocks } from '../../src/match/find-candidates';
import { tokenize, visibleSurface } from '../../src/match/tokenize';
import { entity } from './support/test-index';

const index = compileIndex([
  entity('person:krebs', 'person', 'Christopher Krebs', [{ text: 'Christopher Krebs', kind: 'name' }, { text: 'Krebs', kind: 'surname' }]),
  entity('agency:cisa', 'agency', 'CISA', [{ text: 'CISA', kind: 'acronym' }, { text: 'Cybersecurity and Infrastructure Security Agency', kind: 'name' }]),
  entity('agency:dod', 'agency', 'Pentagon', [{ text: 'the Pentagon', kind: 'name' }, { text: 'Department of Defense', kind: 'name' }]),
  entity('company:att', 'company', 'AT&T', [{ text: 'AT&T', kind: 'name' }]),
  entity('place:us', 'place', 'United States', [{ text: 'U.S.', kind: 'acronym' }, { text: 'United States', kind: 'name' }]),
  entity('company:ebay', 'company', 'eBay', [{ text: 'eBay', kind: 'name' }]),
  entity('person:ogren', 'person', 'Zoë Ögren', [{ text: 'Zoë Ögren', kind: 'name' }, { text: 'Ögren', kind: 'surname' }]),
  entity('org:qaeda', 'organization', 'al-Qaeda', [{ text: 'al-Qaeda', kind: 'name' }]),
  entity('company:new', 'company', 'New York Times', [{ text: 'New York Times', kind: 'name' }, { text: 'The New York Times', kind: 'name' }]),
  entity('place:ny', 'place', 'New York', [{ text: 'New York', kind: 'name' }]),
  // Tickers in capitals that are not case-sensitive aliases: they pass only as spelled all the same.
  entity('company:gartner', 'company', 'Gartner', [{ text: 'Gartner', kind: 'name' }, { text: 'IT', kind: 'ticker' }]),
  entity('company:servicenow', 'company', 'ServiceNow', [{ text: 'NOW', kind: 'ticker' }, { text: 'U.S. Now', kind: 'name' }]),
  // "the Bureau" (the FBI) overlaps a longer name that starts inside it.
  entity('agency:fbi', 'agency', 'FBI', [{ text: 'the Bureau', kind: 'informal' }]),
  entity('agency:blm', 'agency', 'Bureau of Land Management', [{ text: 'Bureau of Land Management', kind: 'name' }]),
]);
const trie = buildAliasTrie(index);

/** The specification, written the slow and obvious way. */
function reference(text: string, idx: PlainIndex): [number, number, number[]][] {
  const tokens = tokenize(text);
  const aliasTokens = idx.aliasText.map((a) => tokenize(a));
  const longest = (i: number): [number, number[]] | undefined => {
    for (let len = tokens.length - i; len >= 1; len--) {
      const span = tokens.slice(i, i + len);
      const surface = span.map((t) => (t.isWord ? visibleSurface(text, t.start, t.end) : t.key));
      const ok = aliasTokens.flatMap((at, a) => {
        if (at.length !== len || at.some((t, k) => t.key !== span[k]!.key)) return [];
        const aliasSurface = at.map((t) => (t.isWord ? idx.aliasText[a]!.slice(t.start, t.end) : t.key));
        return caseMatches(aliasSurface, surface, (idx.aliasFlags[a]! & AliasFlag.CaseSensitive) !== 0) ? [a] : [];
      });
      if (ok.length > 0) return [len, ok];
    }
    return undefined;
  };
  const out: [number, number, number[]][] = [];
  for (let i = 0; i < tokens.length; ) {
    const found = longest(i);
    if (!found) {
      i++;
      continue;
    }
    let [start, len, ok] = [i, ...found] as [number, number, number[]];
    for (let j = i + 1; j < start + len; j++) {
      const inner = longest(j);
      if (inner && j + inner[0] > start + len && inner[0] > len) [start, len, ok] = [j, ...inner];
    }
    out.push([tokens[start]!.start, tokens[start + len - 1]!.end, ok]);
    i = start + len;
  }
  return out;
}

const piece = fc.oneof(
  fc.constantFrom(
    'Christopher Krebs', 'Krebs', 'KREBS', 'krebs', 'CISA', 'Cisa', 'the Pentagon', 'The Pentagon', 'THE PENTAGON', 'AT&T', 'AT’T',
    'U.S.', 'U.S', 'United States', 'eBay', 'Ebay', 'EBAY', 'Zoë Ögren', 'ZOË ÖGREN', 'Ögren', 'al-Qaeda', 'al‑Qaeda', 'Al-Qaeda',
    'The New York Times', 'New York', 'New', 'Department of Defense', 'Cybersecurity and Infrastructure Security Agency',
    'It', 'IT', 'it', 'Now', 'NOW', 'now', 'U.S. NOW', 'U.S. Now', 'Gartner',
    'the Bureau', 'The Bureau of Land Management', 'Bureau of Land', 'Management',
    'Chris\u00adtopher Krebs', '\u200bCISA', '\u00a0', ' ', '. ', '\n', '🦊', 'é', 'Ω',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('findCandidates', () => {
  it('finds what the reference finds, on random text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const got = findCandidates(t, index, trie).candidates.map((c) => [c.start, c.end, c.aliases]);
        expect(got).toEqual(reference(t, index));
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ['Christopher Krebs and CISA', ['Christopher Krebs', 'CISA']],
    ['at the Pentagon, The Pentagon said', ['the Pentagon', 'The Pentagon']],
    ['the pentagon and cisa stay plain', []],
    ['AT&T and U.S. and eBay', ['AT&T', 'U.S.', 'eBay']],
    ['ZOË ÖGREN met Ögren', ['ZOË ÖGREN', 'Ögren']],
    ['The New York Times in New York', ['The New York Times', 'New York']],
    ['the Bureau of Land Management, not the Bureau', ['Bureau of Land Management', 'the Bureau']],
  ])('%j', (t, surfaces) => {
    expect(findCandidates(t, index, trie).candidates.map((c) => t.slice(c.start, c.end))).toEqual(surfaces);
  });
});

describe('findCandidatesInBlocks: a page\'s blocks scanned together', () => {
  it('finds in each block exactly what matching that block alone finds (property)', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (blocks) => {
        expect(findCandidatesInBlocks(blocks, index, trie)).toEqual(blocks.map((b) => findCandidates(b, index, trie)));
      }),
      { numRuns: 500 },
    );
  });

  it('never joins a name across two blocks, nor sees the previous block\'s last word before one', () => {
    const blocks = ['He met Christopher', 'Krebs', 'New', 'York Times', 'Tom', 'CISA said', '', 'A \u0000 in the page: CISA'];
    const found = findCandidatesInBlocks(blocks, index, trie);
    expect(found.map((m, b) => m.candidates.map((c) => blocks[b]!.slice(c.start, c.end)))).toEqual([[], ['Krebs'], [], [], [], ['CISA'], [], ['CISA']]);
    expect(found[5]!.candidates[0]).toMatchObject({ start: 0, prevStart: -1, prevEnd: -1 });
  });

  it('scans a block longer than one joined scan on its own, and the blocks around it together', () => {
    const long = `${'word '.repeat(8000)}Christopher Krebs`;
    const blocks = ['CISA', long, 'the Pentagon', 'Krebs'];
    expect(findCandidatesInBlocks(blocks, index, trie)).toEqual(blocks.map((b) => findCandidates(b, index, trie)));
  });
});
