/**
 * Cards by touch, where nothing hovers (a phone or a tablet: Firefox for Android): a tap on a name
 * opens its card, and a tap anywhere else on the page closes it. A name inside a link, a control or
 * anything the page shows as clickable is left to it (`isTheirs`: the tap does what the page means),
 * and nothing the page does with the tap is prevented. A swipe that scrolls makes no click, so scrolling never opens a card.
 */
import type { PageMention } from './annotator';

export interface TapCallbacks {
  mentionAt(x: number, y: number): PageMention | undefined;
  isInCard(target: EventTarget | null): boolean;
  open(mention: PageMention, x: number, y: number): void;
  close(): void;
}

/** What a tap already means on the page: a name inside one of these is not Gloss's to open. */
const INTERACTIVE = 'a[href],button,input,select,textarea,label,summary,details,[role="button"],[role="link"],[contenteditable]:not([contenteditable="false"])';

/**
 * Whether a tap on `element` is the page's: a link or a control, or anything the page styles as
 * clickable (a teaser card or a "read more" block made clickable by a script shows a pointer, which
 * its children inherit).
 */
function isTheirs(element: Element): boolean {
  return element.closest(INTERACTIVE) !== null || element.ownerDocument.defaultView?.getComputedStyle(element).cursor === 'pointer';
}

export function trackTaps(win: Window, cb: TapCallbacks, signal: AbortSignal): void {
  // A click is a PointerEvent that says its pointer (Chromium 92+, and the Firefox releases Gloss
  // supports); where it is not, the last pointer pressed says. A keyboard's click says none.
  let touching = false;
  win.addEventListener('pointerdown', (e) => void (touching = e.isTrusted && e.pointerType === 'touch'), { capture: true, passive: true, signal });
  win.addEventListener(
    'click',
    (e) => {
      const pointer = (e as Partial<PointerEvent>).pointerType;
      if (!e.isTrusted || !(pointer === undefined ? touching : pointer === 'touch')) return;
      const target = e.composedPath()[0] ?? e.target;
      if (cb.isInCard(target)) return;
      const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
      const mention = element && !isTheirs(element) ? cb.mentionAt(e.clientX, e.clientY) : undefined;
      if (mention) cb.open(mention, e.clientX, e.clientY);
      else cb.close();
    },
    { capture: true, passive: true, signal },
  );
}
