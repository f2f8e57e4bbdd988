/**
 * Collects the page's readable text as blocks: text joined across inline elements
 * ("Christopher <a>Krebs</a>"), split at block elements and line breaks, and where two words would
 * run together across an element the page lays out as a box of its own (a kicker above its headline,
 * flex items, a footnote mark), so a name can span inline markup but never two paragraphs or boxes.
 * Skips what a reader does not read as prose or what Gloss must not touch: form fields, editors,
 * code, scripts, hidden and aria-hidden subtrees, `translate="no"`, navigation menus and the page's
 * own footer (a site's sections, share buttons and copyright lines: "Facebook Twitter", "© Dow Jones
 * & Company" on every page, underlined and listed in the popup as if the story named them), share
 * and follow links wherever they are (`social-links.ts`), and Gloss's own host. Reads the DOM only
 * (computed styles included); never writes.
 */

import { CARD_SELECTOR } from './card-marker';
import { hasWordCharacter } from '../src/match/char-class';
import { SOCIAL_LINK_SELECTOR, isSocialChromeLink } from './social-links';
import { paragraphSpans, plainTextViewer, readablePart, TEXT_FILE_MAX_CHARS } from './plain-text';

export interface TextBlock {
  readonly text: string;
  /** The block's text nodes, in order (an `ElementBlock` finds them when first asked). */
  readonly nodes: readonly Text[];
  /** Offset of each node's first character in `text`. */
  readonly starts: readonly number[];
  /** Count of headings seen before this block: "first mention per section" uses it. */
  readonly section: number;
  /** The element whose box places the block on the page: its own element, or its first node's parent. */
  readonly box: Element | null;
  /** The node that places the block in document order: its element, or its first text node. */
  readonly anchor: Node;
}

/** Whether the block's text is all still in the document (a change inside it is reported apart). */
export function isIntact(block: TextBlock): boolean {
  return block instanceof ElementBlock ? block.box.isConnected : block.nodes.every((n) => n.isConnected);
}

/** A block element holding more text than this is walked instead (in slices) rather than read whole. */
const WHOLE_MAX_CHARS = 20_000;
/** Empty text nodes a block read whole walks past before it asks XPath for the non-empty ones. */
const MAX_EMPTY_WALKED = 64;

/** Per document, each XPath expression the walk asks, compiled once (null where the document has no XPath). */
const compiledQueries = new WeakMap<Document, Map<string, XPathExpression | null>>();

function compiledXPath(doc: Document, expression: string): XPathExpression | null {
  let queries = compiledQueries.get(doc);
  if (!queries) compiledQueries.set(doc, (queries = new Map()));
  let query = queries.get(expression);
  if (query === undefined) {
    query = typeof doc.createExpression === 'function' ? doc.createExpression(expression) : null;
    queries.set(expression, query);
  }
  return query;
}

/** The non-empty text nodes under `root`, in document order, found natively; undefined without XPath. */
function nonEmptyTexts(root: Element): XPathResult | undefined {
  return compiledXPath(root.ownerDocument, './/text()[string-length() > 0]')?.evaluate(root, 7 /* XPathResult.ORDERED_NODE_SNAPSHOT_TYPE */) ?? undefined;
}

/**
 * An element with fewer element children than this is walked child by child without asking whether
 * its text children are blank (`hasOnlyBlankText`): the query costs about as much as the few text
 * nodes it would spare.
 */
const SPARSE_MIN_CHILDREN = 4;
/**
 * Nor is an element with more children than this: the query is one native call that cannot be cut in
 * slices, ~0.2 µs per text child here (a hostile page can give one element millions).
 */
const SPARSE_MAX_CHILDREN = 50_000;

/**
 * Whether all of `el`'s own text children are blank (XML white space, what HTML source puts between
 * elements), asked natively: the walk then steps from element to element where no block is open, and
 * never touches the line breaks between a page's paragraphs (in an isolated world each node read costs
 * a wrapper; 10,000 of them on the 20k-node page). False where XPath is missing. Chromium's XPath
 * tests every text child, ~0.2 µs each: `string-length(normalize-space())` took 2.3 ms over the 20k-node
 * page's body against 3.9 for the plain `normalize-space()` test.
 */
