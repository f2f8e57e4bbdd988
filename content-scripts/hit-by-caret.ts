/** Which of a text node's mentions the pointer is on, from the caret's place in the text. */
import type { PageMention } from './annotator';
import { lowerBound } from '../src/lower-bound';

/** Whether a point is in one of the boxes, give or take a pixel (a box's edge is the name's too). */
export function rectsContain(rects: DOMRectList, x: number, y: number): boolean {
  for (const r of rects) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  return false;
}

/**
 * The shown mention of `candidates` (in document order) under the point: the caret's place in the
 * text says which one it can be, found by a binary search over their ranges (no layout read), and
 * that one and its neighbours are confirmed by their boxes, since the caret snaps to the nearest
 * character even past a line's end. A paragraph of 3,000 names had each of them measured in turn.
 */
export function hitByCaret(candidates: readonly PageMention[], caret: { node: Node; offset: number }, x: number, y: number): PageMention | undefined {
  let at: number;
  try {
    at = lowerBound(candidates, (m) => m.range.comparePoint(caret.node, caret.offset) > 0);
  } catch {
    // A range left in another tree by a change the next pass has not read yet: nothing to place it by.
    return undefined;
  }
  for (let i = Math.max(0, at - 1); i <= at + 1 && i < candidates.length; i++) {
    const m = candidates[i]!;
    if (m.shown && rectsContain(m.range.getClientRects(), x, y)) return m;
  }
  return undefined;
}
