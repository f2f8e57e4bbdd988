/**
 * Paints mentions with the CSS Custom Highlight API: one `Highlight` per category, registered as
 * `gloss-<category>` in `CSS.highlights`, styled by the static sheet the manifest injects (the
 * default style) or, for another style, by a constructed sheet adopted by the document. No element
 * or attribute is added to the page.
 */
import { CATEGORIES, type Category } from '../src/knowledge/schema';
import { COLOURS, TINT_PERCENT } from '../src/highlight-colours';
import { defaults, type HighlightStyle } from '../src/settings';
import { lowerBound } from '../src/lower-bound';
import { isShadowRoot } from './inside-roots';
import { measure } from './page-timings';

export const CURRENT_HIGHLIGHT = 'gloss-current';

/**
 * What the `::highlight()` rules are attached to. Chromium gives an element's text the highlight
 * styles of its parent's (CSS Pseudo 4, highlight inheritance), so rules on the root paint every
 * element's text and are resolved once. A universal rule (`::highlight(…)`, any element) made
 * Chromium resolve each highlight's style for every element, at every style pass of the page: on the
 * 20k-node page the injected sheet alone took its style time from 204 to 416 ms (median of 6 loads
 * each, without the extension; 189 with `:root`), Gloss on or off. Firefox (ESR 153) styles a
 * highlight from the text's own element only, so it keeps the universal rule.
 */
export type HighlightScope = ':root' | '';

/**
 * `::highlight()` rules for one style, light and dark, for the screen. `reset`: for the sheet a style other than the
 * default adopts, which first clears what the static sheet set, in declarations marked important:
 * at equal weight, Firefox kept the injected sheet's underline under the adopted sheet's tint (its
 * e2e test saw both).
 *
 * Firefox (`scope` ''): each colour is a custom property the static sheet sets on `:root`
 * (`firefoxValues`), which a highlight's style reads from its text's element, in a shadow tree too.
 * Firefox takes an extension's injected sheet away when the extension is removed, but not the sheets
 * its script adopted (for a style, or for a component's shadow root; the script is taken away
 * unwarned): their names stayed tinted or underlined until the page was reloaded. With the values
 * gone, those rules draw nothing.
 */
function css(style: HighlightStyle, reset: boolean, scope: HighlightScope): string {
  const rule = (name: string, declarations: string[], weight = reset ? ' !important' : '') =>
    `${scope}::highlight(${name}) { ${declarations.map((d) => `${d}${weight}; `).join('')}}`;
  const underline = (line: string) => [`text-decoration: ${line}`, 'text-decoration-thickness: 1.5px', 'text-underline-offset: 0.18em'];
  const category = (c: Category, colour: string) => {
    const declarations = reset ? ['text-decoration: none', 'background-color: transparent'] : [];
    if (style === 'background') declarations.push(`background-color: ${scope === '' ? `var(--gloss-tint-${c})` : tint(colour)}`);
    if (style === 'underline') declarations.push(...underline(scope === '' ? `var(--gloss-line-${c})` : dotted(colour)));
    return rule(`gloss-${c}`, declarations);
  };
  const light = CATEGORIES.map((c) => category(c, COLOURS[c][0])).join('\n');
  const dark = CATEGORIES.map((c) => category(c, COLOURS[c][1])).join('\n');
  const schemes = scope === '' ? light : `${light}\n@media (prefers-color-scheme: dark) {\n${dark}\n}`;
  // A contrast theme drops background colours (Firefox paints no fill then): a tinted name keeps an
  // underline in the theme's text colour. (Chromium paints highlights as selected text there; see
  // `HighlightPainter`.)
  const forcedLine = scope === '' ? 'var(--gloss-line-forced)' : FORCED_LINE;
  const forced = style === 'background' ? `\n@media (forced-colors: active) {\n${CATEGORIES.map((c) => rule(`gloss-${c}`, underline(forcedLine))).join('\n')}\n}` : '';
  // The yellow fill alone is 1.29:1 on a white page and vanishes in a contrast theme: the solid dark
  // underline marks the current name on any background (≥ 3:1 against white or the fill).
  const [fill, ink, line] = scope === '' ? ['var(--gloss-current-fill)', 'var(--gloss-current-ink)', 'var(--gloss-current-line)'] : CURRENT;
  const current = rule(CURRENT_HIGHLIGHT, [`background-color: ${fill}`, `color: ${ink}`, `text-decoration: ${line}`, 'text-decoration-thickness: 2px', 'text-underline-offset: 0.18em'], '');
  // On screen only: a printed or saved-as-PDF story is the site's, without marks no one can hover.
  return `@media not print {\n${schemes}${forced}\n${current}\n}\n`;
}