function hasOnlyBlankText(el: Element): boolean {
  if (el.childElementCount < SPARSE_MIN_CHILDREN || el.childNodes.length > SPARSE_MAX_CHILDREN) return false;
  const query = compiledXPath(el.ownerDocument, 'boolean(text()[string-length(normalize-space()) > 0])');
  return query ? !query.evaluate(el, 3 /* XPathResult.BOOLEAN_TYPE */).booleanValue : false;
}

/** A custom element's name has a hyphen; no built-in element's does. */
const isCustomName = (localName: string) => localName.includes('-');

/**
 * Elements a walk searches for custom elements at most (`markCustomElements`): the XPath query took
 * ~5 ms per 20,000 elements here, and 30–70 ms on a 100,000-element page, a long task of its own.
 */
const CUSTOM_SEARCH_MAX = 20_000;

/** How many elements `root` holds: the document's count is the one the annotator asked for (cached by the browser). */
function elementCount(root: Element | ShadowRoot): number {
  if (root.nodeType === DOCUMENT_FRAGMENT) {
    let count = 0;
    for (const child of root.children) count += 1 + child.getElementsByTagName('*').length;
    return count;
  }
  const doc = root.ownerDocument;
  return root === doc.documentElement ? doc.getElementsByTagName('*').length : 1 + (root as Element).getElementsByTagName('*').length;
}

/**
 * Adds to `within` every node above a custom element (a hyphen in its name) under `root`: a block
 * holding one is walked, not read whole, so the walk meets the element and its shadow root, or notes
 * it to look at again if it has none yet. No CSS selector tells a defined custom element from a
 * built-in one, so one native XPath query finds them (5 ms on a 20k-element page, under 0.3 ms on the
 * corpus pages here); each climb stops at a node already added. Returns the elements searched, none
 * when `root` holds more than `budget`.
 */
function markCustomElements(root: Element | ShadowRoot, within: Set<Node>, budget: number): number {
  const size = elementCount(root);
  if (size > budget) return 0;
  const query = compiledXPath(root.ownerDocument, ".//*[contains(local-name(), '-')]");
  const mark = (el: Element) => {
    for (let up = el.parentNode; up && !within.has(up); up = up.parentNode) within.add(up);
  };
  if (query) {
    // A shadow root is not a context node XPath takes: its children are.
    for (const top of root.nodeType === DOCUMENT_FRAGMENT ? root.children : [root as Element]) {
      if (top !== root && isCustomName(top.localName)) mark(top);
      const found = query.evaluate(top, 7 /* XPathResult.ORDERED_NODE_SNAPSHOT_TYPE */);
      for (let i = 0; i < found.snapshotLength; i++) mark(found.snapshotItem(i) as Element);
    }
  } else {
    for (const el of root.querySelectorAll('*')) if (isCustomName(el.localName)) mark(el);
  }
  return size;
}

/** A block read node by node: its nodes are known from the walk. */
interface WalkedBlock extends TextBlock {
  text: string;
  nodes: Text[];
  starts: number[];
}

/**
 * A block that is one element's whole text: a block element with no block, skipped or hidden element
 * inside (most paragraphs, list items, headings), read with one `textContent`. Its text nodes and the
 * inline elements around them are read only when a mention in it needs a range: in an isolated world
 * every DOM node a script touches for the first time costs it a wrapper, and most blocks of a page
 * hold no name. Its text may begin with the blank text a walked block would have left out.
 */
export class ElementBlock implements TextBlock {
  #nodes: Text[] | undefined;
  #starts: number[] | undefined;

  constructor(
    readonly box: Element,
    readonly text: string,
    readonly section: number,
  ) {}

  get anchor(): Node {
    return this.box;
  }

  get nodes(): readonly Text[] {
    return this.#nodes ?? this.#read().nodes;
  }

  /** Whether its text nodes were read (for a range in it). */
  get nodesRead(): boolean {
    return this.#nodes !== undefined;
  }

  get starts(): readonly number[] {
    return this.#starts ?? this.#read().starts;
  }

  #read(): { nodes: Text[]; starts: number[] } {
    const nodes: Text[] = [];
    const starts: number[] = [];
    let length = 0;
    const add = (node: Text) => {
      nodes.push(node);
      starts.push(length);
      length += node.data.length;
    };
    // Empty text nodes, which a page can add by the million, are left out (as the walk leaves them out).
    // A paragraph's few nodes are walked; past a few empty ones, a native XPath query (whose first use
    // costs a tab ~1 ms) finds the others, so the nodes read stay within the block's characters, which
    // WHOLE_MAX_CHARS bounds.
    const walker = this.box.ownerDocument.createTreeWalker(this.box, 4 /* NodeFilter.SHOW_TEXT */);
    let empty = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node as Text).data.length > 0) add(node as Text);
      else if (++empty > MAX_EMPTY_WALKED) {
        const found = nonEmptyTexts(this.box);
        if (!found) continue;
        nodes.length = starts.length = length = 0;
        for (let i = 0; i < found.snapshotLength; i++) add(found.snapshotItem(i) as Text);
        break;
      }
    }
    this.#nodes = nodes;
    this.#starts = starts;
    return { nodes, starts };
  }
}

