/**
 * Category colours, for the OS's light and dark schemes: the page's marks (content-scripts/
 * paint-highlights.ts) and the popup's key to them. The scheme does not say what the page's
 * background is (most news sites stay white under a dark OS), so both are chosen for ≥ 3:1 against
 * white, #f2f2f2, #222, #121212 and black alike (WCAG 1.4.11; `test/unit/highlight-colours.test.ts`):
 * the light ones at a relative luminance of about 0.16, the dark ones about 0.25, a little lighter
 * for a dark page. The earlier dark ones (0.37–0.50) were 1.9–2.5:1 on a white page.
 */
import type { Category } from './knowledge/schema';

export const COLOURS: Record<Category, [light: string, dark: string]> = {
  person: ['#1f6feb', '#3f88e7'],
  agency: ['#8250df', '#9c72e2'],
  company: ['#bc4c00', '#d56a27'],
  place: ['#1a7f37', '#339b42'],
  organization: ['#bf3989', '#d55e9d'],
};

/** How much of the colour a name's tint ("background" style) mixes in. */
export const TINT_PERCENT = 18;