const dotted = (colour: string) => `underline dotted ${colour}`;
const tint = (colour: string) => `color-mix(in srgb, ${colour} ${TINT_PERCENT}%, transparent)`;
const FORCED_LINE = dotted('CanvasText');
/** The current name's fill, text colour and underline. */
const CURRENT = ['#ffe08a', '#111', 'underline solid #111'] as const;

/** Firefox's static sheet: the values its rules read (`css`), light and dark, on `:root`. */
function firefoxValues(): string {
  const values = (scheme: 0 | 1) => CATEGORIES.map((c) => `--gloss-line-${c}: ${dotted(COLOURS[c][scheme])}; --gloss-tint-${c}: ${tint(COLOURS[c][scheme])};`).join(' ');
  const [fill, ink, line] = CURRENT;
  const fixed = `--gloss-line-forced: ${FORCED_LINE}; --gloss-current-fill: ${fill}; --gloss-current-ink: ${ink}; --gloss-current-line: ${line};`;
  return `:root { ${values(0)} ${fixed} }\n@media (prefers-color-scheme: dark) {\n:root { ${values(1)} }\n}\n`;
}

/**
 * The stylesheet the manifest injects with the content script (the build writes it as
 * `highlights.css`, `:root` rules for Chromium, universal ones for Firefox, with their values): the
 * default style. The browser applies it before the page's first style pass, so painting names costs
 * no style recalculation; adopting a sheet into a loaded page restyles every element (16–30 ms of
 * style work on a news page here).
 */
export function staticHighlightCss(scope: HighlightScope): string {
  return (scope === '' ? firefoxValues() : '') + css(defaults.highlightStyle, false, scope);
}

/**
 * Up to this many ranges to paint, the box of each is read to find those near the viewport (`#near`);
 * above it, a binary search in document order finds them (a sidebar's names, later in the document than
 * the story beside them, can then be missed), reading a few hundred boxes rather than 20,000.
 */
export const SCANNED_UP_TO = 500;
/**
 * A run of at least this many names in one text node is binary-searched for those near the viewport,
 * even below SCANNED_UP_TO: a range's box costs Chromium time in proportion to the lines of its text
 * node, ~1.4 ms each in a 4 MB one here, so reading 300 of them there made a 400 ms task.
 */
const SEARCHED_RUN = 16;
/**
 * Only the ranges within this many screens of the viewport (above it and below it) are kept
 * registered; when one is not, those within REGISTERED_SCREENS are registered (`#paintNear`).
 */
export const PAINTED_SCREENS = 0.5;
const REGISTERED_SCREENS = 1.5;
/** How soon after the page's height changed the names near the viewport are found again (ms; `#startWindow`). */
const RESIZED_RECHECK_MS = 200;

/** A range to paint and the category whose highlight it joins. */
export interface Painted {
  category: Category;
  range: Range;
}

/**
 * Firefox: shadow roots remembered as holding the shadow sheet before those of components no longer in
 * the page are let go (a single-page app makes and drops components as the reader moves on).
 */
const STYLED_ROOTS_KEPT = 64;

