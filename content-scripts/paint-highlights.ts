/**
 * Paints mentions with the CSS Custom Highlight API: one `Highlight` per category, registered as
 * `gloss-<category>` in `CSS.highlights`, styled by the static sheet the manifest injects (the
 * default style) or, for another style, by a constructed sheet adopted by the document. No element
 * or attribute is added to the page.
 */
import { CATEGORIES, type Category } from '../src/knowledge/schema';
import { defaults, type HighlightStyle } from '../src/settings';

export const CURRENT_HIGHLIGHT = 'gloss-current';

/** Category colours chosen for ≥ 3:1 contrast against white (light) and #121212 (dark) backgrounds. */
const COLOURS: Record<Category, [light: string, dark: string]> = {
  person: ['#1f6feb', '#6cb6ff'],
  agency: ['#8250df', '#c297ff'],
  company: ['#bc4c00', '#f0883e'],
  place: ['#1a7f37', '#57d364'],
  organization: ['#bf3989', '#f778ba'],
};

/** `::highlight()` rules for one style, light and dark; `reset` first clears what the static sheet set. */
function css(style: HighlightStyle, reset: boolean): string {
  const rule = (name: string, colour: string) => {
    const clear = reset ? 'text-decoration: none; background-color: transparent; ' : '';
    if (style === 'none') return `::highlight(${name}) { ${clear}}`;
    if (style === 'background') return `::highlight(${name}) { ${clear}background-color: color-mix(in srgb, ${colour} 18%, transparent); }`;
    return `::highlight(${name}) { ${clear}text-decoration: underline dotted ${colour}; text-decoration-thickness: 1.5px; text-underline-offset: 0.18em; }`;
  };
  const light = CATEGORIES.map((c) => rule(`gloss-${c}`, COLOURS[c][0])).join('\n');
  const dark = CATEGORIES.map((c) => rule(`gloss-${c}`, COLOURS[c][1])).join('\n');
  const current = `::highlight(${CURRENT_HIGHLIGHT}) { background-color: #ffe08a; color: #111; }`;
  return `${light}\n@media (prefers-color-scheme: dark) {\n${dark}\n}\n${current}\n`;
}

/**
 * The stylesheet the manifest injects with the content script (the build writes it as
 * `highlights.css`): the default style. The browser applies it before the page's first style pass,
 * so painting names costs no style recalculation; adopting a sheet into a loaded page restyles every
 * element, since a `::highlight()` rule matches any element (hundreds of ms on a 20k-node page).
 */
export const STATIC_HIGHLIGHT_CSS = css(defaults.highlightStyle, false);

/** Ranges added to the page's highlights per animation frame (REFERENCE.md: ≤ 150 mentions per frame keeps frames short). */
const RANGES_PER_FRAME = 150;

export class HighlightPainter {
  readonly #doc: Document;
  /** Adopted only for a style other than the default, which the static sheet already paints. */
  #sheet: CSSStyleSheet | undefined;
  #style: HighlightStyle = defaults.highlightStyle;

  constructor(doc: Document) {
    this.#doc = doc;
  }

  /** Switches the highlight style; a no-op when it is unchanged, so re-annotating never restyles the page. */
  setStyle(style: HighlightStyle): void {
    if (style === this.#style) return;
    this.#style = style;
    if (style === defaults.highlightStyle) {
      this.#dropSheet();
      return;
    }
    if (this.#sheet) this.#sheet.replaceSync(css(style, true));
    else this.#sheet = this.#adoptSheet(css(style, true));
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
    const Sheet = (this.#doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    try {
      const sheet = Sheet ? new Sheet() : undefined;
      sheet?.replaceSync(rules);
      if (sheet) this.#doc.adoptedStyleSheets = [...this.#doc.adoptedStyleSheets, sheet];
      return sheet;
    } catch {
      return undefined;
    }
  }

  #dropSheet(): void {
    const sheet = this.#sheet;
    if (!sheet) return;
    this.#sheet = undefined;
    this.#doc.adoptedStyleSheets = this.#doc.adoptedStyleSheets.filter((s) => s !== sheet);
  }

  get supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  /**
   * Makes each category's highlight hold exactly these ranges; categories not in the map are
   * cleared. Ranges already painted stay (passes reuse them), removed ones go at once, and new ones
   * are added RANGES_PER_FRAME per animation frame: the browser's work to paint highlights grows
   * with the ranges added, and ten thousand at once is a 200 ms frame.
   */
  paint(ranges: ReadonlyMap<Category, AbstractRange[]>): void {
    if (!this.supported) return;
    const queue: [Highlight, AbstractRange][] = [];
    for (const category of CATEGORIES) {
      const list = ranges.get(category) ?? [];
      const name = `gloss-${category}`;
      let highlight = this.#highlights.get(category);
      if (list.length === 0) {
        if (highlight) CSS.highlights.delete(name);
        this.#highlights.delete(category);
        continue;
      }
      if (!highlight) {
        highlight = new Highlight();
        this.#highlights.set(category, highlight);
        CSS.highlights.set(name, highlight);
      }
      const keep = new Set(list);
      const gone = [...highlight].filter((r) => !keep.has(r));
      for (const r of gone) highlight.delete(r);
      for (const r of list) if (!highlight.has(r)) queue.push([highlight, r]);
    }
    this.#queue = queue;
    this.#next = 0;
    this.#addSome();
  }

  #highlights = new Map<Category, Highlight>();
  #queue: [Highlight, AbstractRange][] = [];
  #next = 0;
  #frame = 0;

  #addSome = (): void => {
    this.#frame = 0;
    const queue = this.#queue;
    const end = Math.min(queue.length, this.#next + RANGES_PER_FRAME);
    for (; this.#next < end; this.#next++) {
      const [highlight, range] = queue[this.#next]!;
      highlight.add(range);
    }
    const view = this.#doc.defaultView;
    if (this.#next < queue.length && view && this.#frame === 0) this.#frame = view.requestAnimationFrame(this.#addSome);
  };

  setCurrent(range: AbstractRange | null): void {
    if (!this.supported) return;
    if (range) {
      const h = new Highlight(range);
      h.priority = 1;
      CSS.highlights.set(CURRENT_HIGHLIGHT, h);
    } else CSS.highlights.delete(CURRENT_HIGHLIGHT);
  }

  destroy(): void {
    if (this.#frame) this.#doc.defaultView?.cancelAnimationFrame(this.#frame);
    this.#queue = [];
    this.#highlights.clear();
    if (this.supported) {
      for (const category of CATEGORIES) CSS.highlights.delete(`gloss-${category}`);
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
    }
    this.#dropSheet();
  }
}
