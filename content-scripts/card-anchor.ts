/**
 * Where the card points for a name the page wrapped over lines. Pointing at the line under the
 * pointer alone put the card, below that line, over the rest of the name it explains (audit-ui #3);
 * so the anchor is as tall as the whole name, and the card goes below its last line or above its
 * first, but as wide as the pointer's line only, so it opens where the reader is looking.
 */

export interface Box {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** A box in the shape floating-ui's `VirtualElement.getBoundingClientRect` returns. */
export interface AnchorRect extends Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Index of the box nearest `point` (0 without a point, as for the keyboard): the line the reader rests on. */
export function lineNearest(boxes: readonly Box[], point: { x: number; y: number } | undefined): number {
  if (!point) return 0;
  let line = 0;
  let best = Infinity;
  boxes.forEach((b, i) => {
    const dy = point.y < b.top ? b.top - point.y : point.y > b.bottom ? point.y - b.bottom : 0;
    const dx = point.x < b.left ? b.left - point.x : point.x > b.right ? point.x - b.right : 0;
    if (dx + dy < best) {
      best = dx + dy;
      line = i;
    }
  });
  return line;
}

/**
 * The anchor for `boxes` (a name's client rects, in text order) with the reader on `line`: that
 * line's left and right, and the top and bottom of the lines it runs on with. A line that is higher
 * than the one before it, or more than two lines' height below it, is another column or region
 * (a name broken across columns): the card would otherwise be pushed away from what it explains.
 * Empty boxes (a collapsed edge) are skipped. Undefined when there is no box with a size.
 */
export function cardAnchor(boxes: readonly Box[], line: number): AnchorRect | undefined {
  const at = Math.max(0, Math.min(line, boxes.length - 1));
  const own = boxes[at];
  if (!own || isEmpty(own)) {
    const other = boxes.find((b) => !isEmpty(b));
    return other && rect(other.left, other.top, other.right, other.bottom);
  }
  let { top, bottom } = own;
  // Out from the reader's line to the name's end, then to its start.
  for (const step of [1, -1]) {
    for (let near = own, i = at + step; i >= 0 && i < boxes.length; i += step) {
      const box = boxes[i]!;
      if (isEmpty(box)) continue;
      if (!(step > 0 ? continues(near, box) : continues(box, near))) break;
      top = Math.min(top, box.top);
      bottom = Math.max(bottom, box.bottom);
      near = box;
    }
  }
  return rect(own.left, top, own.right, bottom);
}

/** Whether `next` is on the same line as `prev` or on a line shortly below it. */
function continues(prev: Box, next: Box): boolean {
  const height = Math.max(1, prev.bottom - prev.top);
  return next.bottom > prev.top && next.top < prev.bottom + 2 * height;
}

function isEmpty(b: Box): boolean {
  return b.right - b.left <= 0 && b.bottom - b.top <= 0;
}

function rect(left: number, top: number, right: number, bottom: number): AnchorRect {
  return { left, top, right, bottom, x: left, y: top, width: right - left, height: bottom - top };
}
