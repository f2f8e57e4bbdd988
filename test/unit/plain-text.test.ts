/**
 * A text file the browser shows as a page (`text/plain`, one `pre` in its body) is read as prose, in
 * paragraphs; code and data files served as text, and files too long to read, are left alone.
 * @vitest-environment happy-dom
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BlockCollector, isAnnotatable, isSkippedElement } from '../../content-scripts/collect-text';
import { PARAGRAPH_MAX_CHARS, TEXT_FILE_LEFT_ALONE_CHARS, TEXT_FILE_MAX_CHARS, paragraphSpans, readsAsProse } from '../../content-scripts/plain-text';
import { rangeFor } from '../../content-scripts/text-ranges';

/**
 * The document as the browser makes one for a text file at `path`: its text in one `pre`, in these
 * text nodes. (The test's own document: happy-dom's ranges misplace their start in a document made by
 * `createHTMLDocument`.)
 */
function textFile(path: string, ...texts: string[]): { doc: Document; pre: HTMLPreElement } {
  const doc = document;
  Object.defineProperty(doc, 'contentType', { value: 'text/plain', configurable: true });
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://example.com${path}`);
  const pre = doc.createElement('pre');
  for (const text of texts) pre.appendChild(doc.createTextNode(text));
  doc.body.replaceChildren(pre);
  return { doc, pre };
}

afterEach(() => {
  delete (document as { contentType?: string }).contentType;
  document.body.replaceChildren();
});

const texts = (doc: Document) => new BlockCollector(doc).walkAll().blocks.map((b) => b.text);
const spans = (text: string, max?: number) => paragraphSpans(text, max).map(([a, b]) => text.slice(a, b));

describe('which text files are read', () => {
  it('reads files named as text, or with no extension; not code, data or configuration', () => {
    for (const path of ['/seed/article.txt', '/story/12345', '/README', '/notes/Trip.MD', '/a.text', '/', '/press-release.rst']) expect(readsAsProse(path), path).toBe(true);
    for (const path of ['/src/app.py', '/data.csv', '/x.json', '/main.js', '/.env', '/style.css', '/report.log']) expect(readsAsProse(path), path).toBe(false);
  });
});

describe('paragraphs of a text file', () => {
  it('are parted by blank lines (white space on them too, and Windows line ends), without the white space around them', () => {
    expect(spans('  Title\n\nFirst line\nwrapped on.\n  \t\nLast.\n')).toEqual(['Title', 'First line\nwrapped on.', 'Last.']);
    expect(spans('One.\r\n\r\nTwo.\r\n')).toEqual(['One.', 'Two.']);
    expect(spans('\n\n\n')).toEqual([]);
  });

  it('are its lines where the file has no blank line (one paragraph a line)', () => {
    expect(spans('First paragraph.\nSecond paragraph.\n\tThird.')).toEqual(['First paragraph.', 'Second paragraph.', 'Third.']);
  });

  it('are cut at a line break, else a space, else anywhere, when longer than the limit', () => {
    expect(spans('aaaa bbbb\ncccc dddd\n\nee', 12)).toEqual(['aaaa bbbb', 'cccc dddd', 'ee']);
    expect(spans('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(spans('abcdefghijklmnop', 10)).toEqual(['abcdefghij', 'klmnop']);
    const long = `${'word '.repeat(PARAGRAPH_MAX_CHARS / 2)}end`;
    expect(spans(long).every((p) => p.length <= PARAGRAPH_MAX_CHARS)).toBe(true);
    expect(spans(long).join(' ')).toBe(long);
  });
});

describe('a text file the browser shows as a page', () => {
  it('is read as its paragraphs, each mapped back to the file’s own text node, a name wrapped on two lines in one', () => {
    const { doc, pre } = textFile('/story.txt', 'Trump Fires Security Chief\n\nPresident Donald Trump fired Chris\nKrebs on Tuesday.\n\nKrebs ran CISA.\n');
    const blocks = new BlockCollector(doc).walkAll().blocks;
    expect(blocks.map((b) => b.text)).toEqual(['Trump Fires Security Chief', 'President Donald Trump fired Chris\nKrebs on Tuesday.', 'Krebs ran CISA.']);
    const second = blocks[1]!;
    const at = second.text.indexOf('Chris\nKrebs');
    const range = rangeFor(second, at, at + 'Chris\nKrebs'.length, doc);
    expect(range.startContainer).toBe(pre.firstChild);
    expect(range.toString()).toBe('Chris\nKrebs');
    const third = blocks[2]!;
    expect(rangeFor(third, 10, 14, doc).toString()).toBe('CISA');
    expect(isSkippedElement(pre)).toBe(false);
    expect(isAnnotatable(pre.firstChild!)).toBe(true);
  });

  it('maps a paragraph that spans two of the file’s text nodes to both', () => {
    const { doc, pre } = textFile('/story.txt', 'Intro.\n\nDefense Secretary Mark ', 'Esper was fired.\n\nThe end.');
    const blocks = new BlockCollector(doc).walkAll().blocks;
    expect(blocks.map((b) => b.text)).toEqual(['Intro.', 'Defense Secretary Mark Esper was fired.', 'The end.']);
    const range = rangeFor(blocks[1]!, 18, 28, doc);
    expect(range.toString()).toBe('Mark Esper');
    expect([range.startContainer, range.endContainer]).toEqual([pre.childNodes[0], pre.childNodes[1]]);
    expect(rangeFor(blocks[2]!, 4, 7, doc).toString()).toBe('end');
  });

  it('is left alone where it is code or data, and a `pre` on an HTML page still is', () => {
    const { doc, pre } = textFile('/src/app.py', '# Fired by Donald Trump\nprint("Krebs")\n');
    expect(texts(doc)).toEqual([]);
    expect(isSkippedElement(pre)).toBe(true);
    const html = document.implementation.createHTMLDocument('');
    html.body.innerHTML = '<pre>Donald Trump fired Chris Krebs.</pre>';
    expect(texts(html)).toEqual([]);
  });

  it('is read up to a line break before the limit when long, and left alone when longer than a file Gloss reads', () => {
    const paragraph = 'Chris Krebs ran the agency known as CISA until Donald Trump fired him.';
    const long = Array.from({ length: Math.ceil((TEXT_FILE_MAX_CHARS * 2) / (paragraph.length + 2)) }, () => paragraph).join('\n\n');
    const read = texts(textFile('/long.txt', long).doc);
    expect(read.every((t) => t === paragraph)).toBe(true);
    expect(read.length * (paragraph.length + 2)).toBeLessThanOrEqual(TEXT_FILE_MAX_CHARS + paragraph.length + 2);
    expect(read.length * (paragraph.length + 2)).toBeGreaterThan(TEXT_FILE_MAX_CHARS - 2 * (paragraph.length + 2));
    const tooLong = 'x'.repeat(TEXT_FILE_LEFT_ALONE_CHARS - paragraph.length);
    expect(texts(textFile('/huge.txt', `${paragraph}\n\n`, tooLong).doc)).toEqual([]);
    expect(texts(textFile('/almost.txt', `${paragraph}\n\n`, tooLong.slice(10)).doc)[0]).toBe(paragraph);
  });
});