// Tag names in lower case, as `localName` gives them for HTML (the walk reads it for every element,
// so no case conversion per element).
const SKIP_NAMES = [
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'kbd', 'samp', 'var', 'math', 'svg', 'iframe', 'frame', 'object', 'embed', 'canvas',
  'video', 'audio', 'head', 'title',
];
// Upper case too, as for BLOCK below. An `svg` element skips its whole subtree, so the walk needs no
// namespace check per element.
const SKIP = new Set([...SKIP_NAMES, ...SKIP_NAMES.map((n) => n.toUpperCase())]);

const BLOCK_NAMES = [
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'menu',
];
// Upper case too: the walk reads `localName` alone, which XHTML pages may write in capitals.
const BLOCK = new Set([...BLOCK_NAMES, ...BLOCK_NAMES.map((n) => n.toUpperCase())]);

/**
 * Elements that set the words on either side apart, whatever their display: a footnote's mark ("Tim
 * Cook<sup>1</sup>"), an image between two names, ruby's annotation over its base text. Asked only
 * where two words would run together across them (`isSeparated`).
 */
const SEPARATOR_NAMES = ['sup', 'sub', 'img', 'rt', 'rp'];
const SEPARATOR = new Set([...SEPARATOR_NAMES, ...SEPARATOR_NAMES.map((n) => n.toUpperCase())]);

/**
 * Displays that lay an element out as a box of its own: what `innerText` puts a line break or a tab
 * around (https://html.spec.whatwg.org/#rendered-text-collection-steps). A flex or grid item's
 * display is one of these whatever its tag, since CSS blockifies it. Browsers give the short forms.
 */
const BOX_DISPLAYS = /^(?:block|flex|grid|flow-root|list-item|table)/;

/**
 * Elements between two text nodes of a block that `isSeparated` looks at, at most: a page may put any
 * number of empty elements between two letters, which the walk visits anyway.
 */
const MAX_BETWEEN = 64;

const FLOATS = new Set(['left', 'right', 'inline-start', 'inline-end']);

/**
 * Whether an element the text runs across sets it apart from the text around it: a separator, or
 * (`byBox`) an element laid out as a box of its own.
 */
function separatesWords(el: Element, byBox: boolean): boolean {
  if (SEPARATOR.has(el.localName)) return true;
  if (!byBox) return false;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  // A float is blockified too, but a floated letter is the story's drop cap, the first letter of its first word.
  return style !== undefined && BOX_DISPLAYS.test(style.display) && !FLOATS.has(style.float);
}

/**
 * Whether the page shows `next` apart from `prev`, the text before it in the block: an element around
 * either but not both, or between them, is a separator or (`byBox`) a box of its own. Asked only where
 * a word character meets a word character across them (`wordJoin`), so that most text is never
 * styled: each element asked for its box is a computed style read, and its wrapper in an isolated world.
 */
function isSeparated(prev: Node, next: Node, byBox: boolean): boolean {
  let node = prev;
  for (let seen = 0; seen < MAX_BETWEEN; seen++) {
    let sibling = node.nextSibling;
    // Out of the elements that end before `next`: each was around `prev` alone.
    while (!sibling) {
      const up = node.parentNode;
      if (!up || up.nodeType !== ELEMENT) return false;
      if (separatesWords(up as Element, byBox)) return true;
      node = up;
      sibling = node.nextSibling;
    }
    node = sibling;
    // Into the elements that start before `next`: around it, or empty and between.
    while (node !== next && node.nodeType === ELEMENT) {
      if (separatesWords(node as Element, byBox)) return true;
      if (!node.firstChild) break;
      node = node.firstChild;
      if (++seen >= MAX_BETWEEN) return false;
    }
    if (node === next) return false;
  }
  return false;
}

const DIGIT = 1;
const LETTER = 2;

