/**
 * Paints mentions with the CSS Custom Highlight API: one `Highlight` per category, registered as
 * `gloss-<category>` in `CSS.highlights`, styled by a constructed stylesheet adopted by the
 * document. No element or attribute is added to the page.
 */
import { CATEGORIES, type Category } from '../src/knowledge/schema';
import type { HighlightStyle } from '../src/settings';

export const CURRENT_HIGHLIGHT = 'gloss-current';

/** Category colours chosen for ≥ 3:1 contrast against white (light) and #121212 (dark) backgrounds. */
const COLOURS: Record<Category, [light: string, dark: string]> = {
  person: ['#1f6feb', '#6cb6ff'],
  agency: ['#8250df', '#c297ff'],
  company: ['#bc4c00', '#f0883e'],
  place: ['#1a7f37', '#57d364'],
  organization: ['#bf3989', '#f778ba'],
};

function css(style: HighlightStyle): string {
  const rule = (name: string, colour: string) => {
    if (style === 'none') return '';
    if (style === 'background') return `::highlight(${name}) { background-color: color-mix(in srgb, ${colour} 18%, transparent); }`;
    return `::highlight(${name}) { text-decoration: underline dotted ${colour}; text-decoration-thickness: 1.5px; text-underline-offset: 0.18em; }`;
  };
  const light = CATEGORIES.map((c) => rule(`gloss-${c}`, COLOURS[c][0])).join('\n');
  const dark = CATEGORIES.map((c) => rule(`gloss-${c}`, COLOURS[c][1])).join('\n');
  const current = `::highlight(${CURRENT_HIGHLIGHT}) { background-color: #ffe08a; color: #111; }`;
  return `${light}\n@media (prefers-color-scheme: dark) {\n${dark}\n}\n${current}`;
}

export class HighlightPainter {
  readonly #doc: Document;
  readonly #sheet: CSSStyleSheet | undefined;

  constructor(doc: Document) {
    this.#doc = doc;
    const view = doc.defaultView;
    // A document adopts only sheets whose constructor document is itself (CSSOM: NotAllowedError
    // otherwise), so construct with `doc`'s own window, not the content script's global. In Firefox
    // the content script runs in a sandbox that sees the page through Xray wrappers, and older
    // releases refused sheets made there (https://bugzilla.mozilla.org/show_bug.cgi?id=1770592);
    // Firefox ESR 153 and Chromium 156 adopt it, array built in the sandbox included
    // (test/e2e-firefox checks the rules reach the page). If adoption still throws, highlights stay
    // registered but unstyled rather than breaking annotation.
    const Sheet = (view as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    try {
      this.#sheet = Sheet ? new Sheet() : undefined;
      if (this.#sheet) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.#sheet];
    } catch {
      this.#sheet = undefined;
    }
  }

  get supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  setStyle(style: HighlightStyle): void {
    this.#sheet?.replaceSync(css(style));
  }

  /** Replaces what is painted for each category; categories not in the map are cleared. */
  paint(ranges: ReadonlyMap<Category, AbstractRange[]>): void {
    if (!this.supported) return;
    for (const category of CATEGORIES) {
      const list = ranges.get(category);
      const name = `gloss-${category}`;
      if (list && list.length > 0) CSS.highlights.set(name, new Highlight(...list));
      else CSS.highlights.delete(name);
    }
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
    if (this.supported) {
      for (const category of CATEGORIES) CSS.highlights.delete(`gloss-${category}`);
      CSS.highlights.delete(CURRENT_HIGHLIGHT);
    }
    if (this.#sheet) this.#doc.adoptedStyleSheets = this.#doc.adoptedStyleSheets.filter((s) => s !== this.#sheet);
  }
}
