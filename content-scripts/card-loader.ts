/**
 * The hover card, loaded when a reader first rests on a name. Its code (preact, floating-ui, the card
 * view: half of the content script) is built apart as content-card.js and imported from the
 * extension then, so a page that is only read, as most are, never compiles it: content.js went from 77
 * to 37 KiB, and its first task on cnn from 16.8 to 10.8 ms (median of 16 paired traced loads).
 */
import type { VirtualElement } from '@floating-ui/dom';
import browser from 'webextension-polyfill';
import type { CardHost } from './card-host';
import type { CardActions, CardModel } from './card-view';

/** Built by build.mjs from content-scripts/card-host.tsx, as a module; web-accessible by the session's dynamic URL only. */
const CARD_SCRIPT = 'content-card.js';

type CardModule = typeof import('./card-host');

/** `CardHost`'s interface, with the card's code fetched on first need (`prepare`, or the first `show`). */
export class LazyCardHost {
  #card: CardHost | undefined;
  #loading: Promise<CardHost | undefined> | undefined;
  /** The latest `show` made before the code arrived; `hide` drops it. */
  #pending: Parameters<CardHost['show']> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly onEscape: () => void,
    /** How the card's module is fetched: the extension's file in a tab; tests may pass their own. */
    private readonly load: () => Promise<CardModule> = () => import(browser.runtime.getURL(CARD_SCRIPT)) as Promise<CardModule>,
  ) {}

  /** Starts fetching the card's code (a reader is resting on a name): the card then opens without waiting for it. */
  prepare(): Promise<CardHost | undefined> {
    // Through a promise: `runtime.getURL` throws at once in a page whose extension was reloaded.
    this.#loading ??= Promise.resolve().then(this.load).then(
      ({ CardHost }) => {
        const card = new CardHost(this.doc, this.onEscape);
        this.#card = card;
        card.warmUp();
        return card;
      },
      (e: unknown) => {
        // The extension was updated or reloaded under this page, or the file is missing: no card this
        // time; the next rest tries again.
        console.warn('Gloss could not load its card:', e);
        this.#loading = undefined;
        return undefined;
      },
    );
    return this.#loading;
  }

  get isOpen(): boolean {
    return this.#card?.isOpen ?? false;
  }

  show(model: CardModel, actions: CardActions, anchor: VirtualElement, focus: boolean): void {
    if (this.#card) return this.#card.show(model, actions, anchor, focus);
    // A later show (the details arrived) replaces the content, not the keyboard's request for focus.
    this.#pending = [model, actions, anchor, focus || (this.#pending?.[3] ?? false)];
    void this.prepare().then((card) => {
      const pending = this.#pending;
      this.#pending = undefined;
      if (card && pending) card.show(...pending);
    });
  }

  contains(target: EventTarget | null): boolean {
    return this.#card?.contains(target) ?? false;
  }

  hide(): void {
    this.#pending = undefined;
    this.#card?.hide();
  }
}
