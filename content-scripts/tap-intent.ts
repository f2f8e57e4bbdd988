/**
 * Cards by touch, where nothing hovers (a phone or a tablet: Firefox for Android): a tap on a name
 * opens its card, and a tap anywhere else on the page closes it. A name inside a link or a control is
 * left to it (the tap follows the link, as the page means), and nothing the page does with the tap is
 * prevented. A swipe that scrolls makes no click, so scrolling never opens a card.
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

export function trackTaps(win: Window, cb: TapCallbacks, signal: AbortSignal): void {
  // The pointer of the click to come (a click is a PointerEvent with `pointerType` only in recent browsers).
  let touching = false;
  win.addEventListener('pointerdown', (e) => void (touching = e.isTrusted && e.pointerType === 'touch'), { capture: true, passive: true, signal });
  win.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || !touching) return;
      touching = false;
      const target = e.composedPath()[0] ?? e.target;
      if (cb.isInCard(target)) return;
      const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
      const mention = element?.closest(INTERACTIVE) ? undefined : cb.mentionAt(e.clientX, e.clientY);
      if (mention) cb.open(mention, e.clientX, e.clientY);
      else cb.close();
    },
    { capture: true, passive: true, signal },
  );
}
