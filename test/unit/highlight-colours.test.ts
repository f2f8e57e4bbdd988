/**
 * The underline colours against the backgrounds news pages are read on. The OS's colour scheme picks
 * the palette, but not the page's background: a site without a dark theme stays white under a dark
 * OS, and a dark site stays dark under a light one. So each palette must be seen on both.
 */
import { describe, expect, it } from 'vitest';
import { COLOURS } from '../../src/highlight-colours';
import { CATEGORIES } from '../../src/knowledge/schema';
import { contrast, luminance } from '../support/contrast';

// White, a light grey page, the usual dark themes' greys, black.
const BACKGROUNDS = ['#ffffff', '#f2f2f2', '#222222', '#121212', '#000000'];

describe('highlight colours', () => {
  it('the helper measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(['light', 'dark'] as const)('every %s-scheme underline is at least 3:1 on light and dark pages alike', (scheme) => {
    for (const category of CATEGORIES) {
      const colour = COLOURS[category][scheme === 'light' ? 0 : 1];
      for (const bg of BACKGROUNDS) expect(contrast(colour, bg), `${scheme} ${category} ${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('the dark scheme draws lighter underlines than the light one, for dark pages', () => {
    for (const category of CATEGORIES) expect(luminance(COLOURS[category][1])).toBeGreaterThan(luminance(COLOURS[category][0]));
  });

  it('the categories keep five distinct colours in each scheme', () => {
    for (const i of [0, 1]) expect(new Set(CATEGORIES.map((c) => COLOURS[c][i])).size).toBe(CATEGORIES.length);
  });
});