export class HighlightPainter {
  readonly #doc: Document;
  readonly #scope: HighlightScope;
  /** Adopted only for a style other than the default, which the static sheet already paints. */
  #sheet: CSSStyleSheet | undefined;
  /**
   * Firefox: the rules of the current style for the open shadow roots whose names are registered, and
   * those roots. A document's sheets do not reach into a shadow tree, and Firefox styles a highlight
   * from the text's own element (`HighlightScope`), so a name in a web component was registered but
   * drawn plain until its root adopted this sheet. Chromium's `:root` rules are inherited there.
   */
  #shadowSheet: CSSStyleSheet | undefined;
  readonly #styledRoots = new Set<ShadowRoot>();
  #style: HighlightStyle = defaults.highlightStyle;

  /**
   * What each highlight this painter registered holds. Any change to a highlight makes Chromium
   * repaint the whole page and rebuild its markers for every registered range (10–15 ms on the 20k-node
   * page), so a pass that paints the same ranges again (a live page's edit without a name) leaves the
   * highlights as they are. Ranges are live and reused from pass to pass (`annotator.ts`), so the same
   * ranges are the same objects.
   */
  readonly #held = new Map<string, { highlight: Highlight; ranges: readonly Range[] }>();
  /** Every range registered now, with the category it is registered in. */
  #categoryOf = new Map<Range, Category>();

  /** The ranges last asked to be painted, painted again when the contrast theme comes or goes. */
  #items: readonly Painted[] = [];
  /** Whether a contrast theme is on, when the engine paints highlights as selected text in one. */
  readonly #forced: MediaQueryList | undefined;
  readonly #stopForced = new AbortController();

  /**
   * `scope`: as in the static sheet of this build (`staticHighlightCss`). `selectionWhenForced`:
   * the engine paints every custom highlight as selected text (the system's Highlight colours) in a
   * contrast theme, whatever the sheet says, as Chromium 156 does (Firefox ESR 153 keeps the
   * underline in the theme's colour). Every name would then look selected, and a reader's own
   * selection could not be told from them; so there only the tinted style, whose fill that is the
   * nearest to, marks names, and the current name is the one mark otherwise.
   */
  constructor(doc: Document, scope: HighlightScope, selectionWhenForced: boolean) {
    this.#doc = doc;
    this.#scope = scope;
    const view = doc.defaultView;
    this.#forced = selectionWhenForced && view ? view.matchMedia('(forced-colors: active)') : undefined;
    this.#forced?.addEventListener('change', () => this.paint(this.#items), { signal: this.#stopForced.signal });
    // A sheet a Gloss before this one left in the document goes: Firefox takes an updated extension's
    // old script away, not the sheet it adopted for a style, which then overrode the new script's
    // choice (back to the underline, names stayed tinted).
    unadopt(doc, isHighlightSheet);
  }

  /** Whether names are marked at all: never with the "none" style, whose names only open cards. */
  get #marks(): boolean {
    if (this.#style === 'none') return false;
    return !this.#forced?.matches || this.#style === 'background';
  }

