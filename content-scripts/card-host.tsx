/**
 * The one element Gloss adds to a page: a host marked `data-gloss="card"` (`card-marker.ts`), appended
 * to `document.documentElement`, with an open shadow root holding the card and its own stylesheet.
 * It sits in the top layer (popover) so no page z-index covers it, and keeps its events inside.
 * While the page has a modal dialog open, or an element in fullscreen, the host goes inside that
 * element instead: everything outside it is inert then (no pointer, no focus), or not shown at all.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { t } from '../src/i18n';
import { warmCardFonts } from './card-fonts';
import { CARD_MARK, CARD_MARK_VALUE } from './card-marker';
import { CARD_CSS, VIEWPORT_PADDING } from './card-styles';
import { topModal } from './page-modal';
import { CardView, type CardActions, type CardModel } from './card-view';

/** Distance from the name to the card (px). */
const CARD_OFFSET = 6;

const HOST_STYLE: Record<string, string> = {
  all: 'initial', position: 'fixed', top: '0', left: '0', width: '0', height: '0', margin: '0', padding: '0',
  border: '0', overflow: 'visible', background: 'transparent', display: 'block', 'z-index': '2147483647',
  inset: '0 auto auto 0', transform: 'none', visibility: 'visible', opacity: '1', 'pointer-events': 'auto',
};

/**
 * The product of CSS `zoom` on `el` and its ancestors (https://drafts.csswg.org/cssom-view/#dom-element-currentcsszoom:
 * Chromium ≥ 128, Firefox ≥ 126, below the Firefox build's 149); 1 where a browser lacks it, as before.
 */
function cssZoom(el: Element): number {
  const zoom = (el as Partial<Pick<Element, 'currentCSSZoom'>>).currentCSSZoom;
  return typeof zoom === 'number' && zoom > 0 && Number.isFinite(zoom) ? zoom : 1;
}

/**
 * Scrolls the card so the control focused in it (the source link) sits above the actions pinned at its
 * foot, not under them. Nothing to do when focus is on the card itself, in the actions, or elsewhere.
 * The browser's own scroll on focus used the actions' height measured when the card was last placed
 * (one row during "Loading…", two once the details arrive), and knows nothing of a card made shorter
 * after it.
 */
function keepFocusClear(card: HTMLElement, shadow: ShadowRoot): void {
  const target = shadow.activeElement;
  if (!(target instanceof HTMLElement) || target === card || !card.contains(target)) return;
  const actions = card.querySelector<HTMLElement>('.actions');
  if (!actions || actions.contains(target)) return;
  card.style.scrollPaddingBottom = `${actions.offsetHeight}px`;
  const below = target.getBoundingClientRect().bottom - actions.getBoundingClientRect().top + 4;
  if (below > 0) card.scrollTop += below;
}

interface CardParts {
  host: HTMLElement;
  shadow: ShadowRoot;
  card: HTMLElement;
}

/**
 * The card's host and shadow tree, made on the first card shown: most pages are read without one,
 * and a tab turning Gloss on should not pay for it before the names are painted.
 */
export class CardHost {
  #parts: CardParts | undefined;
  /** Where the host was put to show the card, until `hide`. */
  #shownIn: Element | undefined;
  /**
   * Containers a page script took the host out of as soon as it was put there (some remove whatever
   * they did not make from `<html>` or `<body>`): not tried again, the next one is.
   */
  readonly #refused = new WeakSet<Element>();
  #stopPositioning: (() => void) | undefined;
  #returnFocus: HTMLElement | null = null;

  /** `onEscape`: Esc pressed inside the card (its keydown stops at the card, so the page never sees it). */
  constructor(private readonly doc: Document, private readonly onEscape: () => void) {}