/**
 * A letter or digit of the scripts whose words a page sets apart with spaces (Latin, Greek, Cyrillic),
 * by its code alone: `classify` would ask a Unicode-property RegExp for the symbols around a page's
 * links and icons (▶, →), whose first use costs a tab 1–2 ms. Text in scripts without spaces
 * between words joins as it did.
 */
function wordCharKind(code: number): 0 | typeof DIGIT | typeof LETTER {
  if (code < 128) return code >= 48 && code <= 57 ? DIGIT : (code | 32) >= 97 && (code | 32) <= 122 ? LETTER : 0;
  // Latin-1 and Latin Extended letters (but × and ÷), Greek and Cyrillic.
  return (code >= 0xc0 && code < 0x250 && code !== 0xd7 && code !== 0xf7) || (code >= 0x370 && code <= 0x4ff) ? LETTER : 0;
}

/**
 * How a word character ending `before` meets one starting `after` (one word if nothing sets them
 * apart): `'letters'`, `'digit'` (a digit on either side), or null where they do not. Where a digit
 * meets a word only separators are asked, not boxes: a digit in a box of its own beside a word is a
 * table's figure (a table of districts as "<span>Mumbai</span><span>3029</span>" on ndtv.com's corpus page
 * had the walk read 929 styles for no name; 103 without these), while a footnote's mark is a `sup`.
 */
function wordJoin(before: string, after: string): 'letters' | 'digit' | null {
  const a = wordCharKind(before.charCodeAt(before.length - 1));
  const b = a === 0 ? 0 : wordCharKind(after.charCodeAt(0));
  return b === 0 ? null : a === LETTER && b === LETTER ? 'letters' : 'digit';
}

/**
 * Where a block read whole may hold two words that the page shows apart but its text runs together:
 * a lower-case letter followed by a capital ("PoliticsNancy", "ObamaHillary", a kicker and its
 * headline, two flex items), or a letter by a digit where the block holds a separator ("Tim
 * Cook<sup>1</sup>"). Such a block is walked instead, and its joins asked (`isSeparated`). Prose has
 * these only in a few names ("McCain", "iPhone"), so most blocks are still read with one call. Latin,
 * Greek and Cyrillic capitals: a run together in a script without case, or before a lower-case word,
 * is not seen in a block read whole.
 */
const LOWER_THEN_CAPITAL = /[a-z\u00df-\u00f6\u00f8-\u00ff\u03ac-\u03ce\u0430-\u045f][A-Z\u00c0-\u00d6\u00d8-\u00de\u0386-\u03ab\u0400-\u042f]/;
const LETTER_THEN_DIGIT = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff][0-9]/;
const SEPARATOR_SELECTOR = SEPARATOR_NAMES.join(',');

function mayRunTogether(el: Element, text: string): boolean {
  return el.childElementCount > 0 && (LOWER_THEN_CAPITAL.test(text) || (LETTER_THEN_DIGIT.test(text) && el.querySelector(SEPARATOR_SELECTOR) !== null));
}

const ELEMENT = 1; // Node.ELEMENT_NODE, without a global lookup per node
const TEXT = 3;
const DOCUMENT_FRAGMENT = 11;

/** Only ASCII white space (what HTML source puts between elements). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) return false;
  }
  return true;
}

/** Attributes that keep Gloss out of a subtree, as one selector: one native call per element instead of five. */
// `watch-page.ts` (READ_ATTRIBUTES) re-reads an element when one of these attributes starts or stops skipping it.
const SKIP_ATTRIBUTES = `${CARD_SELECTOR},[hidden],[aria-hidden="true"],[translate="no"],[contenteditable]:not([contenteditable="false"])`;

/** Menus and footers by role (`isPageChrome`). */
const CHROME_ROLES = '[role="navigation"],[role="contentinfo"]';

/**
 * Elements that may be skipped: those, the page's menus and footer (`isPageChrome`), and links to a
 * social network (`isSocialChromeLink`).
 * (`footer:not(article footer, …)` says part of it in one selector, but not every DOM takes selectors inside `:not`.)
 */
const MAY_SKIP = `${SKIP_ATTRIBUTES},${CHROME_ROLES},nav,footer,${SOCIAL_LINK_SELECTOR}`;

/** Where a footer is a story's or a section's own, not the page's: HTML's rule for which footer is the page's "contentinfo". */
const OWNS_A_FOOTER = 'article,aside,main,nav,section,[role="main"],[role="article"]';

