/**
 * Keeps annotations in step with a changing page (live blogs, infinite scroll, comments, SPA
 * route changes): mutated nodes are gathered and handed to the annotator at most once per frame
 * and once per 100 ms, which re-reads only the blocks around them.
 */
import { isBlockElement } from './collect-text';
import type { PageGloss } from './page-gloss';

/** Minimum time between two passes caused by mutations (ms): keeps a page that mutates every few ms cheap. */
const MIN_INTERVAL_MS = 100;
/** Past this many pending nodes, a full pass replaces the partial one (Dark Reader uses 1,000 records). */
const MAX_PENDING = 1000;

export function watchPage(doc: Document, gloss: PageGloss, signal: AbortSignal): void {
  const win = doc.defaultView!;
  let pending = new Set<Node>();
  let full = false;
  let scheduled = false;
  let lastRun = 0;
  const run = () => {
    scheduled = false;
    if (signal.aborted) return;
    lastRun = performance.now();
    const nodes = pending;
    pending = new Set();
    if (full) gloss.annotate();
    else gloss.update(nodes);
    full = false;
  };
  const isOurs = (node: Node | null) => node instanceof Element && node.hasAttribute('data-gloss');
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'characterData') pending.add(r.target);
      else {
        // An added block element is re-read on its own; inline nodes and text join their parent's block.
        for (const n of r.addedNodes) {
          if (isOurs(n)) continue;
          pending.add(n instanceof Element && isBlockElement(n) ? n : r.target);
        }
        // A removed block only needs its blocks dropped (the pass drops blocks whose nodes left the
        // document); removed inline text changes its parent's block.
        for (const n of r.removedNodes) {
          if (isOurs(n)) continue;
          pending.add(n instanceof Element && isBlockElement(n) ? n : r.target);
        }
      }
    }
    if (pending.size > MAX_PENDING) full = true;
    if (scheduled || pending.size === 0) return;
    scheduled = true;
    const wait = Math.max(0, lastRun + MIN_INTERVAL_MS - performance.now());
    setTimeout(() => win.requestAnimationFrame(run), wait);
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
