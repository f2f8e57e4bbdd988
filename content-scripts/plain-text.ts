/**
 * A text file the browser shows as a page (`text/plain`: a story saved or published as text, a
 * press release, a transcript, the demo story served as it is) is read as prose. The browser puts
 * the file's text in one `pre`, which on any other page is code or preformatted text and left alone,
 * so without this rule nothing in it was underlined. Its text is read as paragraphs, as a page's
 * `p` elements are: a name never spans two, and the words beside a name are its own paragraph's.
 * Source code and data that a server sends as text/plain (raw files on code hosts: `.py`, `.json`,
 * `.csv`) stay unread, as `code` and `pre` are on a page: only a file named as text, or with no
 * extension, is read.
 */

/** Extensions of files written to be read (no extension counts too: `/story/123`, `README`). */
const PROSE_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown', 'mdown', 'rst', 'adoc', 'asciidoc', 'org', 'nfo', 'me', 'asc']);

/** Whether the file at this URL path is read as prose when its document is `text/plain`. */
export function readsAsProse(pathname: string): boolean {
  const name = pathname.slice(pathname.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  // A dot file (`.bashrc`, `.env`) is configuration.
  if (dot === 0) return false;
  if (dot < 0) return true;
  return PROSE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/**
 * How much of a text file is read: its paragraphs up to the last line break before this many
 * characters (about 25,000 words; a news story as text is 3–20 KB). The whole file is one text node,
 * and no element places a paragraph on the page, so the part a reader has not reached cannot be read
 * later as on an HTML page (`READ_FIRST_BLOCKS`).
 */
export const TEXT_FILE_MAX_CHARS = 150_000;

/**
 * A text file longer than this is left alone, as a `pre` on a page is: each name's box costs
 * Chromium time in proportion to the lines of the text node it is in, and a file of 4.7 MB held the
 * page in tasks of 100–200 ms even with only its first part read (one of 491 KB: 31–70 ms, the
 * longest in a browser's first load; read whole, 31–76 ms for three times the names).
 */
export const TEXT_FILE_LEFT_ALONE_CHARS = 500_000;

/** The part of a text file that is read (`TEXT_FILE_MAX_CHARS`), ending at a line break where it is cut. */
export function readablePart(text: string): string {
  if (text.length <= TEXT_FILE_MAX_CHARS) return text;
  const cut = text.lastIndexOf('\n', TEXT_FILE_MAX_CHARS);
  return text.slice(0, cut > 0 ? cut : TEXT_FILE_MAX_CHARS);
}

/**
 * A paragraph longer than this is cut at its last line break (or space) before it: a file with no
 * blank line or line break at all is still read in blocks of a paragraph's size, not as one block.
 */
export const PARAGRAPH_MAX_CHARS = 10_000;

const BLANK_LINE = /\n[^\S\n]*\n/;
const SPACE = /\s/;

/**
 * The paragraphs of a text file, as [start, end) offsets into `text`, in order, without the white
 * space around them: parted by blank lines; in a file with no blank line, each line is one (a file
 * written one paragraph a line). A line break inside a paragraph is its wrapping: a name may span it
 * ("Chris⏎Krebs"), as the matcher reads any white space between a name's words.
 */
export function paragraphSpans(text: string, maxChars = PARAGRAPH_MAX_CHARS): [number, number][] {
  const byBlankLines = BLANK_LINE.test(text);
  const spans: [number, number][] = [];
  const add = (start: number, end: number) => {
    while (start < end && SPACE.test(text[start]!)) start++;
    while (end > start && SPACE.test(text[end - 1]!)) end--;
    while (end - start > maxChars) {
      // The last line break before the limit, else the last space, else the limit itself.
      let cut = text.lastIndexOf('\n', start + maxChars);
      if (cut <= start) cut = Math.max(text.lastIndexOf(' ', start + maxChars), text.lastIndexOf('\t', start + maxChars));
      if (cut <= start) cut = start + maxChars;
      add(start, cut);
      start = cut;
      while (start < end && SPACE.test(text[start]!)) start++;
    }
    if (end > start) spans.push([start, end]);
  };
  const boundary = byBlankLines ? /\n[^\S\n]*\n\s*/g : /\n/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    add(start, m.index);
    start = m.index + m[0].length;
  }
  add(start, text.length);
  return spans;
}

/**
 * The `pre` in which the browser shows a text file read as prose (`readsAsProse`), or null: Chromium
 * and Firefox both show a `text/plain` document as one `pre` in its body.
 */
export function plainTextViewer(doc: Document): Element | null {
  if (doc.contentType !== 'text/plain') return null;
  const body = doc.body;
  const pre = body?.firstElementChild;
  if (!pre || pre.localName !== 'pre' || body!.childElementCount !== 1) return null;
  if (!readsAsProse(doc.location?.pathname ?? '')) return null;
  // Lengths, not text: a file's text is copied into this world only once it is known to be read.
  let length = 0;
  const walker = doc.createTreeWalker(pre, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && length <= TEXT_FILE_LEFT_ALONE_CHARS; node = walker.nextNode()) length += (node as Text).length;
  return length <= TEXT_FILE_LEFT_ALONE_CHARS ? pre : null;
}
