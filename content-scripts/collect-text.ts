/**
 * Collects the page's readable text as blocks: text joined across inline elements
 * ("Christopher <a>Krebs</a>"), split at block elements and line breaks, so a name can span
 * inline markup but never two paragraphs. Skips what a reader does not read as prose or what
 * Gloss must not touch: form fields, editors, code, scripts, hidden and aria-hidden subtrees,
 * `translate="no"`, and Gloss's own host. Reads the DOM only; never writes.
 */

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  /** Count of headings seen before this block: "first mention per section" uses it. */
  section: number;
}

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'MATH', 'SVG', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'HTML', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'MENU',
]);

const HEADING = /^H[1-6]$/;

export function isBlockElement(el: Element): boolean {
  return BLOCK.has(el.localName.toUpperCase());
}

/** Whether text under `node` may be annotated at all: no ancestor (up to the document) is skipped. */
export function isAnnotatable(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return false;
  }
  return node.isConnected;
}

/** Whether Gloss may annotate inside this element (checked for each element on the way down). */
export function isSkippedElement(el: Element): boolean {
  const tag = el.localName.toUpperCase();
  if (SKIP.has(tag)) return true;
  if (el.namespaceURI === 'http://www.w3.org/2000/svg') return true;
  if (el.hasAttribute('data-gloss') || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.getAttribute('translate') === 'no') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return false;
}

export function collectBlocks(root: Node, maxNodes = Infinity): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  let section = 0;
  let seen = 0;
  const flush = () => {
    if (current && /[\p{L}\p{N}]/u.test(current.text)) blocks.push(current);
    current = null;
  };

  // An explicit stack instead of recursion: hostile pages nest elements tens of thousands deep.
  let node: Node | null = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement : root;
  const end = node;
  while (node) {
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        current ??= { text: '', nodes: [], starts: [], section };
        current.nodes.push(node as Text);
        current.starts.push(current.text.length);
        current.text += data;
      }
      if (++seen >= maxNodes) break;
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      const tag = el.localName.toUpperCase();
      if (BLOCK.has(tag)) flush();
      if (HEADING.test(tag)) section++;
      // A skipped element (code, a form field…) separates the text around it: no name spans it.
      if (!isSkippedElement(el)) descend = true;
      else flush();
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling, closing blocks on the way up.
    while (node && node !== end && !node.nextSibling) {
      node = node.parentNode;
      if (node && node.nodeType === Node.ELEMENT_NODE && BLOCK.has((node as Element).localName.toUpperCase())) flush();
    }
    if (!node || node === end) break;
    if (node.nodeType === Node.ELEMENT_NODE && BLOCK.has((node as Element).localName.toUpperCase())) flush();
    node = node.nextSibling;
  }
  flush();
  return blocks;
}
