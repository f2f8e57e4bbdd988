import { describe, expect, it } from 'vitest';
import { score } from '../../eval/score';

describe('eval score', () => {
  it('counts true positives by surface and id, wrong ids as false positives, unlinked gold as misses', () => {
    const gold = [
      { text: 'Krebs', id: 'person:christopher-krebs', count: 3 },
      { text: 'CISA', id: 'agency:cisa', count: 1 },
      { text: 'Ford', id: null, count: 1 },
    ];
    const predicted = [
      { text: 'Krebs', id: 'person:christopher-krebs' },
      { text: 'Krebs', id: 'person:christopher-krebs' },
      { text: 'Krebs', id: 'person:brian-krebs' },
      { text: 'Ford', id: 'company:ford' },
    ];
    expect(score(gold, predicted)).toEqual({
      tp: 2,
      fp: 2,
      fn: 2,
      wrong: ['"Krebs" → person:brian-krebs ×1', '"Ford" → company:ford ×1'],
      missed: ['"Krebs" → person:christopher-krebs ×1', '"CISA" → agency:cisa ×1'],
    });
  });
});