  /**
   * Switches the highlight style; a no-op when it is unchanged, so re-annotating never restyles the
   * page. Takes effect on the ranges at the next `paint`.
   */
  setStyle(style: HighlightStyle): void {
    if (style === this.#style) return;
    this.#style = style;
    this.#shadowSheet?.replaceSync(this.#shadowRules());
    // The static sheet draws the default; "none" registers no highlight, so it needs no sheet either.
    if (style === defaults.highlightStyle || style === 'none') {
      this.#dropSheet();
      return;
    }
    if (this.#sheet) this.#sheet.replaceSync(css(style, true, this.#scope));
    else this.#sheet = this.#adoptSheet(css(style, true, this.#scope));
  }

  /** The sheet for shadow roots, with the current style's rules (the document's static sheet is not there to reset). */
  #shadowRules(): string {
    return css(this.#style, false, this.#scope);
  }

  /**
   * Firefox: gives each shadow root holding a registered name the shadow sheet, appended to the
   * sheets the component adopted itself, and again if the component has replaced its list since.
   * Only the roots of names registered (those near the reader) are looked at, each once per call.
   */
  #styleShadowRoots(items: readonly Painted[]): void {
    if (this.#scope !== '') return;
    let last: Node | undefined;
    for (const { range } of items) {
      const root = range.startContainer.getRootNode();
      if (root === last) continue;
      last = root;
      if (root === this.#doc || !isShadowRoot(root)) continue;
      const sheet = (this.#shadowSheet ??= this.#makeSheet(this.#shadowRules()));
      if (!sheet) return;
      // A Gloss before this one (an update: Firefox takes its script away, not what it gave the page)
      // left its own sheet: this one replaces it. A root that refuses it keeps its names unstyled.
      if (!adopt(root, sheet, isHighlightSheet)) continue;
      if (!this.#styledRoots.has(root) && this.#styledRoots.size >= STYLED_ROOTS_KEPT) this.#unstyleShadowRoots((r) => !r.host.isConnected);
      this.#styledRoots.add(root);
    }
  }

  /** Firefox: gives the shadow sheet back to each root holding it before whose component has set its own list since. */
  #keepShadowSheets(): void {
    const sheet = this.#shadowSheet;
    if (!sheet) return;
    for (const root of this.#styledRoots) adopt(root, sheet);
  }

  /**
   * Takes the shadow sheet out of every root given it, or of those `which` picks (a component the page
   * took away: given the sheet again if it comes back with a name near the reader).
   */
  #unstyleShadowRoots(which: (root: ShadowRoot) => boolean = () => true): void {
    const sheet = this.#shadowSheet;
    if (!sheet) return;
    for (const root of this.#styledRoots) {
      if (!which(root)) continue;
      this.#styledRoots.delete(root);
      unadopt(root, (s) => s === sheet);
    }
  }

  /**
   * A document adopts only sheets whose constructor document is itself (CSSOM: NotAllowedError
   * otherwise), so construct with `doc`'s own window, not the content script's global. In Firefox
   * the content script runs in a sandbox that sees the page through Xray wrappers, and older
   * releases refused sheets made there (https://bugzilla.mozilla.org/show_bug.cgi?id=1770592);
   * Firefox ESR 153 and Chromium 156 adopt it (test/e2e-firefox checks). If adoption still throws,
   * names keep the default style rather than breaking annotation.
   */
  #adoptSheet(rules: string): CSSStyleSheet | undefined {
    const sheet = this.#makeSheet(rules);
    return sheet && adopt(this.#doc, sheet) ? sheet : undefined;
  }

  /** A sheet `doc` and its shadow roots can adopt (above), or none where the page's window cannot make one. */
  #makeSheet(rules: string): CSSStyleSheet | undefined {
    const Sheet = (this.#doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    try {
      const sheet = Sheet ? new Sheet() : undefined;
      sheet?.replaceSync(rules);
      return sheet;
    } catch {
      return undefined;
    }
  }

  /**
   * Adopts the style's sheet again if the page took it away: a script that sets
   * `document.adoptedStyleSheets` to its own list, rather than adding to it, drops Gloss's sheet with no
   * event to say so, and the names went back to the default underline.
   */
  #keepSheet(): void {
    if (this.#sheet) adopt(this.#doc, this.#sheet);
  }

  #dropSheet(): void {
    const sheet = this.#sheet;
    if (!sheet) return;
    this.#sheet = undefined;
    unadopt(this.#doc, (s) => s === sheet);
  }

  get supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  /**
   * Paints these ranges (in document order), each in its category's highlight; a category with none
   * is cleared. Only the ranges near the viewport are registered, and the set follows the reader's
   * scrolling. Chromium rebuilds its highlight markers for every registered range whenever the page's
   * DOM or style changes at all, and with an underline (a text decoration) it recomputes each one's ink
   * overflow and repaints it: on a news page whose script changed it every 10 ms, its story's 73 names
   * registered cost 14–17% of a core, most of it the browser's pre-paint and paint; the 20 near the
   * viewport 5–7% (`npm run bench`: Changing page). On any change to a highlight it does the same
   * (20,000 ranges make a 335 ms frame).
   */
  paint(items: readonly Painted[]): void {
    if (!this.supported) return;
    this.#items = items;
    if (!this.#marks || items.length === 0) {
      this.#stopWindow();
      this.#register([]);
      return;
    }
    this.#startWindow(items);
  }

  /** Registers `items` (in document order), by category, and only them. */
  #register(items: readonly Painted[]): void {
    this.#keepSheet();
    this.#styleShadowRoots(items);
    const byCategory = new Map<Category, Range[]>();
    const categoryOf = new Map<Range, Category>();
    for (const { category, range } of items) {
      categoryOf.set(range, category);
      const list = byCategory.get(category);
      if (list) list.push(range);
      else byCategory.set(category, [range]);
    }
    this.#categoryOf = categoryOf;
    for (const category of CATEGORIES) {
      const list = byCategory.get(category);
      const name = `gloss-${category}`;
      if (list && list.length > 0) {
        if (!this.#holds(name, list)) this.#hold(name, list);
      } else {
        this.#held.delete(name);
        CSS.highlights.delete(name);
      }
    }
  }

  /**
   * Whether `name` is registered with exactly `ranges`, in this order: as this painter set it, and as
   * the registry still has it (the page shares the registry, and may have deleted or emptied it).
   */
  #holds(name: string, ranges: readonly Range[]): boolean {
    const held = this.#held.get(name);
    if (!held || held.ranges.length !== ranges.length || !this.#intact(name)) return false;
    for (let i = 0; i < ranges.length; i++) if (held.ranges[i] !== ranges[i]) return false;
    return true;
  }

  /** Whether the registry still has `name` as this painter registered it. */
  #intact(name: string): boolean {
    const held = this.#held.get(name);
    return held !== undefined && CSS.highlights.get(name) === held.highlight && held.highlight.size === held.ranges.length;
  }

  /** Every range to paint, in document order. */
  #ordered: readonly Painted[] = [];
  /** Whether the registered ranges were checked against `#ordered` (a new pass's ranges may have left or moved), and after a resize. */
  #checked = false;
  #stopScroll: AbortController | undefined;
  #frame = 0;
  /**
   * Where the scrolled things stood when the ranges near the viewport were last found by reading every
   * box (`SCANNED_UP_TO`): the document, and each element seen scrolling since the page was painted.
   * A screen from there, they are found again.
   */
  #scrollBase = new Map<EventTarget, number>();
  /** The document's height when every box was last read (`#scan`), NaN before. */
  #scannedHeight = NaN;
  /** What scrolled since the last animation frame's look. */
  #scrolled = new Set<EventTarget>();

  #startWindow(items: readonly Painted[]): void {
    const view = this.#doc.defaultView;
    if (!view) return;
    // A live page's pass often paints what it painted (an edit without a name): no box is read again.
    if (!samePainted(items, this.#ordered)) this.#checked = false;
    this.#ordered = items;
    if (!this.#stopScroll) {
      this.#stopScroll = new AbortController();
      const later = () => {
        this.#frame ||= view.requestAnimationFrame(() => {
          this.#frame = 0;
          this.#paintNear();
        });
      };
      const moved = () => {
        this.#checked = false;
        later();
      };
      // Capture: scrolling inside any scroller moves names relative to the viewport too.
      view.addEventListener(
        'scroll',
        (e) => {
          if (e.target) this.#scrolled.add(e.target);
          later();
        },
        { capture: true, passive: true, signal: this.#stopScroll.signal },
      );
      view.addEventListener('resize', moved, { passive: true, signal: this.#stopScroll.signal });
      // So does the page growing or shrinking above the reader (images loading, a section expanded by a
      // class change), which no scroll and no text change reports. Up to SCANNED_UP_TO names that is a
      // new reading of every box, at most once per RESIZED_RECHECK_MS: a page whose height changes at every
      // frame (an ad growing, an animation) had them all read at every frame.
      if (typeof ResizeObserver === 'function') {
        let timer = 0;
        let first = true;
        const resized = new ResizeObserver(() => {
          // An observer reports the size it starts with: the boxes were just read at that size (the
          // pass's scan), and reading them all again 200 ms later doubled the scan of every page's turn-on.
          if (first) {
            first = false;
            if (this.#checked && this.#doc.documentElement.getBoundingClientRect().height === this.#scannedHeight) return;
          }
          if (this.#ordered.length > SCANNED_UP_TO) return later();
          timer ||= view.setTimeout(() => {
            timer = 0;
            moved();
          }, RESIZED_RECHECK_MS);
        });
        resized.observe(this.#doc.documentElement);
        this.#stopScroll.signal.addEventListener(
          'abort',
          () => {
            resized.disconnect();
            view.clearTimeout(timer);
          },
          { once: true },
        );
      }
    }
    this.#paintNear();
  }

  /**
   * Keeps the ranges within half a screen of the viewport (PAINTED_SCREENS) registered. While they are
   * (and nothing registered has left the ranges to paint or changed category), nothing changes;
   * otherwise the ranges within one and a half screens are registered. So scrolling changes the
   * highlights once a screen, not on every frame: each change repaints the whole page (scrolling the
   * 20k-node page 7,200 px took 2,129 ms of main-thread time with Gloss, 534 without, when the window
   * moved with every frame; 674 now). A large page's first pass paints the blocks in the same band
   * (`annotator.ts`), so the whole page's pass after it changes nothing where the reader is.
   */
  #paintNear(): void {
    const view = this.#doc.defaultView;
    const ordered = this.#ordered;
    if (!view || ordered.length === 0) return;
    const height = view.innerHeight;
    if (ordered.length <= SCANNED_UP_TO) {
      // Every box is read, so a name anywhere near the viewport is found (a sidebar's, a fixed header's,
      // a second column's); not on every frame of a scroll, but when something scrolled far enough that
      // less than PAINTED_SCREENS of the band registered may be left ahead of the reader.
      if (!this.#checked || this.#scrolledFar(view, height * (REGISTERED_SCREENS - PAINTED_SCREENS))) {
        this.#checked = true;
        return this.#registerNear(height * REGISTERED_SCREENS);
      }
      this.#scrolled.clear();
    } else {
      this.#scrolled.clear();
      if (!this.#checked) {
        // A new pass: each registered range must still be one to paint near here, in the same category
        // (a mention is in one range, and a range in one mention). Only ranges near the viewport are
        // read: the others' ranges are made when first needed.
        this.#checked = true;
        const [from, to] = this.#near(height * REGISTERED_SCREENS);
        const categoryOf = this.#categoryOf;
        let kept = 0;
        for (let i = from; i < to; i++) if (categoryOf.get(ordered[i]!.range) === ordered[i]!.category) kept++;
        if (kept !== categoryOf.size) return this.#register(ordered.slice(from, to));
      }
      const [from, to] = this.#near(height * PAINTED_SCREENS);
      for (let i = from; i < to; i++) {
        const { range, category } = ordered[i]!;
        if (this.#categoryOf.get(range) !== category) return this.#registerNear(height * REGISTERED_SCREENS);
      }
    }
    for (const category of CATEGORIES) {
      if (this.#held.has(`gloss-${category}`) && !this.#intact(`gloss-${category}`)) return this.#registerNear(height * REGISTERED_SCREENS);
    }
  }

  #registerNear(margin: number): void {
    if (this.#ordered.length <= SCANNED_UP_TO) {
      this.#noteScrolls(this.#doc.defaultView!);
      this.#scannedHeight = this.#doc.documentElement.getBoundingClientRect().height;
      return this.#register(this.#counted('gloss:scan', () => this.#scan(margin)));
    }
    const [from, to] = this.#near(margin);
    this.#register(this.#ordered.slice(from, to));
  }

  /**
   * Whether the document or an element scrolled `distance` or more, up or down, since the last scan, or
   * an element scrolled that none had seen scroll before (where it stood then is not known: a script's
   * jump to its end is one scroll event).
   */
  #scrolledFar(view: Window, distance: number): boolean {
    for (const target of this.#scrolled) {
      const y = this.#scrollTop(view, target);
      if (y === undefined) continue;
      const base = this.#scrollBase.get(target);
      if (base === undefined || Math.abs(y - base) >= distance) return true;
    }
    return false;
  }

  /**
   * Notes where the document and every element seen scrolling stand now (before a scan), the ones that
   * scrolled since the last look included; forgets elements that left the page.
   */
  #noteScrolls(view: Window): void {
    const targets = new Set([this.#doc, ...this.#scrollBase.keys(), ...this.#scrolled]);
    this.#scrolled.clear();
    this.#scrollBase.clear();
    for (const target of targets) {
      const y = this.#scrollTop(view, target);
      if (y !== undefined && (target === this.#doc || (target as Node).isConnected)) this.#scrollBase.set(target, y);
    }
  }

  #scrollTop(view: Window, target: EventTarget): number | undefined {
    // Not `instanceof Element`: in Firefox the target is the page's, seen through an Xray wrapper.
    const y = target === this.#doc ? view.scrollY : (target as Partial<Element>).scrollTop;
    return typeof y === 'number' ? y : undefined;
  }

  /** Boxes of ranges read so far (`gloss:scan` and `gloss:near` report how many each read). */
  #boxesRead = 0;

  #box(p: Painted): DOMRect {
    this.#boxesRead++;
    return p.range.getBoundingClientRect();
  }

  /** Runs `fn` under a measure `name` that says how many ranges there are and how many boxes it read. */
  #counted<T>(name: string, fn: () => T): T {
    const start = performance.now();
    const before = this.#boxesRead;
    const value = fn();
    measure(name, start, () => ({ ranges: this.#ordered.length, boxes: this.#boxesRead - before }));
    return value;
  }

  /**
   * The ranges of `items` (in document order, so top to bottom in normal flow) whose boxes lie between
   * `top` and `bottom`, as `items[from..to)`: two binary searches, ~2·log2(n) boxes read.
   */
  #band(items: readonly Painted[], top: number, bottom: number): [from: number, to: number] {
    const from = lowerBound(items, (p) => this.#box(p).bottom < top);
    return [from, lowerBound(items, (p) => this.#box(p).top <= bottom, from)];
  }

  /**
   * The ranges to paint whose boxes lie within `margin` of the viewport. A hidden one's box is empty, at
   * the viewport's corner: it is registered, and shows if a menu or a tab opens with no scroll.
   */
  #scan(margin: number): Painted[] {
    const top = -margin;
    const bottom = this.#doc.defaultView!.innerHeight + margin;
    const near: Painted[] = [];
    const ordered = this.#ordered;
    for (let i = 0; i < ordered.length; ) {
      // Names in one text node lie down the page in its order: a long run of them is searched, not read
      // through (`#near`), as a range's box costs in proportion to its text node's lines.
      const node = ordered[i]!.range.startContainer;
      let end = i + 1;
      while (end < ordered.length && ordered[end]!.range.startContainer === node) end++;
      if (end - i >= SEARCHED_RUN) {
        const run = ordered.slice(i, end);
        const [from, to] = this.#band(run, top, bottom);
        for (let k = from; k < to; k++) near.push(run[k]!);
        i = end;
        continue;
      }
      for (; i < end; i++) {
        const r = this.#box(ordered[i]!);
        if (r.bottom >= top && r.top <= bottom) near.push(ordered[i]!);
      }
    }
    return near;
  }

  /**
   * The ranges within `margin` of the viewport, as `ordered[from..to)`. Ranges are in document order,
   * which in normal flow is top to bottom: a binary search finds the first one, and another the first
   * below. Only those ~2·log2(n) ranges' boxes are read, not the window's: a range's box costs Chromium
   * time in proportion to its text node's lines, and in a 4 MB paragraph of 50,000 names each read took
   * ~1.4 ms here (the window's 300 reads made a 455 ms task).
   */
  #near(margin: number): [from: number, to: number] {
    const bottom = this.#doc.defaultView!.innerHeight + margin;
    return this.#counted('gloss:near', () => this.#band(this.#ordered, -margin, bottom));
  }

  #stopWindow(): void {
    this.#stopScroll?.abort();
    this.#stopScroll = undefined;
    if (this.#frame) this.#doc.defaultView?.cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#ordered = [];
    this.#scrolled.clear();
    this.#scrollBase.clear();
  }

  /**
   * Registers again what was deleted, replaced or emptied since this painter registered it: the
   * registry is the document's, shared with the page and with other extensions, and one of them
   * clearing its own highlights with `CSS.highlights.clear()` takes Gloss's too, with no event to say
   * so. A lookup per category; asked as the pointer moves, so the names come back as the reader
   * reaches for them (a pass, after any change to the page's text, registers them too).
   */
  restore(): void {
    if (!this.supported) return;
    this.#keepSheet();
    this.#keepShadowSheets();
    for (const [name, held] of this.#held) {
      if (this.#intact(name)) continue;
      // Emptied or refilled by someone else: a highlight of our own again.
      this.#hold(name, held.ranges, held.highlight.size === held.ranges.length ? held.highlight : undefined);
    }
  }

  /** Registers `ranges` as `name`, in `highlight` or a new one, and notes what it holds. */
  #hold(name: string, ranges: readonly Range[], highlight = new Highlight(...ranges)): void {
    CSS.highlights.set(name, highlight);
    this.#held.set(name, { highlight, ranges });
  }

  setCurrent(range: AbstractRange | null): void {
    if (!this.supported) return;
    if (range) {
      const h = new Highlight(range);
      h.priority = 1;
      CSS.highlights.set(CURRENT_HIGHLIGHT, h);
    } else CSS.highlights.delete(CURRENT_HIGHLIGHT);
  }

  destroy(): void {
    this.#stopWindow();
    this.#stopForced.abort();
    this.#items = [];
    if (this.supported) {
      for (const category of CATEGORIES) CSS.highlights.delete(`gloss-${category}`);
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
      this.#held.clear();
      this.#categoryOf = new Map();
    }
    this.#dropSheet();
    this.#unstyleShadowRoots();
  }
}

/**
 * Adds `sheet` to the sheets `target` has adopted, unless it is there (taking out those `drop` picks
 * first); false where the target refuses it (its names then keep the default style, or none in a
 * shadow root; the page is not broken for it).
 */
function adopt(target: Document | ShadowRoot, sheet: CSSStyleSheet, drop?: (s: CSSStyleSheet) => boolean): boolean {
  try {
    const own = target.adoptedStyleSheets;
    if (!own.includes(sheet)) target.adoptedStyleSheets = [...(drop ? own.filter((s) => !drop(s)) : own), sheet];
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes the sheets `which` picks out of those `target` has adopted; sets nothing where none is picked
 * (a new list restyles the document or the root), or where the list cannot be read or set.
 */
function unadopt(target: Document | ShadowRoot, which: (s: CSSStyleSheet) => boolean): void {
  try {
    const own = target.adoptedStyleSheets;
    if (own.some(which)) target.adoptedStyleSheets = own.filter((s) => !which(s));
  } catch {
    // A root the page has taken apart, or a document that refuses: nothing to take back.
  }
}

/** Whether a sheet is one Gloss made: it styles a `gloss-*` highlight, which no page's own sheet has reason to. */
function isHighlightSheet(sheet: CSSStyleSheet): boolean {
  try {
    for (const rule of sheet.cssRules) if (rule.cssText.includes('::highlight(gloss-')) return true;
  } catch {
    // A sheet whose rules cannot be read is not one Gloss made.
  }
  return false;
}

/** Whether two lists paint the same ranges (the same objects: ranges are reused from pass to pass) in the same categories. */
function samePainted(a: readonly Painted[], b: readonly Painted[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.range !== b[i]!.range || a[i]!.category !== b[i]!.category) return false;
  return true;
}
