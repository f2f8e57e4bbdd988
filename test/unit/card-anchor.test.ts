import { describe, expect, it } from 'vitest';
import { cardAnchor, lineNearest, type Box } from '../../content-scripts/card-anchor';

/** A line's box: left, top, right, bottom. */
const b = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });

// "The [Cybersecurity and / Infrastructure Security / Agency] spoke." in 18 px lines, 22 px apart.
const wrapped = [b(40, 100, 200, 118), b(10, 122, 190, 140), b(10, 144, 70, 162)];

describe('cardAnchor', () => {
  it.each<[string, Box[], number, Pick<Box, 'left' | 'right' | 'top' | 'bottom'>]>([
    ['the first line: its own width, the whole name high', wrapped, 0, { left: 40, right: 200, top: 100, bottom: 162 }],
    ['a middle line', wrapped, 1, { left: 10, right: 190, top: 100, bottom: 162 }],
    ['the last line', wrapped, 2, { left: 10, right: 70, top: 100, bottom: 162 }],
    ['a name on one line', [b(5, 50, 60, 68)], 0, { left: 5, right: 60, top: 50, bottom: 68 }],
    // A name across elements on one line: the text's box and an inline element's, a little taller.
    ['boxes on one line', [b(5, 50, 30, 68), b(30, 48, 60, 70)], 0, { left: 5, right: 30, top: 48, bottom: 70 }],
    ['a line past the boxes is the last', wrapped, 7, { left: 10, right: 70, top: 100, bottom: 162 }],
    ['an empty box (a collapsed edge) is skipped', [b(40, 100, 200, 118), b(200, 118, 200, 118), b(10, 122, 90, 140)], 0, { left: 40, right: 200, top: 100, bottom: 140 }],
    // Broken across two columns: the second column's line is higher up, another place on the screen.
    ['the next column is not the name’s height', [b(10, 700, 150, 718), b(320, 100, 400, 118)], 0, { left: 10, right: 150, top: 700, bottom: 718 }],
    ['nor the previous column, from the next', [b(10, 700, 150, 718), b(320, 100, 400, 118)], 1, { left: 320, right: 400, top: 100, bottom: 118 }],
    // A box far below (a caption the range runs into after a figure): not the name's next line.
    ['a box pages below is not a next line', [b(10, 100, 150, 118), b(10, 400, 80, 418)], 0, { left: 10, right: 150, top: 100, bottom: 118 }],
  ])('%s', (_, boxes, line, expected) => {
    const r = cardAnchor(boxes, line)!;
    expect({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }).toEqual(expected);
    expect(r).toMatchObject({ x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top });
  });

  it('has nothing to point at without a box with a size', () => {
    expect(cardAnchor([], 0)).toBeUndefined();
    expect(cardAnchor([b(3, 4, 3, 4)], 0)).toBeUndefined();
  });
});

describe('lineNearest', () => {
  it.each<[string, { x: number; y: number } | undefined, number]>([
    ['on the first line', { x: 120, y: 110 }, 0],
    ['on the last line', { x: 30, y: 150 }, 2],
    ['between lines, nearer the second', { x: 100, y: 121 }, 1],
    ['no pointer (the keyboard): the first', undefined, 0],
  ])('%s', (_, point, expected) => {
    expect(lineNearest(wrapped, point)).toBe(expected);
  });
});
