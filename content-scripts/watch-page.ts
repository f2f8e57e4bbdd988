/**
 * Keeps annotations in step with a changing page (live blogs, infinite scroll, comments, SPA
 * route changes): text mutations are gathered and handled at most once per frame, and only when
 * a record touches text outside Gloss's own host.
 */
import type { PageGloss } from './page-gloss';

/** Minimum time between two passes caused by mutations (ms): keeps a page that mutates every few ms cheap. */
const MIN_INTERVAL_MS = 100;

export function watchPage(doc: Document, gloss: PageGloss, signal: AbortSignal): void {
  const win = doc.defaultView!;
  let scheduled = false;
  let lastRun = 0;
  const run = () => {
    scheduled = false;
    if (signal.aborted) return;
    lastRun = performance.now();
    gloss.annotate();
  };
  const isOurs = (node: Node) => node instanceof Element && node.hasAttribute('data-gloss');
  const observer = new MutationObserver((records) => {
    if (scheduled) return;
    const relevant = records.some((r) => {
      if (isOurs(r.target)) return false;
      if (r.type === 'characterData') return true;
      return [...r.addedNodes, ...r.removedNodes].some((n) => !isOurs(n) && (n.nodeType === Node.TEXT_NODE || n.nodeType === Node.ELEMENT_NODE));
    });
    if (!relevant) return;
    scheduled = true;
    const wait = Math.max(0, lastRun + MIN_INTERVAL_MS - performance.now());
    setTimeout(() => win.requestAnimationFrame(run), wait);
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
