/**
 * Scrolls a range of text to the middle of the reader's view: of each element that scrolls around
 * it, innermost first, then of the window. `Element.scrollIntoView` would centre an element, and a
 * name's element can be taller than the window (a story's body as one `<span>` of `<br>`-separated
 * paragraphs, a long paragraph on a phone, a tall table cell): centring it left the name, and the
 * focused card beside it, thousands of pixels off-screen. Ranges have no `scrollIntoView`, and adding
 * an element to scroll to would change the page.
 */
export function scrollToRange(range: Range, behavior: ScrollBehavior): void {
  const doc = range.startContainer.ownerDocument;
  const win = doc?.defaultView;
  if (!doc || !win) return;
  const r = range.getBoundingClientRect();
  if (r.width === 0 && r.height === 0 && r.top === 0 && r.left === 0) return;
  // Where the range will be once the scrollers inside the one being scrolled have moved: a smooth
  // scroll has not moved them yet when the next one is measured.
  let x = r.left + r.width / 2;
  let y = r.top + r.height / 2;
  let fixed = false;
  const around = range.commonAncestorContainer;
  // The body scrolls on its own only when the root does not take its overflow for the window's (CSS
  // Overflow 3, "overflow viewport propagation"): `html { overflow: hidden } body { overflow: auto }`.
  const bodyScrolls = doc.body !== null && doc.documentElement !== null && win.getComputedStyle(doc.documentElement).overflowY !== 'visible';
  for (let el = around.nodeType === Node.ELEMENT_NODE ? (around as Element) : parentOf(around); el; el = parentOf(el)) {
    if (el === doc.scrollingElement || el === doc.documentElement || (el === doc.body && !bodyScrolls)) continue;
    const style = win.getComputedStyle(el);
    if (style.position === 'fixed') fixed = true;
    const dy = scrolls(style.overflowY) && el.scrollHeight > el.clientHeight ? by(el.scrollTop, el.scrollHeight - el.clientHeight, y - middle(el, 'y')) : 0;
    const dx = scrolls(style.overflowX) && el.scrollWidth > el.clientWidth ? by(el.scrollLeft, el.scrollWidth - el.clientWidth, x - middle(el, 'x')) : 0;
    if (dx === 0 && dy === 0) continue;
    el.scrollBy({ left: dx, top: dy, behavior });
    x -= dx;
    y -= dy;
  }
  // Text in a fixed element does not move with the window.
  if (fixed) return;
  const top = y - win.innerHeight / 2;
  // Sideways only as far as it takes to show it: a page wider than the window keeps its place.
  const left = x < 0 || x > win.innerWidth ? x - win.innerWidth / 2 : 0;
  if (top !== 0 || left !== 0) win.scrollBy({ left, top, behavior });
}

/** `overflow` values whose box the reader scrolls (`hidden` only scripts do: a carousel's). */
function scrolls(overflow: string): boolean {
  return overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay';
}

/** The middle of an element's scrolling area (inside its borders), in viewport coordinates. */
function middle(el: Element, axis: 'x' | 'y'): number {
  const b = el.getBoundingClientRect();
  return axis === 'y' ? b.top + el.clientTop + el.clientHeight / 2 : b.left + el.clientLeft + el.clientWidth / 2;
}

/** A scroll by `want`, held within what the element can scroll from `at` (0…`max`). */
function by(at: number, max: number, want: number): number {
  return Math.round(Math.min(max, Math.max(0, at + want)) - at);
}

/** The element around a node, across shadow roots to their hosts. */
function parentOf(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === Node.ELEMENT_NODE) return parent as Element;
  return (parent as ShadowRoot).host ?? null;
}
