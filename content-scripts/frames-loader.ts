/**
 * content-frames.js, which the manifest injects into every frame (the top one included: a manifest
 * cannot leave it out), kept to a few lines: the top frame has content.js, and most subframes are ads
 * and widgets with nothing to read. Only a subframe with text imports the script that annotates it.
 * Compiling that script in every frame cost ~5–10 ms a frame (docs/performance.md).
 */
/** Below this much text a subframe (ads, widgets, trackers) is not worth loading Gloss for. */
const MIN_FRAME_TEXT = 200;

/** Built by build.mjs from content-scripts/index.ts, as a module; web-accessible by the session's dynamic URL only. */
const FRAME_SCRIPT = 'content-frame-main.js';

/**
 * A subframe with too little text when it has loaded may fill in later (a live blog's posts, a story
 * its script fetches): its changes are watched this long, looked at no more than once a second.
 */
const WATCH_MS = 60_000;
const CHECK_GAP_MS = 1_000;

/** Elements whose text no reader reads: a frame's inline scripts alone often pass the bar. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Whether the frame's body has at least MIN_FRAME_TEXT characters a reader reads (stops counting there). */
function hasText(): boolean {
  const body = document.body;
  if (!body) return false;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (NOT_TEXT.has(node.parentElement?.tagName ?? '')) continue;
    length += (node.nodeValue ?? '').trim().length;
    if (length >= MIN_FRAME_TEXT) return true;
  }
  return false;
}

function load(): void {
  // The polyfill too is set up only here (bundled, imported lazily), not in the top frame and the ad frames.
  import('webextension-polyfill')
    .then(({ default: browser }) => import(browser.runtime.getURL(FRAME_SCRIPT)))
    .catch((e: unknown) => console.warn('Gloss could not start in this frame:', e));
}

function loadWhenText(): void {
  let check: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    observer.disconnect();
    clearTimeout(check);
    clearTimeout(giveUp);
  };
  const observer = new MutationObserver(() => {
    check ??= setTimeout(() => {
      check = undefined;
      if (!hasText()) return;
      stop();
      load();
    }, CHECK_GAP_MS);
  });
  const giveUp = setTimeout(stop, WATCH_MS);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

if (window !== window.top) {
  if (hasText()) load();
  else loadWhenText();
}
