/**
 * Whether the page shows a piece of its text to a sighted reader now, asked of the element around it.
 * The popup's list, the card's "1 of N" and the keyboard's steps count only such text: a share
 * button's label written for screen readers only ("Share on <span class=sr-only>LinkedIn</span>"), a
 * collapsed drawer of other stories, a menu not yet opened, are not on the page the reader sees. Their
 * names are still painted (nothing shows) and are listed once the page shows them.
 */
import { parentAcrossShadows } from './collect-text';

/**
 * Styles and boxes read at most per test, past `checkVisibility`. A story's report reads 150–250 (its
 * names' elements and their ancestors, ~5 µs each in a content script here); a page of 10,000 names
 * in as many paragraphs would read them all in one task. Past this many, only `checkVisibility` is
 * asked: such a page's few hidden labels are listed.
 */
const MAX_READS = 500;

/**
 * A test of "the page shows the text inside this element now", answered once per element for as long
 * as the test is kept (one report, one step): the page's layout is read, not changed.
 */
export function shownTest(): (el: Element | null | undefined) => boolean {
  const rendered = new Map<Element, boolean>();
  const clipped = new Map<Element, boolean>();
  let reads = MAX_READS;

  /** Whether `el` or an ancestor clips its content to nothing; every element walked is remembered. */
  const clippedAway = (el: Element): boolean => {
    const walked: Element[] = [];
    let answer = false;
    let clipper = false;
    const doc = el.ownerDocument;
    for (let at: Element | null = el; at && at !== doc.body && at !== doc.documentElement; at = parentAcrossShadows(at)) {
      const known = clipped.get(at);
      if (known !== undefined) {
        answer = known;
        break;
      }
      if (reads-- <= 0) return false;
      walked.push(at);
      if (clipsToNothing(at)) {
        answer = clipper = true;
        break;
      }
    }
    // Below a box that clips, a fixed or top-layer element (an open modal dialog, a popover) is drawn
    // where the clip does not reach, and so is all inside it: `walked[0..escaped]`. Looked for only
    // where a clip was found, from the one nearest it down.
    let escaped = -1;
    if (answer) {
      const below = clipper ? walked.length - 2 : walked.length - 1;
      for (let i = below; i >= 0 && escaped < 0; i--) if (escapesClips(walked[i]!)) escaped = i;
    }
    walked.forEach((at, i) => clipped.set(at, answer && i > escaped));
    return answer && escaped < 0;
  };

  return (el) => {
    if (!el?.isConnected) return true;
    let answer = rendered.get(el);
    if (answer === undefined) rendered.set(el, (answer = isRendered(el) && (reads-- <= 0 || (!isTextHidden(el) && !clippedAway(el)))));
    return answer;
  };
}

/**
 * Whether an element is rendered: not inside `display: none`, `content-visibility: hidden` (a closed
 * `<details>`) or `visibility: hidden`. Opacity is not asked: a page fades text in from 0. Where the
 * browser cannot tell (no `checkVisibility`), it is.
 */
function isRendered(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function') return true;
  return el.checkVisibility({ visibilityProperty: true });
}

/**
 * Whether the element's own text is drawn at no size: `font-size: 0`, how icon buttons hide their
 * label ("Facebook" in a share button's icon). The size is inherited, so the text's own element tells.
 */
function isTextHidden(el: Element): boolean {
  const size = el.ownerDocument.defaultView?.getComputedStyle(el).fontSize;
  return size !== undefined && parseFloat(size) < 1;
}

/**
 * Whether the element's box shows none of its content: at most a pixel high and clipping there. That
 * is the "visually hidden" pattern of screen-reader-only text (1 × 1 px, `overflow: hidden`, `clip:
 * rect(0 0 0 0)` or `clip-path: inset(50%)`) and a drawer or menu collapsed to no height. The height is
 * read first (one layout read; the width would be a second, and a box with no width is rare): most
 * elements are higher, and their style is not read.
 */
function clipsToNothing(el: Element): boolean {
  // None on SVG elements, whose text Gloss does not read.
  const height = (el as Partial<HTMLElement>).offsetHeight;
  if (height === undefined || height > 1) return false;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  // `display: contents` has no box of its own (0 × 0) and clips nothing.
  if (!style || style.display === 'contents') return false;
  if (style.overflowY !== 'visible' || style.clipPath !== 'none') return true;
  return style.clip !== 'auto' && (style.position === 'absolute' || style.position === 'fixed');
}

/** Whether ancestors' clips do not reach the element: it is fixed, or in the top layer. */
function escapesClips(el: Element): boolean {
  if (el.ownerDocument.defaultView?.getComputedStyle(el).position === 'fixed') return true;
  try {
    return el.matches(':modal, :popover-open, :fullscreen');
  } catch {
    // A browser without one of these pseudo-classes: no top layer to escape to.
    return false;
  }
}
