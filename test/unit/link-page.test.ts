/** A tab's request as the worker answers it (`linkPage`): the same answer whether its blocks were matched before or not. */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/knowledge/compile-index';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { linkPage, newMatchCache } from '../../src/match/link-page';
import { entity } from './support/test-index';

const index = compileIndex([
  entity('agency:cisa', 'agency', 'Cybersecurity and Infrastructure Security Agency', [{ text: 'CISA', kind: 'acronym' }]),
  entity('person:christopher-krebs', 'person', 'Christopher Krebs', [{ text: 'Christopher Krebs', kind: 'name' }, { text: 'Krebs', kind: 'surname' }]),
  entity('company:delta-air-lines', 'company', 'Delta Air Lines', [{ text: 'Delta Air Lines', kind: 'name' }, { text: 'Delta', kind: 'short' }], { context: ['airline', 'flights'] }),
  entity('company:delta-faucet', 'company', 'Delta Faucet Company', [{ text: 'Delta Faucet Company', kind: 'name' }, { text: 'Delta', kind: 'short' }], { context: ['faucets', 'plumbing'] }),
]);
const trie = buildAliasTrie(index);
const names = (page: ReturnType<typeof linkPage>) => page.wire.rows.filter((_, i) => i % 6 === 3).map((e) => page.wire.entities[e]!.id);

describe('linkPage', () => {
  it('leaves out the entities it is told to (the site\'s own outlet), and only those', () => {
    const texts = ['Christopher Krebs led CISA.', 'Krebs was fired, CISA said.'];
    const krebs = Array.from({ length: index.ids.length }, (_, row) => index.ids.at(row)).indexOf('person:christopher-krebs');
    expect(krebs).toBeGreaterThanOrEqual(0);
    expect(names(linkPage(texts, index, trie, newMatchCache(), new Map(), new Set([krebs])))).toEqual(['agency:cisa', 'agency:cisa']);
    expect(names(linkPage(texts, index, trie, newMatchCache(), new Map(), new Set()))).toEqual(['person:christopher-krebs', 'agency:cisa', 'person:christopher-krebs', 'agency:cisa']);
  });

  it('matches only the blocks it has not seen, and answers the same as for a fresh page', () => {
    const cache = newMatchCache();
    const texts = ['Christopher Krebs led CISA.', 'Nothing here.', 'Krebs was fired.'];
    const first = linkPage(texts, index, trie, cache, new Map());
    expect(first.matched).toBe(3);
    expect(names(first)).toEqual(['person:christopher-krebs', 'agency:cisa', 'person:christopher-krebs']);

    const again = linkPage(texts, index, trie, cache, new Map());
    expect(again.matched).toBe(0);
    expect(again.wire).toEqual(first.wire);

    // One block edited: only it is matched anew, and the bare surname still follows the full name before it.
    const edited = linkPage([texts[0]!, 'Krebs spoke to CISA staff.', texts[2]!], index, trie, cache, new Map());
    expect(edited.matched).toBe(1);
    expect(names(edited)).toEqual(['person:christopher-krebs', 'agency:cisa', 'person:christopher-krebs', 'agency:cisa', 'person:christopher-krebs']);
  });

  it('counts the words of every block for context, whether it was matched before or not, and only this page\'s', () => {
    const cache = newMatchCache();
    const hint = 'The airline cancelled flights on Monday.';
    const name = 'Delta said it was sorry.';
    expect(names(linkPage([hint, name], index, trie, cache, new Map()))).toEqual(['company:delta-air-lines']);
    // Both blocks from the cache.
    expect(names(linkPage([hint, name], index, trie, cache, new Map()))).toEqual(['company:delta-air-lines']);
    // The hint's block from the cache, the name's matched anew; then the other way round.
    expect(names(linkPage([hint, 'Delta said it was sorry again.'], index, trie, cache, new Map()))).toEqual(['company:delta-air-lines']);
    expect(names(linkPage(['Our airline cancelled flights.', name], index, trie, cache, new Map()))).toEqual(['company:delta-air-lines']);
    // The earlier pages' words do not count for this one.
    expect(names(linkPage(['Nothing here.', name], index, trie, cache, new Map()))).toEqual([]);
    expect(names(linkPage(['New faucets and plumbing.', name], index, trie, cache, new Map()))).toEqual(['company:delta-faucet']);
  });
});
