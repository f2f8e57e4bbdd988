/**
 * Turns pointer movement into "the reader rests on this mention": a dwell delay before a card
 * opens, no card while the pointer is sweeping across text, and a grace period in which the
 * pointer may travel from the name into the card. Constants from Wikipedia's Page Previews and
 * 10ten Reader (REFERENCE.md); the dwell is a setting.
 */
import type { PageMention } from './annotator';

/** Time the pointer may spend off both the name and the card before the card closes (ms). */
export const GRACE_MS = 300;
/** Pointer speeds above this (px/ms) are passing over text, not reading it. */
export const SWEEP_SPEED = 0.5;
/** How long the pointer stays on a name before the card's work starts (`settled`): Page Previews' 150 ms. */
export const SETTLED_MS = 150;

export interface HoverCallbacks {
  mentionAt(x: number, y: number): PageMention | undefined;
  isInCard(target: EventTarget | null): boolean;
  /** The pointer came to rest on a name: a card may open when the delay is over. */
  resting(): void;
  /**
   * The pointer has stayed on a name for SETTLED_MS (or half the delay, if shorter), its card not yet
   * open: work for the card may start (Page Previews waits 150 ms before it starts work).
   */
  settled?(mention: PageMention): void;
  open(mention: PageMention, x: number, y: number): void;
  close(): void;
  isPinned(): boolean;
  isOpenFor(mention: PageMention): boolean;
}

export function trackHoverIntent(win: Window, cb: HoverCallbacks, getDelay: () => number, signal: AbortSignal): void {
  let dwell: ReturnType<typeof setTimeout> | undefined;
  let grace: ReturnType<typeof setTimeout> | undefined;
  let candidate: PageMention | undefined;
  let last = { x: 0, y: 0, t: 0 };
  let frame = 0;
  let pending: MouseEvent | undefined;

  let settle: ReturnType<typeof setTimeout> | undefined;
  const clearDwell = () => {
    clearTimeout(dwell);
    clearTimeout(settle);
    dwell = settle = undefined;
  };
  const startGrace = () => {
    if (grace !== undefined || cb.isPinned()) return;
    grace = setTimeout(() => {
      grace = undefined;
      if (!cb.isPinned()) cb.close();
    }, GRACE_MS);
  };
  const cancelGrace = () => {
    clearTimeout(grace);
    grace = undefined;
  };

  const check = () => {
    frame = 0;
    const e = pending;
    pending = undefined;
    if (!e) return;
    const speed = last.t ? Math.hypot(e.clientX - last.x, e.clientY - last.y) / Math.max(1, e.timeStamp - last.t) : 0;
    last = { x: e.clientX, y: e.clientY, t: e.timeStamp };
    if (cb.isInCard(e.composedPath()[0] ?? e.target)) {
      cancelGrace();
      clearDwell();
      candidate = undefined;
      return;
    }
    // A button held: the reader is selecting text (or dragging), and a card opening under the
    // pointer would cover what they select. Resting after the release opens it.
    if (e.buttons !== 0) {
      clearDwell();
      candidate = undefined;
      return;
    }
    const mention = cb.mentionAt(e.clientX, e.clientY);
    if (mention && cb.isOpenFor(mention)) {
      cancelGrace();
      return;
    }
    if (mention?.id !== candidate?.id || mention?.start !== candidate?.start) {
      candidate = mention;
      clearDwell();
    }
    if (!mention) {
      startGrace();
      return;
    }
    // Sweeping across a name restarts the dwell: only a resting pointer opens a card.
    if (speed > SWEEP_SPEED) clearDwell();
    if (dwell === undefined) {
      cb.resting();
      const { clientX: x, clientY: y } = e;
      // The delay runs from the pointer's arrival (the event's time), not from this frame's check of it.
      const waited = Math.max(0, performance.now() - e.timeStamp);
      const delay = Math.max(0, getDelay() - waited);
      dwell = setTimeout(() => {
        dwell = undefined;
        clearTimeout(settle);
        if (candidate === mention) {
          cancelGrace();
          cb.open(mention, x, y);
        }
      }, delay);
      // Restarted with the dwell while the pointer sweeps on: a name passed over settles nothing.
      if (cb.settled) settle = setTimeout(() => candidate === mention && cb.settled!(mention), Math.min(SETTLED_MS, delay / 2));
    }
  };

  const moved = (e: MouseEvent) => {
    pending = e;
    // One hit-test per frame at most: caret lookups are cheap but pointermove can fire at 1 kHz.
    frame ||= win.requestAnimationFrame(check);
  };
  /** A pointermove reached Gloss since the last mousemove: the browser's mousemove for the same motion is not needed. */
  let pointerSeen = false;
  win.addEventListener(
    'pointermove',
    (e) => {
      // Pages can dispatch synthetic events; only the reader's own pointer opens cards.
      if (!e.isTrusted) return;
      pointerSeen = true;
      if (e.pointerType !== 'touch') moved(e);
    },
    { passive: true, capture: true, signal },
  );
  // A page may stop pointermove before Gloss hears it (a drag or canvas library's window capture
  // listener, registered before a content script at document_idle can be, calling
  // stopImmediatePropagation): every card would be off. The browser's mousemove for the same motion
  // follows each pointermove, so it takes over only when no pointermove came before it.
  win.addEventListener(
    'mousemove',
    (e) => {
      if (!e.isTrusted) return;
      if (pointerSeen) {
        pointerSeen = false;
        return;
      }
      if (!fromTouch(e)) moved(e);
    },
    { passive: true, capture: true, signal },
  );
  win.document.addEventListener('pointerleave', () => {
    clearDwell();
    candidate = undefined;
    startGrace();
  }, { signal });
  signal.addEventListener('abort', () => {
    clearDwell();
    cancelGrace();
    if (frame) win.cancelAnimationFrame(frame);
  });
}

/**
 * Whether a mouse event is the browser's stand-in for a touch (the mousemove before a tap's click):
 * a tap opens its card by `tap-intent.ts`, and no pointer rests there. Chromium says so in
 * `sourceCapabilities`, Firefox in `mozInputSource` (5: MOZ_SOURCE_TOUCH).
 */
function fromTouch(e: MouseEvent): boolean {
  const event = e as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } | null; mozInputSource?: number };
  return event.sourceCapabilities?.firesTouchEvents === true || event.mozInputSource === 5;
}
