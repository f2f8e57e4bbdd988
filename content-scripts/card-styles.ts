/**
 * The card's own stylesheet, inside its shadow root: the page's CSS cannot reach it, and it cannot
 * reach the page. `:host` is reset here too; the host's critical layout is also set inline with
 * !important in card-host.ts, since page rules on the host element itself outrank `:host`.
 */

/** Least distance from the card to the viewport's edges (px); a card as wide as the viewport has it on both sides. */
export const VIEWPORT_PADDING = 5;

/** The card's font stack (its text is the card's, not the page's). */
export const CARD_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/**
 * Every face the card's text is set in below, as [weight, size in px, capitals]: the body, the name,
 * the kind in small capitals, the facts and their labels, the small print and the actions' row.
 * `card-fonts.ts` has the browser match each before the first card is due.
 */
export const CARD_FACES: readonly (readonly [weight: number, px: number, caps?: 'all-small-caps'])[] = [
  [400, 14],
  [650, 16],
  [400, 16, 'all-small-caps'],
  [400, 13],
  [600, 13],
  [400, 12],
];

export const CARD_CSS = `
:host { all: initial; }
/* The host is a popover, and the top layer gives every popover a ::backdrop the size of the viewport,
   which the host's inline \`all: initial\` cannot reach: a page's universal \`::backdrop\` rule, meant for
   its own dialog, dimmed and blurred the story whenever a card opened (audit-hostile #3). Declared
   here it beats every rule of the page's, !important ones too: for important declarations the shadow
   tree's context wins over the page's before specificity or order count
   (https://drafts.csswg.org/css-cascade-5/#cascade-context). A user-origin sheet would need
   scripting.insertCSS and host permissions Gloss does not ask for (the manifest's content-script CSS
   is author origin in Chromium), and no popover would mean no top layer above the page's z-index. */
:host::backdrop { display: none !important; }
/* Nothing of Gloss's on paper, as its underlines (highlights.css): a card open when the reader printed
   was printed over the story (audit-hostile #7). The host's inline display is !important, and so it
   is outweighed only from in here (the context rule above); the card, which no page rule reaches,
   goes as well. */
@media print { :host, .card { display: none !important; } }
.card {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --border: #d0d7de; --control: #848d97; --accent: #0969da; --chip: #eef1f4;
  position: fixed; top: 0; left: 0; box-sizing: border-box;
  /* Until placed: then card-host.tsx caps it to the viewport less its scrollbar, which 100vw counts. */
  width: min(320px, calc(100vw - ${2 * VIEWPORT_PADDING}px)); max-height: min(70vh, 480px); overflow: auto;
  /* No bottom padding: the actions' row ends the card (below). */
  padding: 12px 14px 0; border: 1px solid var(--border); border-radius: 10px;
  container-type: scroll-state;
  background: var(--bg); color: var(--fg);
  font: 14px/1.45 ${CARD_FONT_FAMILY};
  text-align: start; letter-spacing: normal; word-spacing: normal; text-transform: none; white-space: normal;
  box-shadow: 0 8px 24px rgba(0,0,0,.18);
  animation: gloss-in .15s ease-out;
}
@media (prefers-color-scheme: dark) {
  .card { --bg: #1c2128; --fg: #e6edf3; --muted: #9ea7b3; --border: #444c56; --control: #768390; --accent: #6cb6ff; --chip: #2d333b;
    box-shadow: 0 8px 24px rgba(0,0,0,.5); }
}
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
/* Forced colours (Windows contrast themes) replace the colours that alone told a pressed pin apart. */
@media (forced-colors: active) { button[aria-pressed="true"] { outline: 2px solid; outline-offset: 1px; } }
@keyframes gloss-in { from { opacity: 0; } to { opacity: 1; } }
.card:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
.toolbar { display: flex; justify-content: flex-end; gap: 4px; float: right; margin: -4px -6px 0 8px; }
button { font: inherit; color: var(--fg); background: var(--chip); border: 1px solid var(--control);
  border-radius: 6px; padding: 2px 8px; cursor: pointer; min-height: 24px; min-width: 24px; }
button:hover { border-color: var(--accent); }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button[aria-pressed="true"] { background: var(--accent); color: var(--bg); }
.gloss-name { font-size: 16px; line-height: 1.3; margin: 0 0 2px; font-weight: 650; }
.gloss-kind { margin: 0 0 8px; color: var(--muted); font-size: 16px; line-height: 1.2; font-variant-caps: all-small-caps; letter-spacing: .04em; }
.gloss-description { margin: 0 0 8px; }
/* One column of labels, so every value starts at one x (each group is display: contents, its label and
   values are the grid's cells); a label over several values ("President of the United States": two
   terms) has them one under another. */
.gloss-facts { margin: 0 0 8px; display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: 2px 6px; font-size: 13px; }
.gloss-fact { display: contents; }
.gloss-fact dt { grid-column: 1; font-weight: 600; }
.gloss-fact dd { grid-column: 2; margin: 0; }
.gloss-facts-asof { margin: -4px 0 8px; }
.gloss-asof, .gloss-aside, .gloss-meta, .why { color: var(--muted); font-size: 12px; }
.gloss-meta { margin: 0 0 6px; }
a { color: var(--accent); }
.why { margin: 6px 0 0; padding-top: 6px; border-top: 1px solid var(--border); }
/* A card taller than the room on either side of its name scrolls, and its actions stay in view at
   its foot, over the text scrolled under them (audit-ui #10: at 200% zoom they were out of sight). */
.actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 12px;
  position: sticky; bottom: 0; margin: 0 -14px; padding: 6px 14px 12px; background: var(--bg);
  border-top: 1px solid transparent; }
/* A line over them while more is below (Chromium; elsewhere the scrollbar says it). */
@container scroll-state(scrollable: bottom) { .actions { border-top-color: var(--border); } }
.actions .count { color: var(--muted); margin-inline-end: auto; }
.correction { display: grid; gap: 4px; margin-top: -6px; padding-bottom: 12px; }
`;
