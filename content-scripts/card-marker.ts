/**
 * How Gloss marks the one element it adds to a page, the card's host: `data-gloss="card"` (tests find
 * it as `[data-gloss]`). The walk and the page watcher leave it out by this value, not by the attribute
 * alone, so a site's own `data-gloss` (a glossary plugin's) does not hide its text from Gloss.
 */
export const CARD_MARK = 'data-gloss';
export const CARD_MARK_VALUE = 'card';
export const CARD_SELECTOR = `[${CARD_MARK}="${CARD_MARK_VALUE}"]`;

export function isCardHost(node: Node | null): boolean {
  return node instanceof Element && node.getAttribute(CARD_MARK) === CARD_MARK_VALUE;
}
