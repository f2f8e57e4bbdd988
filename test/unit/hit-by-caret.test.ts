/** Hit-testing a text node's mentions by the caret's offset: a binary search, then the boxes of a few. */
import { describe, expect, it } from 'vitest';
import type { PageMention } from '../../content-scripts/annotator';
import { hitByCaret } from '../../content-scripts/hit-by-caret';
import { lowerBound } from '../../src/lower-bound';

describe('lowerBound', () => {
  it.each([
    [[], 5, 0],
    [[1, 2, 3], 0, 0],
    [[1, 2, 3], 2, 1],
    [[1, 2, 3], 9, 3],
    [[1, 1, 2, 2, 2, 3], 2, 2],
  ] as const)('in %j, the first not below %d is at %d', (items, value, expected) => {
    expect(lowerBound(items, (n) => n < value)).toBe(expected);
  });

  it('asks about log2(n) items', () => {
    const items = Array.from({ length: 3000 }, (_, i) => i);
    let asked = 0;
    expect(lowerBound(items, (n) => (asked++, n < 2400))).toBe(2400);
    expect(asked).toBeLessThanOrEqual(12);
  });

  it('searches from a given index on, as the end of a window is searched from its start', () => {
    const items = [1, 1, 2, 2, 2, 3, 5];
    expect(lowerBound(items, (n) => n <= 2, 2)).toBe(5);
    expect(lowerBound(items, (n) => n <= 2, 6)).toBe(6);
    expect(lowerBound(items, () => true, 7)).toBe(7);
  });
});

/**
 * A text node of `count` names on one line, one pixel a character: name i covers [20i, 20i + 12), and
 * its box is x 20i…20i+12, y 0…10. Counts the boxes read.
 */
function line(count: number) {
  const node = {} as Node;
  const reads = { rects: 0 };
  const mentions = Array.from({ length: count }, (_, i) => {
    const start = i * 20;
    const end = start + 12;
    const range = {
      comparePoint: (n: Node, offset: number) => {
        if (n !== node) throw new DOMException('not in this tree', 'WrongDocumentError');
        return offset < start ? -1 : offset > end ? 1 : 0;
      },
      getClientRects: () => {
        reads.rects++;
        return [{ left: start, right: end, top: 0, bottom: 10 }] as unknown as DOMRectList;
      },
    };
    return { id: `e${i}`, start, end, shown: true, range } as unknown as PageMention;
  });
  return { node, mentions, reads };
}

describe('hitByCaret', () => {
  it('finds a name deep in a paragraph of 3,000 by reading at most three boxes', () => {
    const { node, mentions, reads } = line(3000);
    // The pointer on name 2,400's fifth character: the caret is before or after it.
    for (const offset of [48_004, 48_005]) {
      reads.rects = 0;
      expect(hitByCaret(mentions, { node, offset }, 48_004.5, 5)).toBe(mentions[2400]);
      expect(reads.rects).toBeLessThanOrEqual(3);
    }
  });

  it.each<[string, number, number, number | undefined, number]>([
    ['on its first character', 40_000, 40_000.2, 2000, 5],
    ['on its last character (the caret after it)', 40_012, 40_011.8, 2000, 5],
    ['between two names', 40_016, 40_016, undefined, 5],
    // The caret snaps to the nearest character, even from a point below the line.
    ['below the line', 40_005, 40_005, undefined, 40],
  ])('the pointer %s', (_where, offset, x, expected, y) => {
    const { node, mentions, reads } = line(3000);
    expect(hitByCaret(mentions, { node, offset }, x, y)).toBe(expected === undefined ? undefined : mentions[expected]);
    expect(reads.rects).toBeLessThanOrEqual(3);
  });

  it('a name not shown (first mention per section) is not found, nor its neighbours in its place', () => {
    const { node, mentions } = line(10);
    (mentions[4] as { shown: boolean }).shown = false;
    expect(hitByCaret(mentions, { node, offset: 85 }, 85, 5)).toBeUndefined();
    expect(hitByCaret(mentions, { node, offset: 105 }, 105, 5)).toBe(mentions[5]);
  });

  it('a caret in another tree than the ranges finds nothing, and does not throw', () => {
    const { mentions } = line(10);
    expect(hitByCaret(mentions, { node: {} as Node, offset: 5 }, 5, 5)).toBeUndefined();
  });
});
