/**
 * Gloss on one document: annotates it, opens cards on hover and on the keyboard command, applies
 * settings live, takes the reader's corrections, and tells the worker what it found. Everything it
 * starts stops when `signal` aborts, and `destroy` leaves the page as the site made it.
 */
import type { VirtualElement } from '@floating-ui/dom';
import browser from 'webextension-polyfill';
import type { CardDetails } from '../src/knowledge/card-details';
import { MentionRows } from '../src/match/mention-wire';
import { UNKNOWN_TEXT, type AskWorker, type EntityCount, type StepRequest } from '../src/protocol';
import type { Settings } from '../src/settings';
import { Annotator, type PageMention } from './annotator';
import { cardAnchor, lineNearest } from './card-anchor';
import { LazyCardHost } from './card-loader';
import { lowerBound } from '../src/lower-bound';
import type { CardActions } from './card-view';
import { trackHoverIntent } from './hover-intent';
import { scrollToRange } from './scroll-to-range';
import { trackTaps } from './tap-intent';
import { HighlightPainter, type HighlightScope } from './paint-highlights';

/** How long a card opened from the keyboard waits for its details before it takes focus anyway. */
const FOCUS_WAIT_MS = 1000;
/** Card details a tab keeps (`#detailsOf`): a few hundred bytes each. */
const DETAILS_KEPT = 50;
/**
 * When a report left out most of the page's names as not shown, what it shows is looked at again this
 * long after it (ms), and reported if that changed: a page hidden until its fonts or scripts are ready
 * (`visibility: hidden` on its body, a web-font loader's class, a story kept under a loading screen)
 * shows its story with no change to its text, and its badge stayed empty until something else
 * changed. Each look costs the style reads of a report (3–5 ms on a news page), so a page that hides
 * only a few names (a closed share menu, labels for screen readers: most pages) has none.
 */
const SHOWN_RECHECK_MS = [500, 1500, 4000, 12_000] as const;

/** An entity's card details as asked of the worker: `value` once they are here. */
interface AskedDetails {
  asked: Promise<CardDetails | null>;
  value?: CardDetails | null;
}

export class PageGloss {
  readonly annotator: Annotator;
  readonly #painter: HighlightPainter;
  readonly #card: LazyCardHost;
  /** `sticky`: opened from the keyboard or by a tap, so no pointer leaving it closes it (Esc, close, or a tap elsewhere do). */
  #open:
    | {
        mention: PageMention;
        pinned: boolean;
        sticky: boolean;
        details: CardDetails | null | undefined;
        /** Focus to move into the card: when its details are there, or once FOCUS_WAIT_MS have passed. */
        focus: boolean;
        waited: boolean;
        point: { x: number; y: number } | undefined;
      }
    | undefined;
  #token = 0;
  /** The knowledge packs changed: the next request tells the worker to read them again. */
  #reload = false;