/**
 * What a menu or a footer never holds: the page's main content. (Not `article`: a menu of teasers
 * holds story cards, each an `article`, as the New York Times's ribbon does.)
 */
const STORY = 'main,[role="main"]';

/**
 * A navigation menu (`nav`, `role="navigation"`) or the page's own footer (`role="contentinfo"`, or a
 * `footer` outside any article, section or main content), unless it holds the page's main content:
 * a page that wraps everything in one (a site builder's `<nav>` around the page) is still read.
 */
function isPageChrome(el: Element, name: string): boolean {
  const chrome = name === 'nav' || (name === 'footer' && !el.parentElement?.closest(OWNS_A_FOOTER)) || (el.attributes.length > 0 && el.matches(CHROME_ROLES));
  return chrome && el.querySelector(STORY) === null;
}

/**
 * Links to a social network a walk tests at most (`isSocialChromeLink`: its address parsed, its text
 * read). A news page has a few dozen; a page of 10,000 profile links took 48–58 ms to test in one
 * task (Chromium, main world). Past this many, they are read as text.
 */
const MAX_LINKS_TESTED = 1_000;

/**
 * The elements under `root` that keep Gloss out, found natively. A skipped link is phrasing, which
 * `STRUCTURE` does not look for: the nodes above it go into `walled`, so the block holding it is
 * walked rather than read whole (each climb stops at a node already there). `links.left`: how many
 * more links to a social network this walk may test.
 */
function skippedUnder(root: ParentNode, into: Set<Node>, walled: Set<Node>, links: { left: number }): void {
  for (const el of root.querySelectorAll(MAY_SKIP)) {
    const name = nameOf(el);
    if (!isSkippedElement(el, name, name !== 'a' || links.left-- > 0)) continue;
    into.add(el);
    if (name === 'a') for (let up = el.parentNode; up && !walled.has(up); up = up.parentNode) walled.add(up);
  }
}

/**
 * Everything that ends a block or is left out of one: a block element with none of these inside is one
 * block, its `textContent`. Only for HTML documents, where type selectors ignore case as `localName`
 * reads need not.
 */
const STRUCTURE = [...BLOCK_NAMES, ...SKIP_NAMES].join(',') + ',' + SKIP_ATTRIBUTES + ',' + CHROME_ROLES;

/** The elements a paragraph usually holds, none of them structure (the filter keeps it so). */
const PHRASING_NAMES = [
  'a', 'span', 'b', 'strong', 'i', 'em', 'small', 'sup', 'sub', 'abbr', 'cite', 'q', 'time', 'mark', 'u', 's',
  'font', 'img', 'picture', 'source', 'wbr', 'label', 'dfn', 'bdi', 'bdo', 'data', 'del', 'ins',
].filter((name) => !BLOCK.has(name) && !SKIP.has(name));

/**
 * Anything but those, or an element with an attribute that skips it: every element `STRUCTURE` matches
 * matches this too. A browser matches each element inside against every selector of a list, and
 * `STRUCTURE` has 76: asking this short list first, and `STRUCTURE` only when it finds something, took
 * the 20k-node page's walk from 48 to 34 ms (cold, in an isolated world here).
 */
const NOT_PHRASING = `:not(${PHRASING_NAMES.join(',')}),${SKIP_ATTRIBUTES},${CHROME_ROLES}`;

/** Whether `el` holds nothing that ends a block or is left out of one (`STRUCTURE`), asked natively. */
function holdsNoStructure(el: Element): boolean {
  return el.childElementCount === 0 || el.querySelector(NOT_PHRASING) === null || el.querySelector(STRUCTURE) === null;
}

const isHeading = (name: string) => name.length === 2 && (name.charCodeAt(0) | 32) === 104 /* h or H */ && name.charCodeAt(1) >= 49 && name.charCodeAt(1) <= 54;

/** Elements in other namespaces (SVG's `foreignObject`, XHTML in upper case) by their lower-case name. */
const nameOf = (el: Element) => (el.namespaceURI === 'http://www.w3.org/1999/xhtml' ? el.localName : el.localName.toLowerCase());

const SVG = 'http://www.w3.org/2000/svg';

export function isBlockElement(el: Element): boolean {
  return BLOCK.has(el.localName);
}

/** The element's parent, or for the top of a shadow tree its host. */
export function parentAcrossShadows(node: Node): Element | null {
  if (node.nodeType === DOCUMENT_FRAGMENT) return (node as ShadowRoot).host ?? null;
  return node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host ?? null);
}

