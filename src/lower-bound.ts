/**
 * The first index in `items` (from `from` on) whose item `isBefore` does not hold for: `items` must be
 * ordered so that every item it holds for comes first (mentions in document order, tested against a
 * point in the page; an index's alias rows, by entity). `items.length` when it holds for all. Asks
 * `isBefore` about log2(n) items, which matters when each answer reads the page's layout: a
 * paragraph may hold thousands of names.
 */
export function lowerBound<T>(items: ArrayLike<T>, isBefore: (item: T) => boolean, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
