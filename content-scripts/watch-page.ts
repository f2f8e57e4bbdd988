/**
 * Keeps annotations in step with a changing page (live blogs, infinite scroll, comments, SPA
 * route changes): mutated nodes are gathered and handed to the annotator at most once per frame
 * and once per 100 ms, which re-reads only the blocks around them. On a page where a pass is
 * costly (a huge page that changes all the time), passes are spaced further, by what the last one
 * cost.
 */
import { isCardHost } from './card-marker';
import { isBlockElement } from './collect-text';

/** Minimum time between two passes caused by mutations (ms): keeps a page that mutates every few ms cheap. */
const MIN_INTERVAL_MS = 100;
/**
 * The share of the main thread that Gloss's own script time in passes caused by mutations may take. A
 * pass re-links the whole page (coreference is page-wide), and the browser's part of it (decoding the
 * worker's answer, repainting) is as much again or more: on a 20k-node page changing every 100 ms,
 * passes every 100 ms took 35% of a core; spaced by this share, 12% (`npm run bench` does not run this;
 * measured by hand, 5 s of changes).
 */
export const MAX_BUSY_SHARE = 0.05;
/** However costly the last pass, a change is shown within this long (ms). */
const MAX_INTERVAL_MS = 3000;
/**
 * After this many passes in a row that changed no name (`quietPasses`), passes are at least
 * QUIET_INTERVAL_MS apart until one does: a clock or a counter that a page updates every few ms, with
 * no name in it, took a pass every 100 ms for as long as the page was open (about 2% of a core on a news
 * page here), and a name it then shows waits half a second at most.
 */
export const QUIET_PASSES = 10;
export const QUIET_INTERVAL_MS = 500;

/** What the watcher needs of Gloss on the page (`PageGloss`). */
export interface WatchedGloss {
  annotate(): void;
  update(changed: Iterable<Node>): void;
  readonly annotator: {
    /** Main-thread time Gloss's passes have taken so far (ms). */
    readonly busyMs: number;
    /** Passes in a row that changed no name on the page. */
    readonly quietPasses?: number;
    /** Calls back with each open shadow root Gloss reads, now and later: a document's observer does not see inside them. */
    onShadowRoot?(listener: (root: ShadowRoot) => void): void;
    /** Custom elements read without a shadow root that have one now (attaching a root makes no mutation record). */
    takeHostsWithNewRoots?(): Element[];
  };
}

/**
 * When to look for custom elements that attached a shadow root since they were read (ms after the
 * watcher starts): a site's component definitions usually load within seconds of the page. A pass
 * caused by a mutation looks too, if the last look is NEW_ROOT_CHECK_GAP_MS old: an Angular page's
 * components are all custom elements that never get a root, and looking at 10,000 took 0.4-13 ms
 * here (in the page's own world; the first looks are the slow ones).
 */
const NEW_ROOT_CHECKS_MS = [250, 1000, 3000, 10_000, 30_000];
const NEW_ROOT_CHECK_GAP_MS = 1000;

/**
 * How long to wait before the next pass (ms): at least MIN_INTERVAL_MS after the last one started
 * (QUIET_INTERVAL_MS after QUIET_PASSES passes in a row that changed no name), and long enough that
 * what passes cost since then stays under MAX_BUSY_SHARE of the time, up to MAX_INTERVAL_MS.
 */
export function delayBeforePass(lastRunAt: number, costSinceMs: number, now: number, quietPasses = 0): number {
  const least = quietPasses >= QUIET_PASSES ? QUIET_INTERVAL_MS : MIN_INTERVAL_MS;
  const interval = Math.min(MAX_INTERVAL_MS, Math.max(least, costSinceMs / MAX_BUSY_SHARE));
  return Math.max(0, lastRunAt + interval - now);
}
/** Elements that hold no text Gloss reads: adding or removing one changes nothing it shows. */
const TEXTLESS = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'base', 'iframe']);

