/**
 * The one element Gloss adds to a page: a host carrying `data-gloss`, appended to
 * `document.documentElement`, with an open shadow root holding the card and its own stylesheet.
 * It sits in the top layer (popover) so no page z-index covers it, and keeps its events inside.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { t } from '../src/i18n';
import { CARD_CSS } from './card-styles';
import { CardView, type CardActions, type CardModel } from './card-view';

/** Distance from the name to the card, and from the card to the viewport's edges (px). */
const CARD_OFFSET = 6;
const VIEWPORT_PADDING = 5;

const HOST_STYLE: Record<string, string> = {
  all: 'initial', position: 'fixed', top: '0', left: '0', width: '0', height: '0', margin: '0', padding: '0',
  border: '0', overflow: 'visible', background: 'transparent', display: 'block', 'z-index': '2147483647',
  inset: '0 auto auto 0', transform: 'none', zoom: '1', visibility: 'visible', opacity: '1', 'pointer-events': 'auto',
};

export class CardHost {
  readonly host: HTMLElement;
  readonly #shadow: ShadowRoot;
  readonly #card: HTMLElement;
  #stopPositioning: (() => void) | undefined;
  #returnFocus: HTMLElement | null = null;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('gloss-card');
    this.host.setAttribute('data-gloss', '');
    for (const [k, v] of Object.entries(HOST_STYLE)) this.host.style.setProperty(k, v, 'important');
    this.#shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    this.#card = doc.createElement('div');
    this.#card.className = 'card';
    this.#card.setAttribute('role', 'dialog');
    this.#card.setAttribute('aria-labelledby', 'gloss-card-title');
    this.#card.tabIndex = -1;
    this.#shadow.append(style, this.#card);
    // Keep the page's key and pointer handlers (shortcuts, analytics, drag) out of our card.
    // Tab stays inside the open card (a dialog); Esc is handled by the page controller.
    this.#card.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const focusable = [...this.#card.querySelectorAll<HTMLElement>('a[href], button, [tabindex]:not([tabindex="-1"])')];
      if (focusable.length === 0) return;
      const active = this.#shadow.activeElement;
      const first = focusable[0]!;
      const last = focusable[focusable.length - 1]!;
      if (e.shiftKey && (active === first || active === this.#card)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    });
    for (const type of ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup', 'wheel', 'focusin', 'focusout']) {
      this.#card.addEventListener(type, (e) => e.stopPropagation());
    }
  }

  get isOpen(): boolean {
    return this.host.isConnected;
  }

  /** Shows or updates the card next to `anchor`; `focus` moves keyboard focus into it (keyboard path). */
  show(model: CardModel, actions: CardActions, anchor: VirtualElement, focus: boolean): void {
    if (!this.host.isConnected) {
      this.doc.documentElement.append(this.host);
      try {
        this.host.popover = 'manual';
        this.host.showPopover();
      } catch {
        // No popover support (older browsers, XML documents): the max z-index above is the fallback.
      }
    }
    this.#card.setAttribute('aria-label', t('cardLabel', model.details?.name ?? model.reason.alias));
    render(<CardView model={model} actions={actions} />, this.#card);
    this.#stopPositioning?.();
    this.#stopPositioning = autoUpdate(anchor, this.#card, () => {
      void computePosition(anchor, this.#card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(CARD_OFFSET),
          flip({ padding: VIEWPORT_PADDING }),
          shift({ padding: VIEWPORT_PADDING }),
          // A long card on a short viewport scrolls inside itself instead of spilling off the screen.
          size({
            padding: VIEWPORT_PADDING,
            apply: ({ availableHeight }) => {
              this.#card.style.maxHeight = `${Math.max(120, Math.min(480, Math.floor(availableHeight)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        this.#card.style.left = `${x}px`;
        this.#card.style.top = `${y}px`;
      });
    });
    if (focus) {
      const active = this.doc.activeElement;
      this.#returnFocus = active instanceof HTMLElement && active !== this.host ? active : null;
      this.#card.focus();
    }
  }

  contains(target: EventTarget | null): boolean {
    return target === this.host || (target instanceof Node && this.#shadow.contains(target));
  }

  hide(): void {
    if (!this.host.isConnected) return;
    const hadFocus = this.#shadow.activeElement !== null || this.doc.activeElement === this.host;
    this.#stopPositioning?.();
    this.#stopPositioning = undefined;
    render(null, this.#card);
    this.host.remove();
    if (hadFocus && this.#returnFocus?.isConnected) this.#returnFocus.focus();
    this.#returnFocus = null;
  }
}
