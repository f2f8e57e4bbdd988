/**
 * The card's faces are matched ahead of its first showing, one per task, and the list of faces is
 * the stylesheet's: a size or weight the card's CSS sets and the list lacks would be matched in the
 * task that shows the first card again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmCardFonts } from '../../content-scripts/card-fonts';
import { CARD_CSS, CARD_FACES, CARD_FONT_FAMILY } from '../../content-scripts/card-styles';

/** A canvas that records the font of each text it measures. */
function fakeCanvas() {
  const measured: string[] = [];
  class FakeOffscreenCanvas {
    getContext() {
      return {
        font: '',
        fontVariantCaps: 'normal',
        measureText(this: { font: string; fontVariantCaps: string }) {
          measured.push(`${this.font}|${this.fontVariantCaps}`);
          return { width: 1 };
        },
      };
    }
  }
  vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
  return measured;
}

const nextTask = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('warmCardFonts', () => {
  it('measures text in each of the card\'s faces, in the card\'s font stack, one face a task', async () => {
    const measured = fakeCanvas();
    warmCardFonts(() => false);
    expect(measured).toEqual([]);
    await nextTask();
    expect(measured).toHaveLength(1);
    for (let i = 0; i < CARD_FACES.length + 2; i++) await nextTask();
    expect(measured).toEqual(CARD_FACES.map(([weight, px, caps]) => `${weight} ${px}px ${CARD_FONT_FAMILY}|${caps ?? 'normal'}`));
    expect(measured).toContain(`400 16px ${CARD_FONT_FAMILY}|all-small-caps`);
  });

  it('stops as soon as a card is being made', async () => {
    const measured = fakeCanvas();
    let made = false;
    warmCardFonts(() => made);
    await nextTask();
    await nextTask();
    made = true;
    for (let i = 0; i < CARD_FACES.length; i++) await nextTask();
    expect(measured).toHaveLength(2);
  });

  it('does nothing where the browser has no OffscreenCanvas', async () => {
    vi.stubGlobal('OffscreenCanvas', undefined);
    expect(() => warmCardFonts(() => false)).not.toThrow();
    await nextTask();
  });
});

describe('CARD_FACES', () => {
  it('has every font size and weight the card\'s stylesheet sets, and its small capitals', () => {
    const sizes = new Set(CARD_FACES.map(([, px]) => px));
    const weights = new Set(CARD_FACES.map(([weight]) => weight));
    const cssSizes = [...CARD_CSS.matchAll(/font(?:-size)?:\s*(\d+)px/g)].map((m) => Number(m[1]));
    const cssWeights = [...CARD_CSS.matchAll(/font-weight:\s*(\d+)/g)].map((m) => Number(m[1]));
    expect(cssSizes.length).toBeGreaterThan(3);
    expect(cssWeights.length).toBeGreaterThan(1);
    for (const px of cssSizes) expect(sizes, `${px}px`).toContain(px);
    for (const weight of cssWeights) expect(weights, `weight ${weight}`).toContain(weight);
    expect(CARD_CSS).toContain('all-small-caps');
    expect(CARD_FACES.some(([, , caps]) => caps === 'all-small-caps')).toBe(true);
    expect(CARD_CSS).toContain(`font: 14px/1.45 ${CARD_FONT_FAMILY}`);
  });
});