  #make(): CardParts {
    const doc = this.doc;
    // A `div`, not a custom element's name, which the page could define first (and so run its own
    // code on our host, or forbid its shadow root).
    const host = doc.createElement('div');
    host.setAttribute(CARD_MARK, CARD_MARK_VALUE);
    for (const [k, v] of Object.entries(HOST_STYLE)) host.style.setProperty(k, v, 'important');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    const card = doc.createElement('div');
    card.className = 'card';
    // The card's language and direction are its own, not the page's: on a right-to-left page (an
    // Arabic site quoting English names) an English card laid out right to left reads backwards, and a
    // screen reader would voice it in the page's language.
    card.lang = t('uiLanguage');
    card.dir = t('uiDirection');
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-labelledby', 'gloss-card-title');
    card.tabIndex = -1;
    shadow.append(style, card);
    host.addEventListener('keydown', (e) => {
      if (!e.isTrusted || e.key !== 'Escape') return;
      this.onEscape();
      // Not also the page's modal dialog the card is in.
      e.preventDefault();
    });
    // Keep the page's key and pointer handlers (shortcuts, analytics, drag) out of our card.
    // Tab stays inside the open card (a dialog); Esc is handled by the page controller.
    card.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const focusable = [...card.querySelectorAll<HTMLElement>('a[href], button, [tabindex]:not([tabindex="-1"])')];
      if (focusable.length === 0) return;
      const active = shadow.activeElement;
      const first = focusable[0]!;
      const last = focusable[focusable.length - 1]!;
      if (e.shiftKey && (active === first || active === card)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    });
    // What Tab reaches is brought clear of the actions once the browser's own scroll on focus is done (a
    // frame later), which left the link half under them in a card whose size did not change.
    card.addEventListener('focusin', () => requestAnimationFrame(() => keepFocusClear(card, shadow)));
    for (const type of ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup', 'wheel', 'focusin', 'focusout']) {
      card.addEventListener(type, (e) => e.stopPropagation());
    }
    return (this.#parts = { host, shadow, card });
  }

  /**
   * Readies, in tasks of its own, what a tab's first card would otherwise do in the task that shows
   * it: read the extension's messages (the card's language; 1.4–5 ms, traced) and match its fonts
   * (`card-fonts.ts`). Called as the reader rests on a name, before the card's delay is over; stops
   * once a card is made.
   */
  warmUp(): void {
    const made = () => this.#parts !== undefined;
    setTimeout(() => {
      if (made()) return;
      t('uiLanguage');
      warmCardFonts(made);
    }, 0);
  }

  get isOpen(): boolean {
    return this.#parts?.host.isConnected ?? false;
  }

  /** Shows or updates the card next to `anchor`; `focus` moves keyboard focus into it (keyboard path). */
  show(model: CardModel, actions: CardActions, anchor: VirtualElement, focus: boolean): void {
    const { host, shadow, card } = this.#parts ?? this.#make();
    const container = this.#container();
    // Every place to put it refused it: no card on this page, and no tug of war with its script.
    if (!container) {
      this.#stopPositioning?.();
      this.#stopPositioning = undefined;
      return;
    }
    if (host.parentNode !== container) {
      if (host.isConnected) this.#hidePopover(host);
      container.append(host);
      this.#shownIn = container;
      try {
        host.popover = 'manual';
        host.showPopover();
      } catch {
        // No popover support (older browsers, XML documents): the max z-index above is the fallback.
      }
      // After the page's mutation observers have run (a microtask), or its next frame if it waits.
      const refused = () => {
        if (this.#shownIn !== container || host.isConnected) return;
        this.#refused.add(container);
        this.#shownIn = undefined;
        this.show(model, actions, anchor, focus);
      };
      queueMicrotask(refused);
      requestAnimationFrame(refused);
    }
    // CSS zoom multiplies down the tree, and a page's `html { zoom: 1.5 }` reached the host through its
    // container: the card was drawn 1.5 times its size, and the viewport px computePosition returns were
    // scaled again as the card's left and top, which put it away from the name, often off-screen
    // (audit-hostile #2). Undoing the container's zoom keeps the card's px the viewport's. Read at
    // every show: the page may change its zoom, and a modal container has its own.
    host.style.setProperty('zoom', String(1 / cssZoom(container)), 'important');
    // Focus already in the card: the card's "Next mention", or the shortcut pressed again.
    const focusInCard = this.doc.activeElement === host;
    card.setAttribute('aria-label', t('cardLabel', model.details?.name ?? model.reason.alias));
    render(<CardView model={model} actions={actions} />, card);
    this.#stopPositioning?.();
    this.#stopPositioning = autoUpdate(anchor, card, () => {
      // Focus (Tab to the link) and scrolling into view stop above the actions pinned at the card's
      // foot (card-styles.ts), not under them; how tall they are depends on how their row wraps.
      card.style.scrollPaddingBottom = `${card.querySelector<HTMLElement>('.actions')?.offsetHeight ?? 0}px`;
      void computePosition(anchor, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(CARD_OFFSET),
          flip({ padding: VIEWPORT_PADDING }),
          shift({ padding: VIEWPORT_PADDING }),
          // A long card on a short viewport scrolls inside itself instead of spilling off the screen.
          // On a narrow one it is as wide as the viewport less the padding on both sides: kept 5 px from
          // the edges but 16 px narrower than the viewport, its margins were 5 and 11 px (audit-ui #12).
          size({
            padding: VIEWPORT_PADDING,
            apply: ({ availableHeight, availableWidth }) => {
              card.style.maxHeight = `${Math.max(120, Math.min(480, Math.floor(availableHeight)))}px`;
              card.style.maxWidth = `${Math.floor(availableWidth)}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        // Placed again as the page scrolls (a smooth step to a mention still running when the reader
        // tabs in) or the window shrinks, the card can get shorter under the control the reader is on,
        // which then sat under the actions, out of sight.
        keepFocusClear(card, shadow);
        // The wheel turned on past the end of a card that scrolls went on to scroll the page, which
        // carried the card and the name from under the pointer: the reader lost their place in both.
        // A card that does not scroll lets the wheel through to the page (contained, it was a dead spot).
        card.style.overscrollBehavior = card.scrollHeight > card.clientHeight ? 'contain' : '';
      });
    });
    // Opened from the keyboard, the card holds focus and Tab stays inside it: a screen reader's
    // browse mode should stay inside it too. Opened by the pointer it is a tooltip-like aside.
    if (focus) card.setAttribute('aria-modal', 'true');
    else if (!focusInCard) card.removeAttribute('aria-modal');
    if (focus && focusInCard) {
      // Stepping on from inside the card: the place Esc returns to stays the one the reader first
      // left (it was lost to <body> from the second step on), and focus stays on the control used, if
      // it is still there, rather than going back to the card's top.
      if (shadow.activeElement === null) card.focus();
    } else if (focus) {
      const active = this.doc.activeElement;
      this.#returnFocus = active instanceof HTMLElement ? active : null;
      card.focus();
    }
  }

  /**
   * Where the host goes: inside the page's modal element (dialog or fullscreen) if it has one open,
   * else the root, else the body; none where the page refused each (`#refused`).
   */
  #container(): Element | undefined {
    const modal = topModal(this.doc);
    if (modal) return this.#refused.has(modal) ? undefined : modal;
    for (const candidate of [this.doc.documentElement, this.doc.body]) if (candidate && !this.#refused.has(candidate)) return candidate;
    return undefined;
  }

  #hidePopover(host: HTMLElement): void {
    try {
      host.hidePopover();
    } catch {
      // Not shown as a popover.
    }
  }

  contains(target: EventTarget | null): boolean {
    const parts = this.#parts;
    return parts !== undefined && (target === parts.host || (target instanceof Node && parts.shadow.contains(target)));
  }

  hide(): void {
    const parts = this.#parts;
    this.#shownIn = undefined;
    if (!parts?.host.isConnected) return;
    const { host, shadow, card } = parts;
    const hadFocus = shadow.activeElement !== null || this.doc.activeElement === host;
    this.#stopPositioning?.();
    this.#stopPositioning = undefined;
    render(null, card);
    host.remove();
    if (hadFocus && this.#returnFocus?.isConnected) this.#returnFocus.focus();
    this.#returnFocus = null;
  }
}