/**
 * Whether text under `node` (or in a shadow root) may be annotated at all: no ancestor up to the
 * document, across shadow hosts, is skipped.
 */
export function isAnnotatable(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return false;
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : parentAcrossShadows(node); el; el = parentAcrossShadows(el)) {
    if (isSkippedElement(el)) return false;
  }
  return node.isConnected;
}

/** Whether Gloss may annotate inside this element (checked for each element on the way down). */
export function isSkippedElement(el: Element, name = nameOf(el), testLink = true): boolean {
  if (SKIP.has(name)) return name !== 'pre' || el !== plainTextViewer(el.ownerDocument);
  if (el.namespaceURI === SVG) return true;
  if (el.attributes.length === 0) return isPageChrome(el, name);
  if (el.matches(SKIP_ATTRIBUTES)) return true;
  if (name === 'a' && testLink && isSocialChromeLink(el.getAttribute('href'), el.textContent)) return true;
  return isPageChrome(el, name);
}

/**
 * A text file's blocks (`plain-text.ts`): one per paragraph of the text in its viewer `pre`, each a
 * slice of the text nodes it lies in (the browser puts the whole file in one: `starts` is then
 * negative for every paragraph but the first, as `locate` allows).
 */
function paragraphBlocks(pre: Element, section: number, blocks: TextBlock[]): void {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = pre.ownerDocument.createTreeWalker(pre, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode() as Text | null; node && text.length <= TEXT_FILE_MAX_CHARS; node = walker.nextNode() as Text | null) {
    if (node.data.length === 0) continue;
    nodes.push(node);
    starts.push(text.length);
    text += node.data;
  }
  let first = 0;
  for (const [start, end] of paragraphSpans(readablePart(text))) {
    while (starts[first]! + nodes[first]!.data.length <= start) first++;
    const own: Text[] = [];
    const ownStarts: number[] = [];
    for (let k = first; k < nodes.length && starts[k]! < end; k++) {
      own.push(nodes[k]!);
      ownStarts.push(starts[k]! - start);
    }
    const paragraph = text.slice(start, end);
    if (hasWordCharacter(paragraph)) blocks.push({ text: paragraph, nodes: own, starts: ownStarts, section, box: pre, anchor: own[0]! });
  }
}

export function collectBlocks(root: Node, shadowRoots = false): TextBlock[] {
  return new BlockCollector(root, shadowRoots).walkAll().blocks;
}

/**
 * The walk behind `collectBlocks`, resumable: `step(deadline)` walks until `performance.now()`
 * passes the deadline, so a huge page is collected over several tasks instead of one long one.
 * If the node it stopped at leaves the document in between, it starts over. With `shadowRoots`,
 * the open shadow roots of the elements it reads are walked too, each a tree of its own, after the
 * document (closed ones cannot be read); their blocks follow the document's.
 */
export class BlockCollector {
  blocks: TextBlock[] = [];
  /** The open shadow roots walked (or still to walk), in the order they were met. */
  readonly shadowRoots: ShadowRoot[] = [];
  /**
   * Custom elements (a hyphen in the name) walked without a shadow root, when shadow roots are read:
   * most are not defined yet, and one that attaches a root when it is defined makes no mutation
   * record (the annotator looks at them again: `Annotator.takeHostsWithNewRoots`).
   */
  readonly hostsWithoutRoot: Element[] = [];
  #current: WalkedBlock | null = null;
  #section = 0;
  readonly #root: Node | null;
  /** The root of the tree being walked: the document's, or a shadow root. */
  #end: Node | null;
  #node: Node | null;
  /** How many of `shadowRoots` have been walked or are being walked. */
  #shadowsBegun = 0;
  /**
   * Elements skipped for an attribute, found by one native query: a selector match per element cost
   * as much as the rest of the walk. Asked once per walk, not per slice (on a 20k-node page, asking
   * again each slice was a sixth of the walk): an element added later is read again when the page
   * watcher reports it (watch-page.ts), with a query of its own.
   */
  #skipped: Set<Node> | undefined;
  /** The nodes above a skipped link (`skippedUnder`): never read whole. */
  #walled = new Set<Node>();
  /** How many more links to a social network this walk may test (`MAX_LINKS_TESTED`). */
  #links = { left: MAX_LINKS_TESTED };
  /** When shadow roots are read: the nodes with a custom element below them (`markCustomElements`). */
  #aboveCustom: Set<Node> | undefined;
  /** How many more elements this walk may search for custom elements. */
  #customBudget = CUSTOM_SEARCH_MAX;
  /** Whether the node's parent has only blank text children (`hasOnlyBlankText`), and the same for each level above. */
  #sparse = false;
  readonly #sparseAbove: boolean[] = [];

