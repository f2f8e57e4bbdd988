/**
 * A content script outlives its extension. After an update, a reload or a switch-off the browser
 * leaves the old script running in every page open before, with dead extension APIs (Chromium:
 * "Extension context invalidated"), and tells it nothing: no port closes on its side. Its names stay
 * painted and open nothing. And Chromium injects the new version only into pages loaded afterwards,
 * unless the reader asks for Gloss in that tab (src/start-in-tab.ts), which starts it in the same
 * isolated world as the old script.
 */
import { extensionGone } from '../src/protocol';

/** A per-world global: the page's own scripts see another `window` object, without it. */
const STOP = Symbol.for('gloss.stop');

type WithStop = { [STOP]?: () => void };

/**
 * One Gloss per document: stops the Gloss that runs in this document's world, if any (before the new
 * one paints, so the two never fight over the page's `gloss-*` highlights), and makes `stop` the one
 * the next calls.
 */
export function takeOver(win: Window, stop: () => void): void {
  const world = win as unknown as WithStop;
  const previous = world[STOP];
  world[STOP] = stop;
  if (previous === undefined || previous === stop) return;
  try {
    previous();
  } catch (e) {
    // An old script's own teardown failing must not keep the new one from starting.
    console.warn('Gloss could not stop its earlier script on this page:', e);
  }
}

/** What a reader does before a card could open or a name come into view: an old script looks then. */
const READER_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'scroll', 'focusin'] as const;

/**
 * Calls `stop` once the reader acts on a page whose extension is gone, before anything of Gloss
 * answers: the old names vanish as the pointer moves, not after a card failed to open. A property
 * read per event; nothing runs while the reader does nothing.
 */
export function stopWhenOrphaned(win: Window, stop: () => void, signal: AbortSignal): void {
  const look = () => {
    if (extensionGone()) stop();
  };
  for (const type of READER_EVENTS) win.addEventListener(type, look, { capture: true, passive: true, signal });
}
