/** The clues a card's "why" line gives for a name its page's context linked: short, true, each once. */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/knowledge/compile-index';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { contextClues, type ClueSources } from '../../src/match/context-clues';
import { findMentions } from '../../src/match/find-mentions';
import { entity } from './support/test-index';

describe('contextClues', () => {
  const sabres = { own: ['Buffalo Sabres', 'Sabres'], matched: 'Sabres' };
  it.each<[string, ClueSources, string[]]>([
    ['a hint the page also names as an entity, once, as the entity is spelled', { names: ['Minnesota'], hints: ['goaltender', 'minnesota'], own: ['Minnesota Wild', 'Wild'], matched: 'Wild' }, ['Minnesota', 'goaltender']],
    ['never the entity’s own name or an alias of it', { names: ['Buffalo Sabres', 'Buffalo'], hints: ['goaltender', 'sabres'], ...sabres }, ['Buffalo', 'goaltender']],
    ['never the matched name cut into words', { names: [], hints: ['supreme', 'court', 'justices'], own: ['Supreme Court of the United States', 'Supreme Court'], matched: 'Supreme Court' }, ['justices']],
    ['a hint listed twice, or as singular and plural, once', { names: [], hints: ['bundesliga', 'mls', 'bundesliga', 'pitcher', 'pitchers'], own: ['Borussia Dortmund'], matched: 'Dortmund' }, ['bundesliga', 'mls', 'pitcher']],
    ['not an entity’s acronym or a word of its name beside its name', { names: ['Major League Baseball'], hints: ['mlb', 'baseball', 'bullpen'], own: ['Boston Red Sox', 'Red Sox'], matched: 'Red Sox' }, ['Major League Baseball', 'bullpen']],
    [
      'entities before hint words, four at most',
      { names: ['Boston', 'Major League Baseball'], hints: ['mlb', 'baseball', 'pitcher', 'pitchers', 'bullpen', 'homer', 'boston'], own: ['Boston Red Sox', 'Red Sox'], matched: 'Red Sox' },
      ['Boston', 'Major League Baseball', 'pitcher', 'bullpen'],
    ],
    ['nothing, when the only clue is the entity itself', { names: [], hints: [], own: ['Associated Press', 'AP'], matched: 'AP' }, []],
  ])('%s', (_, sources, expected) => {
    expect(contextClues(sources)).toEqual(expected);
  });

  it('writes a hint as the page does', () => {
    const spell = (h: string) => ({ nhl: 'NHL', buffalo: 'Buffalo' })[h] ?? h;
    expect(contextClues({ names: [], hints: ['nhl', 'goaltender', 'buffalo'], ...sabres, spell })).toEqual(['NHL', 'goaltender', 'Buffalo']);
  });
});

describe('linkMentions: the clues a context-linked name carries to its card', () => {
  const index = compileIndex([
    entity('org:ap', 'organization', 'Associated Press', [{ text: 'Associated Press', kind: 'name' }, { text: 'AP', kind: 'acronym', needsContext: true }]),
  ]);

  it('none where the entity’s own name, linked elsewhere on the page, was all the support: the card says so instead', () => {
    const [, ap] = findMentions(['The Associated Press reported it first (AP).'], index, buildAliasTrie(index));
    expect(ap?.reason).toEqual({ kind: 'context', alias: 'AP', words: [] });
  });
});
