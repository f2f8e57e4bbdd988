/**
 * Where the open card is drawn, for the Chromium (Playwright) and Firefox (Puppeteer) tests. The
 * in-page function is passed to `page.evaluate`, which sends its source to the page: it uses nothing
 * from outside itself.
 */

/**
 * In the page: what is wrong with where the open card is drawn next to `name` in `selector` (none: []):
 * not its own 320 px wide, not within the viewport, or not beside the name (below or above it, 6 px
 * off, overlapping it across). The name's and the card's boxes are both viewport px, whatever the
 * page's CSS zoom.
 */
export function cardPlacementFaults({ selector, name }: { selector: string; name: string }): string[] {
  const host = Document.prototype.querySelector.call(document, '[data-gloss="card"]');
  const card = host?.shadowRoot?.querySelector('.card');
  if (!card) return ['no card'];
  const el = Document.prototype.querySelector.call(document, selector);
  const text = el && [...el.childNodes].find((n): n is Text => n instanceof Text && n.data.includes(name));
  if (!text) return [`"${name}" not in ${selector}`];
  const range = Document.prototype.createRange.call(document);
  range.setStart(text, text.data.indexOf(name));
  range.setEnd(text, text.data.indexOf(name) + name.length);
  const n = range.getBoundingClientRect();
  const c = card.getBoundingClientRect();
  const px = (v: number) => Math.round(v);
  const faults: string[] = [];
  if (Math.abs(c.width - 320) > 1) faults.push(`card ${px(c.width)} px wide`);
  if (c.left < 0 || c.top < 0 || c.right > innerWidth || c.bottom > innerHeight) {
    faults.push(`card at ${px(c.left)}–${px(c.right)} × ${px(c.top)}–${px(c.bottom)}, viewport ${innerWidth} × ${innerHeight}`);
  }
  const gap = c.top >= n.bottom - 2 ? c.top - n.bottom : n.top - c.bottom;
  if (gap < 2 || gap > 12) faults.push(`card ${px(gap)} px from the name (${px(n.top)}–${px(n.bottom)}; card ${px(c.top)}–${px(c.bottom)})`);
  if (c.left > n.right || c.right < n.left) faults.push(`card ${px(c.left)}–${px(c.right)} not across the name's ${px(n.left)}–${px(n.right)}`);
  return faults;
}
