/** WCAG 2 contrast, for tests that check colours a reader must tell apart. */

/** The channels of a CSS `rgb()`/`rgba()` colour, or of `#rrggbb`. */
export function channels(colour: string): number[] {
  if (colour.startsWith('#')) return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  return colour.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
}

/** The WCAG 2 relative luminance of an sRGB colour (channels or a CSS string). */
export function luminance(c: number[] | string): number {
  const [r, g, b] = (typeof c === 'string' ? channels(c) : c).map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG 2 contrast ratio of two sRGB colours (channels or CSS strings). */
export function contrast(a: number[] | string, b: number[] | string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** In the page: each of the open card's buttons' border colour, and the card's background. */
export function cardButtonBorders(): { background: string; borders: string[] } {
  const card = document.querySelector('[data-gloss]')!.shadowRoot!.querySelector('.card')!;
  return {
    background: getComputedStyle(card).backgroundColor,
    borders: [...card.querySelectorAll('button')].map((b) => getComputedStyle(b).borderTopColor),
  };
}
