/** A tab's request as the worker answers it (`linkPage`): the same answer whether its blocks were matched before or not. */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/knowledge/compile-index';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { linkPage, newMatchCache } from '../../src/match/link-page';
import { entity } from './support/test-index';

const index = compileIndex([
  entity('agency:cisa', 'agency', 'Cybersecurity and Infrastructure Security Agency', [{ text: 'CISA', kind: 'acronym' }]),
  entity('person:christopher-krebs', 'person', 'Christopher Krebs', [{ text: 'Christopher Krebs', kind: 'name' }, { text: 'Krebs', kind: 'surname' }]),
]);
const trie = buildAliasTrie(index);
const names = (page: ReturnType<typeof linkPage>) => page.wire.rows.filter((_, i) => i % 6 === 3).map((e) => page.wire.entities[e]!.id);

describe('linkPage', () => {
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
});