  /** Whether a block element without structure inside may be read whole (`ElementBlock`). */
  readonly #wholeBlocks: boolean;
  /** The `pre` a text file is shown in, read as paragraphs (`plain-text.ts`); null on other pages. */
  readonly #viewer: Element | null;

  constructor(
    root: Node,
    private readonly readShadowRoots = false,
  ) {
    // A document in design mode is an editor as a whole (a rich-text field's frame, a page being
    // written): nothing in it is read, as in a `contenteditable` element.
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
    const editing = doc?.designMode === 'on';
    this.#node = this.#end = this.#root = editing ? null : root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement : root;
    this.#wholeBlocks = doc?.contentType === 'text/html';
    this.#viewer = doc && !this.#wholeBlocks ? plainTextViewer(doc) : null;
  }

  /** Walks to the end in one go. */
  walkAll(): this {
    this.step(Infinity);
    return this;
  }

  /**
   * Where a walk paused by `stopAt` stands: the next node it reads (it has read every node before it
   * in document order, and nothing from it on). Null once the walk is done, or while it is in a shadow
   * tree (it pauses only in the document's, where document order says what it has read).
   */
  get frontier(): Node | null {
    return this.#end === this.#root ? this.#node : null;
  }

  /**
   * Walks on until done (true), past `deadline`, or holding `stopAt` blocks or more at a boundary
   * between blocks of the document's own tree (false: call again).
   */
  step(deadline: number, stopAt = Infinity): boolean {
    if (this.#node && this.#node !== this.#end && !this.#node.isConnected) {
      this.blocks = [];
      this.#current = null;
      this.#section = 0;
      this.#node = this.#end = this.#root;
      this.#skipped = this.#aboveCustom = undefined;
      this.#walled.clear();
      this.#links.left = MAX_LINKS_TESTED;
      this.#customBudget = CUSTOM_SEARCH_MAX;
      this.shadowRoots.length = this.#shadowsBegun = this.hostsWithoutRoot.length = this.#sparseAbove.length = 0;
      this.#sparse = false;
    }
    let end = this.#end;
    let node = this.#node;
    // The walk's state in locals, written back when it pauses: field reads per node made it 2–3× slower.
    const blocks = this.blocks;
    let current = this.#current;
    let section = this.#section;
    const wholeBlocks = this.#wholeBlocks;
    const viewer = this.#viewer;
    const shadows = this.readShadowRoots ? this.shadowRoots : undefined;
    const flush = () => {
      if (current && hasWordCharacter(current.text)) blocks.push(current);
      current = null;
    };
    let skipped = this.#skipped;
    if (!skipped) {
      skipped = this.#skipped = new Set<Node>();
      if (end && (end.nodeType === ELEMENT || end.nodeType === DOCUMENT_FRAGMENT)) skippedUnder(end as ParentNode, skipped, this.#walled, this.#links);
      // The root itself is not in the query's result.
      if (end && end.nodeType === ELEMENT && isSkippedElement(end as Element)) skipped.add(end);
    }
    const walled = this.#walled;
    let aboveCustom = this.#aboveCustom;
    if (!aboveCustom && shadows && wholeBlocks) {
      aboveCustom = this.#aboveCustom = new Set<Node>();
      if (end && (end.nodeType === ELEMENT || end.nodeType === DOCUMENT_FRAGMENT)) this.#customBudget -= markCustomElements(end as Element | ShadowRoot, aboveCustom, this.#customBudget);
    }
    // A walk that starts at a shadow root (a change inside one) starts inside it.
    if (node && node === end && node.nodeType === DOCUMENT_FRAGMENT) node = node.firstChild;
    let sparse = this.#sparse;
    const sparseAbove = this.#sparseAbove;
    let visited = 0;
    // An explicit stack instead of recursion: hostile pages nest elements tens of thousands deep.
    const root = this.#root;
    while (node) {
      // Reading the clock costs more than a node: look every 512 nodes.
      if (((++visited & 511) === 0 && performance.now() > deadline) || (blocks.length >= stopAt && current === null && end === root)) {
        this.#node = node;
        this.#end = end;
        this.#current = current;
        this.#section = section;
        this.#sparse = sparse;
        return false;
      }
      let descend = false;
      const type = node.nodeType;
      if (type === TEXT) {
        const data = (node as Text).data;
        // Blank text does not start a block: the line breaks between a page's elements would each make
        // one, only to be dropped (10,000 of them on a 20k-node page).
        if (data.length > 0 && (current !== null || !isBlank(data))) {
          // Text the page shows as two boxes (a kicker above its headline, flex items, a name and its
          // footnote mark) is two pieces, as `innerText` reads it, not one word ("PoliticsNancy").
          const join = current === null ? null : wordJoin(current.text, data);
          if (join !== null && isSeparated(current!.nodes[current!.nodes.length - 1]!, node, join === 'letters')) flush();
          current ??= { text: '', nodes: [], starts: [], section, box: (node as Text).parentElement, anchor: node };
          current.nodes.push(node as Text);
          current.starts.push(current.text.length);
          current.text += data;
        }
      } else if (type === ELEMENT) {
        const name = (node as Element).localName;
        const block = BLOCK.has(name);
        if (block) flush();
        if (isHeading(name)) section++;
        const shadowRoot = shadows ? (node as Element).shadowRoot : null;
        if (node === viewer) {
          // A text file's `pre`: its paragraphs (`plain-text.ts`).
          flush();
          paragraphBlocks(node as Element, section, blocks);
        } else if (SKIP.has(name) || skipped.has(node)) {
          // A skipped element (code, a form field…) separates the text around it: no name spans it.
          flush();
        } else if (shadowRoot) {
          shadows!.push(shadowRoot);
          // Its light children show where its shadow tree's slots put them: read as before, but apart.
          flush();
          descend = true;
        } else if (block && wholeBlocks && node.hasChildNodes() && !aboveCustom?.has(node) && !walled.has(node) && holdsNoStructure(node as Element)) {
          // Read whole, in one call. Each query stops at the first structure inside, or scans a
          // subtree the walk would otherwise have read node by node: linear in the page.
          // `hasChildNodes()`, not `firstChild`: reading a node makes its wrapper in this world, and
          // this child is never visited (10,000 fewer on the 20k-node page; its walk 7–27% shorter).
          const text = (node as Element).textContent!;
          if (text.length > WHOLE_MAX_CHARS || mayRunTogether(node as Element, text)) descend = true;
          else if (hasWordCharacter(text)) blocks.push(new ElementBlock(node as Element, text, section));
        } else {
          descend = true;
          if (shadows && isCustomName(name)) this.hostsWithoutRoot.push(node as Element);
        }
      }
      if (descend) {
        // Where no block is open, blank text is dropped unread: in an element whose text children are all
        // blank, the walk goes from element to element (`sparse`) while no block is open.
        const blankOnly = hasOnlyBlankText(node as Element);
        const first = blankOnly && current === null ? (node as Element).firstElementChild : node.firstChild;
        if (first) {
          sparseAbove.push(sparse);
          sparse = blankOnly;
          node = first;
          continue;
        }
      }
      // Climb until a next sibling, closing blocks on the way up.
      // (A node moved out of the walk's root between two slices climbs to the document's top: null.)
      let next: Node | null = null;
      while (node && node !== end) {
        if (node.nodeType === ELEMENT && BLOCK.has((node as Element).localName)) flush();
        next = sparse && current === null ? (node as ChildNode & NonDocumentTypeChildNode).nextElementSibling : node.nextSibling;
        if (next) break;
        node = node.parentNode;
        sparse = sparseAbove.pop() ?? false;
      }
      if (!next) {
        flush();
        // The next shadow root met on the way, walked as a tree of its own; a list, not recursion:
        // hostile pages nest them too.
        let first: Node | null = null;
        while (!first && shadows && this.#shadowsBegun < shadows.length) {
          const root = shadows[this.#shadowsBegun++]!;
          skippedUnder(root, skipped, walled, this.#links);
          if (aboveCustom) this.#customBudget -= markCustomElements(root, aboveCustom, this.#customBudget);
          end = root;
          first = root.firstChild;
        }
        if (!first) break;
        node = first;
        sparse = false;
        sparseAbove.length = 0;
        continue;
      }
      node = next;
    }
    this.#node = null;
    this.#end = end;
    flush();
    this.#current = null;
    this.#section = section;
    return true;
  }
}
