/**
 * The worker's warm-up (`WARM_UP_TEXTS`, linked once as the worker starts) with the bundled knowledge:
 * it must reach the rules a page's first request would otherwise be the first to run (and compile),
 * and link its own names as a page's would. Its speed is `npm run bench`'s (`bench/worker-start.ts`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WARM_UP_TEXTS } from '../../src/background/warm-up-texts';
import { compileKnowledge } from '../../src/knowledge/compile-knowledge';
import type { KnowledgeFile } from '../../src/knowledge/schema';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { findMentions } from '../../src/match/find-mentions';

const { index } = compileKnowledge(JSON.parse(readFileSync('knowledge/knowledge.json', 'utf8')) as KnowledgeFile);
const mentions = findMentions(WARM_UP_TEXTS, index, buildAliasTrie(index)).map((m) => ({
  text: WARM_UP_TEXTS[m.block]!.slice(m.start, m.end),
  before: WARM_UP_TEXTS[m.block]!.slice(Math.max(0, m.start - 3), m.start),
  id: index.ids.at(m.entity),
  reason: m.reason,
}));
const linked = (text: string) => mentions.filter((m) => m.text === text);

describe('the worker\'s warm-up', () => {
  it('takes the rules of a company named by an everyday word and what it did', () => {
    expect(linked('Apple')).toEqual([expect.objectContaining({ id: 'company:apple', reason: expect.objectContaining({ kind: 'company-act', act: 'Apple said' }) })]);
    expect(linked('Target')[0]?.reason).toMatchObject({ kind: 'company-act', act: 'Target\u2019s chief executive' });
  });

  it('takes the rule of a unit after a number ("306 HP" is no company), and of an acronym before a hyphen', () => {
    expect(WARM_UP_TEXTS.some((t) => t.includes('306 HP'))).toBe(true);
    expect(linked('HP')).toEqual([]);
    expect(linked('NATO').map((m) => m.id)).toContain('org:nato');
    expect(WARM_UP_TEXTS.some((t) => t.includes('NATO-led'))).toBe(true);
  });

  it('takes the rules of a person "of" a state and of an acronym spelled out before ", or"', () => {
    expect(linked('Georgia').filter((m) => m.before === 'of ').map((m) => m.reason)).toEqual([
      expect.objectContaining({ kind: 'context', words: ['Raphael G. Warnock'] }),
      expect.objectContaining({ kind: 'context', words: ['Brian Kemp'] }),
    ]);
    expect(linked('SEC')[0]?.reason).toMatchObject({ kind: 'context', words: ['Securities and Exchange Commission'] });
  });

  it('takes the rule of a surname that opens a sentence as an adjective ("Little is known")', () => {
    expect(WARM_UP_TEXTS.some((t) => t.startsWith('Little is known'))).toBe(true);
    expect(linked('Little')).toEqual([]);
    expect(linked('Brad Little').map((m) => m.id)).toEqual(['person:brad-little']);
  });
});