/**
 * Attributes that decide whether Gloss reads what is inside an element (`SKIP_ATTRIBUTES` in
 * collect-text.ts), and whether a value makes it skip. A page that shows its story by taking one
 * away changes no node: a modal library keeps `aria-hidden` on the whole app while a sign-up or
 * consent dialog is open (react-modal, the `aria-hidden` package under Radix and MUI), and a "read
 * more" section drops `hidden`. Such a story, read while hidden, was never read again.
 */
const READ_ATTRIBUTES: Record<string, (value: string | null) => boolean> = {
  hidden: (value) => value !== null,
  'aria-hidden': (value) => value === 'true',
  translate: (value) => value === 'no',
  contenteditable: (value) => value !== null && value !== 'false',
};
const READ_ATTRIBUTE_NAMES = Object.keys(READ_ATTRIBUTES);

/** Past this many pending nodes, a full pass replaces the partial one (Dark Reader uses 1,000 records). */
const MAX_PENDING = 1000;

export function watchPage(doc: Document, gloss: WatchedGloss, signal: AbortSignal): void {
  const win = doc.defaultView!;
  let pending = new Set<Node>();
  let full = false;
  let scheduled = false;
  let lastRun = 0;
  let busyAtLastRun = 0;
  const run = () => {
    scheduled = false;
    if (signal.aborted) return;
    lastRun = performance.now();
    busyAtLastRun = gloss.annotator.busyMs;
    const nodes = pending;
    pending = new Set();
    if (lastRun - lastRootCheck >= NEW_ROOT_CHECK_GAP_MS) for (const host of takeHostsWithNewRoots()) nodes.add(host);
    if (full) gloss.annotate();
    else gloss.update(nodes);
    full = false;
  };
  const isOurs = isCardHost;
  // Nodes no reader reads: a page's scripts add and remove them all the time (analytics and ad loaders
  // put scripts into the head and the body), and the block around one is the head's (the whole page:
  // \`html\` ends blocks) or the body's, read again whole for nothing.
  const ignored = (node: Node) => isOurs(node) || (node instanceof Element && TEXTLESS.has(node.localName));
  const head = doc.head;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (isOurs(r.target) || (head !== null && head.contains(r.target))) continue;
      if (r.type === 'characterData') pending.add(r.target);
      else if (r.type === 'attributes') {
        // Only a change between read and skipped: a carousel or a menu sets `aria-hidden="false"` over and over.
        const skips = READ_ATTRIBUTES[r.attributeName!]!;
        if (skips(r.oldValue) !== skips((r.target as Element).getAttribute(r.attributeName!))) pending.add(r.target);
      } else {
        // An added block element is re-read on its own; inline nodes and text join their parent's block.
        for (const n of r.addedNodes) {
          if (ignored(n)) continue;
          pending.add(n instanceof Element && isBlockElement(n) ? n : r.target);
        }
        // A removed block only needs its blocks dropped (the pass drops blocks whose nodes left the
        // document); removed inline text changes its parent's block.
        for (const n of r.removedNodes) {
          if (ignored(n)) continue;
          pending.add(n instanceof Element && isBlockElement(n) ? n : r.target);
        }
      }
    }
    schedule();
  });
  const schedule = () => {
    if (pending.size > MAX_PENDING) full = true;
    if (scheduled || pending.size === 0) return;
    scheduled = true;
    const wait = delayBeforePass(lastRun, gloss.annotator.busyMs - busyAtLastRun, performance.now(), gloss.annotator.quietPasses);
    setTimeout(() => win.requestAnimationFrame(run), wait);
  };
  let lastRootCheck = performance.now();
  const takeHostsWithNewRoots = () => {
    lastRootCheck = performance.now();
    return gloss.annotator.takeHostsWithNewRoots?.() ?? [];
  };
  const checkNewRoots = () => {
    if (signal.aborted) return;
    for (const host of takeHostsWithNewRoots()) pending.add(host);
    schedule();
  };
  if (gloss.annotator.takeHostsWithNewRoots) for (const ms of NEW_ROOT_CHECKS_MS) setTimeout(checkNewRoots, ms);
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: READ_ATTRIBUTE_NAMES, attributeOldValue: true };
  observer.observe(doc, options);
  gloss.annotator.onShadowRoot?.((root) => observer.observe(root, options));
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