  constructor(
    private readonly doc: Document,
    private settings: Settings,
    private readonly signal: AbortSignal,
    /** This page's port to the worker (`connectToWorker`). */
    private readonly askWorker: AskWorker,
    private readonly saveCorrections: (c: Map<string, string | null>) => void,
    corrections: Map<string, string | null>,
    /** Where the page's corrections are kept now (`pageKey`), and how to read them there. */
    private readonly correctionsWhere?: { at: () => string; load: () => Promise<Map<string, string | null>> },
  ) {
    this.#correctionsAt = correctionsWhere?.at();
    const scope = highlightScope();
    this.#painter = new HighlightPainter(doc, scope, scope === ':root');
    this.annotator = new Annotator(doc, this.#painter, (texts, ids) => this.#link(texts, ids), corrections, true);
    this.#card = new LazyCardHost(doc, () => this.closeCard());
    const win = doc.defaultView!;
    trackHoverIntent(
      win,
      {
        mentionAt: (x, y) => {
          this.#painter.restore();
          return this.annotator.mentionAt(x, y);
        },
        isInCard: (target) => this.#card.contains(target),
        resting: () => void this.#card.prepare(),
        settled: (m) => void this.#detailsOf(m.id),
        open: (m, x, y) => this.openCard(m, { x, y }, false),
        close: () => this.closeCard(),
        // A card opened from the keyboard or by a tap stays until Esc or close: no hovering pointer opened it.
        isPinned: () => (this.#open?.pinned || this.#open?.sticky) ?? false,
        isOpenFor: (m) => this.#open?.mention.id === m.id && this.#open.mention.start === m.start && this.#open.mention.block === m.block,
      },
      () => this.settings.cardDelayMs,
      signal,
    );
    trackTaps(
      win,
      {
        mentionAt: (x, y) => this.annotator.mentionAt(x, y),
        isInCard: (target) => this.#card.contains(target),
        open: (m, x, y) => {
          if (this.#open?.mention !== m) this.openCard(m, { x, y }, false, true);
        },
        close: () => this.closeCard(),
      },
      signal,
    );
    // A very long page is read as the reader nears its unread part (`Annotator.readOn`): looked at once a
    // frame while scrolling (capture: a scrolling element's events do not bubble), on resize, and when
    // the page grows or shrinks (a section above collapsed by a class change moves unread text into
    // view, and no scroll says so).
    let looking = false;
    const lookAhead = () => {
      // A reader who scrolls without a pointer gets cleared highlights back too (`restore`).
      this.#painter.restore();
      if (looking || !this.annotator.hasUnread) return;
      looking = true;
      win.requestAnimationFrame(() => {
        looking = false;
        if (!signal.aborted && this.annotator.nearUnread()) this.annotator.readOn(false, () => (this.report(), lookAhead()));
      });
    };
    win.addEventListener('scroll', lookAhead, { capture: true, passive: true, signal });
    win.addEventListener('resize', lookAhead, { passive: true, signal });
    if (typeof ResizeObserver === 'function') {
      const resized = new ResizeObserver(lookAhead);
      resized.observe(doc.documentElement);
      signal.addEventListener('abort', () => resized.disconnect(), { once: true });
    }
    win.addEventListener('keydown', (e) => {
      if (!e.isTrusted || e.key !== 'Escape' || !this.#open) return;
      this.closeCard();
      // One Esc closes one thing, the card above all: not also the page's modal dialog under it.
      e.preventDefault();
    }, { capture: true, signal });
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  annotate(): void {
    this.annotator.run(this.settings, () => this.report());
  }

  /** Reads the rest of a page read in part, links and reports it: the popup lists every entity on the page. */
  readAll(): Promise<void> {
    // Reported again all the same when all is read: what the page shows may have changed (a menu opened).
    if (!this.annotator.hasUnread) return this.report();
    return new Promise((resolve) => this.annotator.readOn(true, () => void this.report().then(resolve)));
  }

  /** Re-annotates around changed nodes (live pages); reports only when what the page shows changed. */
  update(changed: Iterable<Node>): void {
    const before = JSON.stringify(this.annotator.entityCounts());
    this.annotator.update(changed, this.settings, () => {
      if (this.#open && !this.annotator.mentions.some((m) => m.id === this.#open!.mention.id && m.range.startContainer.isConnected)) this.closeCard();
      if (JSON.stringify(this.annotator.entityCounts()) !== before || this.doc.location?.href !== this.#reportedUrl) void this.report();
    });
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.annotator.applySettings(settings);
    if (this.#open && !this.#open.mention.shown) this.closeCard();
  }

  /** The reader's knowledge packs changed: annotate again with them. */
  knowledgeChanged(): void {
    this.#reload = true;
    this.#details.clear();
    this.closeCard();
    this.annotate();
  }

  /** What the port's last request carried, by block id: the next one leaves those texts out. */
  #sent = new Map<number, string>();

  async #link(texts: string[], ids: number[]) {
    const reload = this.#reload;
    this.#reload = false;
    const corrections = [...this.annotator.corrections];
    const ask = (previous: ReadonlyMap<number, string>) => {
      // A loop, not `new Map(ids.map(…))`: no pair array per block (10,000 on the 20k-node page).
      const sent = new Map<number, string>();
      for (let i = 0; i < ids.length; i++) sent.set(ids[i]!, texts[i]!);
      this.#sent = sent;
      return this.askWorker('findMentions', { texts: texts.map((t, i) => (previous.get(ids[i]!) === t ? null : t)), ids, corrections, reload });
    };
    try {
      let wire;
      try {
        wire = await ask(this.#sent);
      } catch (e) {
        // The worker lacks texts this request left out (it restarted): all of them, once more.
        if (!(e instanceof Error && e.message.includes(UNKNOWN_TEXT))) throw e;
        wire = await ask(new Map());
      }
      return this.annotator.busy(() => new MentionRows(wire, texts.length));
    } catch (e) {
      this.#reload ||= reload;
      this.#sent = new Map();
      throw e;
    }
  }

  #reportedUrl: string | undefined;
  #correctionsAt: string | undefined;
  #shownRecheck: ReturnType<typeof setTimeout> | undefined;

  /** Looks again at what the page shows (`SHOWN_RECHECK_MS`) while a report has fewer than half of its names shown. */
  #recheckShown(reported: EntityCount[], step: number): void {
    clearTimeout(this.#shownRecheck);
    this.#shownRecheck = undefined;
    const shown = reported.reduce((n, e) => n + e.count, 0);
    const delay = SHOWN_RECHECK_MS[step];
    if (shown * 2 >= this.annotator.mentions.length || delay === undefined || this.signal.aborted) return;
    this.#shownRecheck = setTimeout(() => {
      if (this.signal.aborted) return;
      const now = this.annotator.entityCounts(this.annotator.rendersNow());
      if (JSON.stringify(now) !== JSON.stringify(reported)) void this.report();
      else this.#recheckShown(reported, step + 1);
    }, delay);
  }

  /**
   * A single-page app moved to another route: its corrections are that route's, not the one Gloss
   * started on ("Krebs" relinked on one story is not relinked on the next). Read them, and link the
   * page again if they differ.
   */
  async #followCorrections(): Promise<void> {
    const where = this.correctionsWhere;
    const at = where?.at();
    if (!where || at === this.#correctionsAt) return;
    this.#correctionsAt = at;
    const next = await where.load().catch(() => new Map<string, string | null>());
    if (this.signal.aborted || where.at() !== at) return;
    const current = this.annotator.corrections;
    if (current.size === next.size && [...next].every(([k, v]) => current.has(k) && current.get(k) === v)) return;
    current.clear();
    for (const [k, v] of next) current.set(k, v);
    this.closeCard();
    this.annotate();
  }

  /** Resolves when the worker has the report (or could not take it). */
  report(): Promise<void> {
    void this.#followCorrections();
    this.#reportedUrl = this.doc.location?.href;
    const entities = this.annotator.entityCounts(this.annotator.rendersNow());
    this.#recheckShown(entities, 0);
    return this.askWorker('reportEntities', {
      url: this.doc.location?.href ?? '',
      host: this.doc.location?.hostname ?? '',
      entities,
    }).then(
      () => undefined,
      () => {
        // The worker is restarting or the extension was updated: the next pass reports again.
      },
    );
  }

  /**
   * Steps to the next shown mention (of one entity, if given), scrolls to it and opens its card with
   * focus; on a page read in part, once the rest is read. `fromStart`: to the first; `noWrap`: after
   * the last, to none (the card closes), so the worker goes on in the tab's next frame.
   */
  async step(req: StepRequest = {}): Promise<boolean> {
    if (this.annotator.hasUnread) await this.readAll();
    return this.#stepNow(req);
  }

  #stepNow({ entityId, fromStart = false, noWrap = false }: StepRequest): boolean {
    // Text the page does not render has no place to scroll to or to point a card at; text behind an
    // open modal dialog, or made inert, is not the reader's to reach now.
    const rendered = this.annotator.rendersNow();
    const reachable = this.annotator.reachableNow();
    const shown = this.annotator.mentions.filter((m) => m.shown && (entityId === undefined || m.id === entityId) && rendered(m) && reachable(m));
    if (shown.length === 0) return false;
    const current = fromStart ? undefined : this.#open?.mention;
    const at = current ? indexIn(shown, current) : -1;
    if (noWrap && at === shown.length - 1) {
      this.closeCard();
      return false;
    }
    const next = shown[(at + 1) % shown.length]!;
    scrollToRange(next.range, matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth');
    this.#painter.setCurrent(next.range);
    this.openCard(next, undefined, true);
    return true;
  }

  /**
   * Card details by entity id, asked for once a pointer has stayed on a name a moment (`settled`), so they are
   * there when its card opens after the delay: asked only then, they came ~18 ms after the card had
   * opened with "Loading…" (the worker's answer and a second render). The DETAILS_KEPT most recent.
   */
  readonly #details = new Map<string, AskedDetails>();

  #detailsOf(id: string): AskedDetails {
    const kept = this.#details.get(id);
    if (kept) {
      this.#details.delete(id);
      this.#details.set(id, kept);
      return kept;
    }
    const entry: AskedDetails = {
      asked: this.askWorker('getDetails', { ids: [id] }).then(({ details }) => (entry.value = details[id] ?? null)),
    };
    // Not kept when it failed (the worker restarting): the card's own request asks again.
    entry.asked.catch(() => {
      if (this.#details.get(id) === entry) this.#details.delete(id);
    });
    this.#details.set(id, entry);
    if (this.#details.size > DETAILS_KEPT) this.#details.delete(this.#details.keys().next().value!);
    return entry;
  }

  /** `sticky`: stays open when no pointer rests on it (the keyboard opens cards with focus, a tap without). */
  openCard(mention: PageMention, point: { x: number; y: number } | undefined, focus: boolean, sticky = focus): void {
    const token = ++this.#token;
    const pinned = false;
    // The keyboard's card asks as it always did, and takes focus when its details come, once it is
    // placed: given them at once, it would take focus before it is placed and sized (a CI run of this
    // session saw Tab leave its link out of view in a short viewport once, not seen again here).
    const asked = focus ? undefined : this.#detailsOf(mention.id);
    this.#open = { mention, pinned, sticky, details: asked?.value, focus, waited: false, point };
    this.#render();
    if (asked?.value !== undefined) return;
    if (focus) {
      // A worker slow to wake must not leave the keyboard's reader outside the card they asked for.
      setTimeout(() => {
        if (token !== this.#token || !this.#open?.focus) return;
        this.#open.waited = true;
        this.#render();
      }, FOCUS_WAIT_MS);
    }
    void (asked?.asked ?? this.askWorker('getDetails', { ids: [mention.id] }).then(({ details }) => details[mention.id] ?? null)).then(
      (details) => {
        // A late answer for an earlier hover is dropped.
        if (token !== this.#token || !this.#open) return;
        this.#open.details = details;
        this.#render();
      },
      () => {
        if (token === this.#token && this.#open) {
          this.#open.details = null;
          this.#render();
        }
      },
    );
  }

  closeCard(): void {
    this.#token++;
    this.#open = undefined;
    this.#card.hide();
    this.#painter.setCurrent(null);
  }

  #render(): void {
    const open = this.#open;
    if (!open) return;
    const { mention } = open;
    const actions: CardActions = {
      close: () => this.closeCard(),
      togglePin: () => {
        if (this.#open) this.#open.pinned = !this.#open.pinned;
        this.#render();
      },
      next: () => void this.step({ entityId: mention.id }),
      correct: (entityId) => {
        this.annotator.corrections.set(mention.key, entityId);
        this.saveCorrections(this.annotator.corrections);
        this.closeCard();
        this.annotate();
      },
    };
    // The keyboard's card takes focus once its details are there: focused while "Loading…", a screen
    // reader announced a dialog named by the page's words, then its name changed without a word.
    const focus = open.focus && (open.details !== undefined || open.waited);
    if (focus) open.focus = false;
    this.#card.show(
      {
        details: open.details,
        reason: mention.reason,
        mentionCount: this.#mentionCount(mention.id),
        alternatives: mention.alternatives,
        pinned: open.pinned,
      },
      actions,
      anchorFor(mention, open.point),
      focus,
    );
  }

  /** The entity's mentions "Next mention" steps through: those the page renders. */
  #mentionCount(id: string): number {
    const rendered = this.annotator.rendersNow();
    return this.annotator.mentions.filter((m) => m.id === id && rendered(m)).length;
  }

  destroy(): void {
    clearTimeout(this.#shownRecheck);
    this.closeCard();
    this.annotator.clear();
    this.#painter.destroy();
  }
}

/**
 * Where `current` is among `shown` (in document order), or the last one before it: a pass since the
 * card opened (the page changed) made new mention objects, and "next" must go on from the card's
 * place, not from the first name. -1 when none is before it or it cannot be placed (its text is gone).
 */
function indexIn(shown: readonly PageMention[], current: PageMention): number {
  const same = shown.indexOf(current);
  if (same >= 0) return same;
  try {
    return lowerBound(shown, (m) => m.range.compareBoundaryPoints(Range.START_TO_START, current.range) <= 0) - 1;
  } catch {
    return -1;
  }
}

/**
 * The card points at a wrapped name's line nearest the pointer, across the whole name's height
 * (`card-anchor.ts`), and follows them on scroll.
 */
function anchorFor(mention: PageMention, point: { x: number; y: number } | undefined): VirtualElement {
  // Choose the line once, where the pointer rested; later calls (scroll, resize) track the same line.
  const line = lineNearest([...mention.range.getClientRects()], point);
  const box = () => cardAnchor([...mention.range.getClientRects()], line) ?? mention.range.getBoundingClientRect();
  const context = mention.range.startContainer.parentElement;
  return context ? { getBoundingClientRect: box, contextElement: context } : { getBoundingClientRect: box };
}

/**
 * Where this build's highlight rules go (`HighlightScope`): build.mjs writes Firefox's static sheet
 * with universal rules and Chromium's with `:root` ones, and keeps Gecko's manifest keys
 * (`browser_specific_settings`) in Firefox's manifest alone.
 */
function highlightScope(): HighlightScope {
  return browser.runtime.getManifest().browser_specific_settings ? '' : ':root';
}
