/**
 * Gloss's entries in the page's performance timeline (`gloss:*` marks and measures), which the tests
 * and `npm run bench` read. The timeline is the page's own: its scripts read it, and analytics
 * scripts collect User Timing entries and send them to their servers, so the entries would tell a site
 * that its reader runs Gloss and how many names it found; and nothing clears them, so a live page
 * piled up ~50 a second (a feed changing every 30 ms: 4,200 entries after 90 s). They are written only
 * where storage.local `devTimings` is true (the tests, the bench, a developer: README); for everyone
 * else the calls here do nothing.
 */

let on = false;
let startMarked = false;
/** When this script started, marked as `gloss:script-start` once timings turn out to be on. */
const scriptStart = performance.now();

export function setTimings(enabled: boolean): void {
  on = enabled;
  if (on && !startMarked) {
    startMarked = true;
    performance.mark('gloss:script-start', { startTime: scriptStart });
  }
}

export function mark(name: string): void {
  if (on) performance.mark(name);
}

/** A measure from `start` (a time, or a mark's name) to now; `detail` is made only when timings are on. */
export function measure(name: string, start: number | string, detail?: () => unknown): void {
  if (on) performance.measure(name, { start, detail: detail?.() });
}

/** Runs `fn` under a measure. */
export function timed<T>(name: string, fn: () => T): T {
  if (!on) return fn();
  const start = performance.now();
  const value = fn();
  performance.measure(name, { start });
  return value;
}
