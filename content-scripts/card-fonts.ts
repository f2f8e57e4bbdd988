/**
 * The card's fonts, matched before a tab's first card is due. A renderer matches each face it lays
 * out for the first time (family, weight, size) through the browser process, a synchronous round trip
 * each on Linux: in a fresh tab the first card's layout took 14–21 ms of a 25–40 ms task, most of it
 * matching fonts (Chromium 156, traced), after its delay, while the reader waited for it. Measuring a
 * word in each face on a canvas goes through the same process-wide font cache, so done here, a face a
 * task, while the pointer rests out the card's delay, the card's own layout finds them matched.
 */
import { CARD_FACES, CARD_FONT_FAMILY } from './card-styles';

/**
 * Matches `CARD_FACES` one per task, until `stop()` says a card is being laid out (which matches the
 * rest itself). Nothing where the browser has no OffscreenCanvas.
 */
export function warmCardFonts(stop: () => boolean): void {
  if (typeof OffscreenCanvas !== 'function') return;
  let context: OffscreenCanvasRenderingContext2D | null | undefined;
  let next = 0;
  const step = () => {
    if (stop() || next >= CARD_FACES.length) return;
    try {
      context ??= new OffscreenCanvas(1, 1).getContext('2d');
      if (!context) return;
      const [weight, px, caps] = CARD_FACES[next++]!;
      context.font = `${weight} ${px}px ${CARD_FONT_FAMILY}`;
      context.fontVariantCaps = caps ?? 'normal';
      context.measureText('Aa');
    } catch {
      // Only a head start: the card's layout matches its fonts anyway.
      return;
    }
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}
