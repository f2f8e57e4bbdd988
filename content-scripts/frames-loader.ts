/**
 * content-frames.js, which the manifest injects into every frame (the top one included: a manifest
 * cannot leave it out), kept to a few lines: the top frame has content.js, and most subframes are ads
 * and widgets with nothing to read. Only a subframe with text imports the script that annotates it.
 * Compiling that script in every frame cost ~5–10 ms a frame (README, Performance).
 */
/** Below this much text a subframe (ads, widgets, trackers) is not worth loading Gloss for. */
const MIN_FRAME_TEXT = 200;

/** Built by build.mjs from content-scripts/index.ts, as a module; web-accessible by the session's dynamic URL only. */
const FRAME_SCRIPT = 'content-frame-main.js';

if (window !== window.top && (document.body?.textContent?.trim().length ?? 0) >= MIN_FRAME_TEXT) {
  // The polyfill too is set up only here (bundled, imported lazily), not in the top frame and the ad frames.
  import('webextension-polyfill')
    .then(({ default: browser }) => import(browser.runtime.getURL(FRAME_SCRIPT)))
    .catch((e: unknown) => console.warn('Gloss could not start in this frame:', e));
}
