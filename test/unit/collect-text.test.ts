/**
 * The fast walk (`BlockCollector`: skipped elements found by one query, state in locals, resumable
 * in slices) collects the same blocks as a plain recursive reference on random DOM trees with
 * skipped tags and attributes, whole or stopped after every few nodes.
 * @vitest-environment happy-dom
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { BlockCollector, collectBlocks, ElementBlock, isAnnotatable } from '../../content-scripts/collect-text';
import { elementAt, rangeFor } from '../../content-scripts/text-ranges';

const SKIP_TAGS = new Set(['script', 'style', 'code', 'textarea', 'button', 'svg', 'template']);
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'h2', 'br', 'section', 'td', 'nav', 'footer', 'article']);

/** What the walk promises, written the obvious way. */
/** Every node under `root`, text and elements: the walk reads the clock once every 512 it visits. */
function nodesUnder(root: Node): number {
  let n = 0;
  for (const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ALL); walker.nextNode(); ) n++;
  return n;
}

/** Whether a link's text says the network's name and nothing else, in the words `social-links.ts` reads. */
function isNameAlone(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z0-9\u00df-\u00ff]+/g) ?? [];
  return words.length > 0 && words.every((w) => w === 'twitter');
}

function reference(root: Element): { text: string; section: number }[] {
  const out: { text: string; section: number }[] = [];
  let current: { text: string; section: number } | null = null;
  let section = 0;
  const flush = () => {
    if (current && /[\p{L}\p{N}]/u.test(current.text)) out.push(current);
    current = null;
  };
  const skipped = (el: Element) =>
    SKIP_TAGS.has(el.localName) ||
    el.getAttribute('data-gloss') === 'card' ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    el.getAttribute('translate') === 'no' ||
    (el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false') ||
    // A link to the site's profile whose text is the network's name alone (social-links.ts: the trees' other words are no button's;
    // a label's words are runs of Latin letters and digits, so "Twitter—" and "TwitterΩ" are the name alone too).
    (el.localName === 'a' && el.getAttribute('href') === PROFILE && isNameAlone(el.textContent!) && el.textContent!.trim().split(/\s+/).length <= 8) ||
    // Menus and the page's footer (not an article's or a section's: HTML's "contentinfo"), unless they hold a story.
    ((el.localName === 'nav' ||
      el.getAttribute('role') === 'navigation' ||
      el.getAttribute('role') === 'contentinfo' ||
      (el.localName === 'footer' && !el.parentElement?.closest('article, aside, main, nav, section, [role="main"], [role="article"]'))) &&
      !el.querySelector('main, [role="main"]'));
  const visit = (node: Node) => {
    if (node instanceof Text) {
      // Blank text does not start a block (it may end one).
      if (node.data && (current || !/^[ \n\t\r\f]*$/.test(node.data))) (current ??= { text: '', section }).text += node.data;
      return;
    }
    if (!(node instanceof Element)) return;
    const block = BLOCK_TAGS.has(node.localName);
    if (block) flush();
    if (/^h[1-6]$/.test(node.localName)) section++;
    if (skipped(node)) return flush();
    for (const child of node.childNodes) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return out;
}

type Tree = { tag: string; attr: string | null; children: (Tree | string)[] };
/** A link to a site's profile on a network: skipped where its text is a button's ("Twitter"). */
const PROFILE = 'https://twitter.com/gloss';
const ATTRS = [
  `href=${PROFILE}`, 'hidden', 'aria-hidden=true', 'aria-hidden=false', 'translate=no', 'translate=yes', 'contenteditable=', 'contenteditable=false',
  'contenteditable=true', 'data-gloss=card', 'data-gloss=glossary', 'class=x', 'role=navigation', 'role=contentinfo', 'role=main', 'role=article',
];
/** Random trees of these tags, attributes (one in `attrFreq`) and texts, up to `maxChildren` children per element. */
const treeOf = (tags: string[], attrs: string[], attrFreq: number, texts: string[], maxChildren: number): fc.Arbitrary<Tree> =>
  fc.letrec((tie) => ({
    node: fc.record({
      tag: fc.constantFrom(...tags),
      attr: fc.option(fc.constantFrom(...attrs), { freq: attrFreq }),
      children: fc.array(fc.oneof({ depthSize: 'small' }, fc.constantFrom(...texts), tie('node') as fc.Arbitrary<Tree>), { maxLength: maxChildren }),
    }),
  })).node as fc.Arbitrary<Tree>;
const tree = treeOf(['p', 'span', 'b', 'a', 'div', 'li', 'h2', 'br', 'section', 'td', 'em', 'footer', 'article', 'nav', ...SKIP_TAGS], ATTRS, 3, ['Krebs ', 'said', ' ', '\n', '—', 'Ω', '', 'Twitter'], 4);

function build(t: Tree, parent: Node): void {
  const document = parent.ownerDocument!;
  const el = document.createElement(t.tag);
  if (t.attr) {
    const [name, value = ''] = t.attr.split('=');
    el.setAttribute(name!, value);
  }
  parent.appendChild(el);
  if (t.tag === 'br') return;
  for (const c of t.children) typeof c === 'string' ? el.appendChild(document.createTextNode(c)) : build(c, el);
}

/**
 * A fresh HTML document with a stand-in for the browser's XPath (happy-dom has none), answering the
 * three queries the walk makes the way the browser does: the non-empty text nodes and the custom
 * elements under a node, and whether a node has a text child that is not XML white space. Without
 * XPath the walk never asks and steps over nothing: this is how its XPath paths are tested here.
 */
function documentWithXPath(): Document & { asked: Node[] } {
  const doc = document.implementation.createHTMLDocument('');
  const descendants = (root: Node, keep: (n: Node) => boolean) => {
    const out: Node[] = [];
    const visit = (n: Node) => {
      for (const c of n.childNodes) {
        if (keep(c)) out.push(c);
        visit(c);
      }
    };
    visit(root);
    return out;
  };
  const answers: Record<string, (root: Node) => Partial<XPathResult>> = {
    './/text()[string-length() > 0]': (root) => {
      const found = descendants(root, (n) => n.nodeType === 3 && (n as Text).data.length > 0);
      return { snapshotLength: found.length, snapshotItem: (i: number) => found[i] ?? null };
    },
    ".//*[contains(local-name(), '-')]": (root) => {
      const found = descendants(root, (n) => n.nodeType === 1 && (n as Element).localName.includes('-'));
      return { snapshotLength: found.length, snapshotItem: (i: number) => found[i] ?? null };
    },
    'boolean(text()[string-length(normalize-space()) > 0])': (root) => ({
      booleanValue: [...root.childNodes].some((c) => c.nodeType === 3 && /[^ \t\r\n]/.test(c.nodeValue!)),
    }),
  };
  doc.createExpression = ((expression: string) => {
    const answer = answers[expression];
    if (!answer) throw new Error(`the stand-in XPath has no answer for ${expression}`);
    return { evaluate: (root: Node) => (asked.push(root), answer(root) as XPathResult) };
  }) as Document['createExpression'];
  const asked: Node[] = [];
  return Object.assign(doc, { asked });
}

/**
 * Blocks as the reference gives them. A block read whole (`ElementBlock`, one `textContent`) keeps the
 * blank text at its start that the walk leaves out, so texts are compared from their first non-blank character.
 */
const blocksOf = (blocks: readonly { text: string; section: number }[]) => blocks.map(({ text, section }) => ({ text: text.replace(/^[ \n\t\r\f]+/, ''), section }));

describe('collecting text blocks', () => {
  it('finds the same blocks as the reference walk, in one go or in slices', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 25 }), (trees, copies) => {
        const root = document.createElement('div');
        document.body.replaceChildren(root);
        // Copies make some pages long enough (512+ nodes) for the walk to stop and resume inside them.
        for (let k = 0; k < copies; k++) for (const t of trees) build(t, root);
        const expected = reference(root);
        const blocks = collectBlocks(root);
        expect(blocksOf(blocks)).toEqual(blocksOf(expected));
        // Every block's nodes, read during the walk or only now, hold exactly its text.
        for (const block of blocks) expect(block.nodes.map((n, i) => (expect(block.starts[i]).toBe(block.nodes.slice(0, i).reduce((a, m) => a + m.data.length, 0)), n.data)).join('')).toBe(block.text);
        // Stopped at every chance (the clock is read every 512 nodes: a deadline in the past stops it there).
        const sliced = new BlockCollector(root);
        let slices = 0;
        while (!sliced.step(-Infinity)) slices++;
        expect(slices).toBeLessThanOrEqual(nodesUnder(root) / 512);
        expect(blocksOf(sliced.blocks)).toEqual(blocksOf(expected));
        // Paused every few blocks (a long page read as the reader nears it): each pause holds the blocks
        // asked for, at a boundary, with all it read before its frontier, and the walk ends with the same blocks.
        const paused = new BlockCollector(root);
        let stopAt = 1;
        let pauses = 0;
        while (!paused.step(Infinity, stopAt)) {
          pauses++;
          expect(paused.blocks.length).toBeGreaterThanOrEqual(stopAt);
          const frontier = paused.frontier!;
          expect(frontier).not.toBeNull();
          for (const block of paused.blocks) expect(block.anchor.compareDocumentPosition(frontier) & 4 /* FOLLOWING */).toBe(4);
          stopAt = paused.blocks.length + 1 + (stopAt % 3);
        }
        expect(paused.frontier).toBeNull();
        expect(pauses).toBeGreaterThanOrEqual(Math.floor(expected.length / 4));
        expect(blocksOf(paused.blocks)).toEqual(blocksOf(expected));
      }),
      { numRuns: 120 },
    );
  }, 60_000);

  it('finds the same blocks where it may step over blank text between elements (XPath), in one go or in slices', () => {
    const doc = documentWithXPath();
    // Wide trees: an element with 4 element children or more asks whether its text children are all blank.
    // Links to a profile too: one whose text is "Twitter" alone is skipped, and the block around it walked, not read whole.
    const wide = treeOf(['p', 'span', 'b', 'a', 'div', 'li', 'h2', 'br', 'section', 'em', 'code', 'x-chip'], ['hidden', 'class=x', `href=${PROFILE}`], 5, ['Krebs ', 'said', ' ', '\n', '\n  ', '\f', '', 'Twitter'], 9);
    fc.assert(
      fc.property(fc.array(wide, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 12 }), (trees, copies) => {
        const root = doc.createElement('div');
        doc.body.replaceChildren(root);
        for (let k = 0; k < copies; k++) for (const t of trees) build(t, root);
        const expected = blocksOf(reference(root));
        for (const shadows of [false, true]) {
          const blocks = new BlockCollector(root, shadows).walkAll().blocks;
          expect(blocksOf(blocks)).toEqual(expected);
          for (const block of blocks) expect(block.nodes.map((n) => n.data).join('')).toBe(block.text);
          const sliced = new BlockCollector(root, shadows);
          while (!sliced.step(-Infinity));
          expect(blocksOf(sliced.blocks)).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('never reads the line breaks between paragraphs, where XPath says they are blank', () => {
    const doc = documentWithXPath();
    doc.body.innerHTML = `<div><span>Christopher</span> <span>Krebs</span></div>\n${Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i} says <b>CISA</b></p>`).join('\n')}\n<h2>Mark <i>Esper</i></h2>\n`;
    let reads = 0;
    for (const node of doc.body.childNodes) {
      if (node.nodeType !== 3) continue;
      // Each line break counts the times its text is read.
      const text = (node as Text).data;
      Object.defineProperty(node, 'data', { get: () => (reads++, text) });
    }
    const blocks = new BlockCollector(doc.documentElement, true).walkAll().blocks;
    expect(reads).toBe(0);
    expect(blocks).toHaveLength(52);
    // The blank text between two inline elements is still read: it is inside a block.
    expect(blocks[0]!.text).toBe('Christopher Krebs');
    expect(blocks.at(-1)!.text).toBe('Mark Esper');
    // An element with more than 50,000 children is not asked about: one query over them all would be a long task.
    doc.body.innerHTML = `<p>Joe Biden</p>${'<i></i>\n'.repeat(25_001)}`;
    doc.asked.length = 0;
    expect(new BlockCollector(doc.body).walkAll().blocks.map((b) => b.text)).toEqual(['Joe Biden']);
    expect(doc.asked).toEqual([]);
  }, 30_000);

  it('stops and resumes on a long page', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    for (let i = 0; i < 400; i++) root.insertAdjacentHTML('beforeend', `<p>Krebs <b hidden>x</b><i>said</i> ${i}</p>`);
    const sliced = new BlockCollector(root);
    let slices = 0;
    while (!sliced.step(-Infinity)) slices++;
    expect(slices).toBeGreaterThan(2);
    expect(blocksOf(sliced.blocks)).toEqual(blocksOf(reference(root)));
    // The hidden element splits each paragraph in two: no name spans text the reader cannot see.
    expect(sliced.blocks).toHaveLength(800);
  });

  it('finishes a walk whose next node was moved out of its root between two slices', () => {
    document.body.innerHTML = '<div id="root"></div><div id="elsewhere"></div>';
    const root = document.getElementById('root')!;
    for (let i = 0; i < 600; i++) root.insertAdjacentHTML('beforeend', `<p>Krebs <i>said</i> ${i}</p>`);
    const walk = new BlockCollector(root);
    expect(walk.step(-Infinity)).toBe(false);
    // Still in the document, so the walk does not start over: it climbs from where it stopped, past its root.
    document.getElementById('elsewhere')!.append(...root.childNodes);
    let slices = 0;
    while (!walk.step(-Infinity)) expect(++slices).toBeLessThan(10);
    expect(walk.blocks.length).toBeGreaterThan(0);
  });

  it('skips a root that is itself skipped; a skipped element splits the text around it', () => {
    document.body.innerHTML = '<div id="r" aria-hidden="true"><p>Christopher Krebs</p></div><p id="s">Krebs <span hidden>CISA</span> said</p>';
    expect(collectBlocks(document.getElementById('r')!)).toEqual([]);
    expect(collectBlocks(document.getElementById('s')!).map((b) => b.text)).toEqual(['Krebs ', ' said']);
  });

  it('leaves out menus and the page’s footer, but not a story’s own footer', () => {
    document.body.innerHTML =
      '<header><nav><a>Trump</a> <a>Congress</a></nav><h1>Christopher Krebs fired</h1></header>' +
      '<div role="navigation"><a>Biden</a></div>' +
      '<article><p>Krebs led CISA.</p><footer>Mark Esper contributed.</footer></article>' +
      '<section><footer>Section note on NASA</footer></section>' +
      '<footer><p>© Dow Jones &amp; Company</p><a>Facebook</a></footer><div role="contentinfo">© CNN</div>';
    expect(collectBlocks(document.body).map((b) => b.text)).toEqual(['Christopher Krebs fired', 'Krebs led CISA.', 'Mark Esper contributed.', 'Section note on NASA']);
    expect(isAnnotatable(document.querySelector('nav a')!.firstChild!)).toBe(false);
    expect(isAnnotatable(document.querySelector('body > footer p')!.firstChild!)).toBe(false);
    expect(isAnnotatable(document.querySelector('article footer')!.firstChild!)).toBe(true);
  });

  it('leaves out share and follow links to a social network, wherever they are; reads the story’s links', () => {
    document.body.innerHTML =
      '<p id="share">Share on: <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet">Twitter</a></p>' +
      '<ul><li><a href="https://www.instagram.com/gloss">Instagram</a></li><li><a href="https://example.com/">Forum</a></li></ul>' +
      '<p id="story">Krebs wrote on <a href="https://twitter.com/CISAKrebs/status/1">Twitter</a> that <a href="https://twitter.com/CISAKrebs">Christopher Krebs</a> was fired.</p>';
    const blocks = collectBlocks(document.body);
    expect(blocks.map((b) => b.text)).toEqual(['Share on: ', 'Forum', 'Krebs wrote on Twitter that Christopher Krebs was fired.']);
    // The story's paragraph, with no skipped link inside, is still read whole; the share row is walked.
    expect(blocks.map((b) => b instanceof ElementBlock)).toEqual([false, true, true]);
    expect(isAnnotatable(document.querySelector('#share a')!.firstChild!)).toBe(false);
    expect(isAnnotatable(document.querySelector('#story a')!.firstChild!)).toBe(true);
  });

  it('tests at most 1,000 links to a social network a walk: a page of thousands reads the rest as text, in no long task', () => {
    document.body.innerHTML = `<ul>${'<li><a href="https://twitter.com/someone">Twitter</a></li>'.repeat(1_100)}</ul><p>Krebs <a href="https://twitter.com/x" hidden>Twitter</a> said</p>`;
    const texts = collectBlocks(document.body).map((b) => b.text);
    expect(texts.filter((t) => t === 'Twitter')).toHaveLength(100);
    // An element hidden is skipped whatever the count.
    expect(texts.slice(-2)).toEqual(['Krebs ', ' said']);
  });

  it('reads a menu or footer that holds the main content: a page wrapped whole in one is not left blank', () => {
    document.body.innerHTML =
      '<nav><a>Home</a><main><p>Christopher Krebs led CISA.</p></main></nav>' +
      '<div role="navigation"><div role="main"><p>Mark Esper left.</p></div></div>' +
      '<nav><article><p>Teaser: Joe Biden</p></article></nav><footer><a>Facebook</a></footer>';
    expect(collectBlocks(document.body).map((b) => b.text)).toEqual(['Home', 'Christopher Krebs led CISA.', 'Mark Esper left.']);
    expect(isAnnotatable(document.querySelector('main p')!.firstChild!)).toBe(true);
  });

  it('reads a paragraph without structure inside whole, and its text nodes only when asked', () => {
    document.body.innerHTML = '<div><p id="a">Christopher <b>Krebs</b> said</p><p id="b">Krebs <code>x</code> said</p>text</div>';
    const [a, ...rest] = collectBlocks(document.body);
    expect(a).toBeInstanceOf(ElementBlock);
    expect((a as ElementBlock).box.id).toBe('a');
    // Read later, after the page changed nothing: the paragraph's own three text nodes.
    expect(a!.nodes.map((n) => n.data)).toEqual(['Christopher ', 'Krebs', ' said']);
    expect(a!.starts).toEqual([0, 12, 17]);
    // Empty text nodes (a page can add millions) are not among its nodes, as the walk leaves them out too.
    const p = document.getElementById('a')!;
    p.insertBefore(document.createTextNode(''), p.firstChild);
    // More than a block walks past before it asks XPath (which happy-dom lacks: it walks on).
    for (let i = 0; i < 100; i++) p.append(document.createTextNode(''));
    expect(collectBlocks(p)[0]!.nodes.map((n) => n.data)).toEqual(['Christopher ', 'Krebs', ' said']);
    // A paragraph with code inside is walked: the code splits it, and nothing is read whole.
    expect(rest.map((b) => [b.text, b instanceof ElementBlock])).toEqual([['Krebs ', false], [' said', false], ['text', false]]);
  });

  it('names the element around a character: a paragraph read whole is its own until its nodes are read, then the inline element', () => {
    document.body.innerHTML = '<p id="a">Christopher <span class="sr-only">Krebs</span> said</p><p id="b">Mark Esper</p><div>Joe <i>Biden</i><div>x</div></div>';
    const [a, b, walked] = collectBlocks(document.body);
    // "Krebs" (12–17): the paragraph itself while its text nodes are unread, which a report does not read for this.
    expect(elementAt(a!, 12)?.id).toBe('a');
    expect((a as ElementBlock).nodesRead).toBe(false);
    void a!.nodes;
    expect(elementAt(a!, 12)?.className).toBe('sr-only');
    expect(elementAt(a!, 0)?.id).toBe('a');
    // No element inside: the paragraph, its nodes still unread.
    expect(elementAt(b!, 5)?.id).toBe('b');
    expect((b as ElementBlock).nodesRead).toBe(false);
    // A walked block knows its nodes: "Biden" is in the <i>.
    expect(walked).not.toBeInstanceOf(ElementBlock);
    expect(elementAt(walked!, 4)?.localName).toBe('i');
  });

  it('walks a block element holding more than 20,000 characters instead of reading it whole', () => {
    document.body.innerHTML = `<p>Krebs ${'said '.repeat(5000)}</p>`;
    const [block] = collectBlocks(document.body);
    expect(block).not.toBeInstanceOf(ElementBlock);
    expect(block!.text.startsWith('Krebs said')).toBe(true);
  });

  it('reads open shadow roots (nested too) when asked, after the document; not closed ones, nor under a skipped host', () => {
    document.body.innerHTML = '<p>Joe Biden</p><news-story id="open"><span>slotted byline</span></news-story><sealed-box id="closed"></sealed-box><div hidden><x-box id="under-hidden"></x-box></div><p>Mark Esper</p>';
    const story = document.getElementById('open')!.attachShadow({ mode: 'open' });
    story.innerHTML = '<p>Christopher Krebs</p><x-quote></x-quote><p aria-hidden="true">hidden quote</p>';
    story.querySelector('x-quote')!.attachShadow({ mode: 'open' }).innerHTML = '<blockquote>Microsoft agreed</blockquote>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Nancy Pelosi</p>';
    document.getElementById('under-hidden')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Hidden Name</p>';
    expect(collectBlocks(document.body).map((b) => b.text)).toEqual(['Joe Biden', 'slotted byline', 'Mark Esper']);
    const collector = new BlockCollector(document.body, true).walkAll();
    expect(collector.blocks.map((b) => b.text)).toEqual(['Joe Biden', 'slotted byline', 'Mark Esper', 'Christopher Krebs', 'Microsoft agreed']);
    expect(collector.shadowRoots).toHaveLength(2);
    // A change inside a shadow root is read from that root.
    expect(collectBlocks(story, true).map((b) => b.text)).toEqual(['Christopher Krebs', 'Microsoft agreed']);
    expect(isAnnotatable(story.querySelector('p')!)).toBe(true);
    expect(isAnnotatable(story.querySelector('p[aria-hidden]')!)).toBe(false);
    const underHidden = document.getElementById('under-hidden')!.shadowRoot!;
    expect(isAnnotatable(underHidden.querySelector('p')!)).toBe(false);
  });

  it('walks a block holding a custom element instead of reading it whole, and notes custom elements that have no root yet', () => {
    document.body.innerHTML = '<p>Quoted by <name-chip id="chip"></name-chip> today.</p><p>Joe Biden <later-card id="later">soon</later-card></p><p>Mark <b>Esper</b></p>';
    document.getElementById('chip')!.attachShadow({ mode: 'open' }).innerHTML = '<b>Elon Musk</b>';
    const collector = new BlockCollector(document.body, true).walkAll();
    expect(collector.blocks.map((b) => [b.text, b instanceof ElementBlock])).toEqual([
      ['Quoted by ', false], [' today.', false], ['Joe Biden soon', false], ['Mark Esper', true], ['Elon Musk', false],
    ]);
    expect(collector.hostsWithoutRoot.map((el) => el.id)).toEqual(['later']);
    // Where shadow roots are not read (Firefox), paragraphs are read whole as before.
    expect(collectBlocks(document.body).map((b) => [b.text, b instanceof ElementBlock])).toEqual([
      ['Quoted by  today.', true], ['Joe Biden soon', true], ['Mark Esper', true],
    ]);
  });

  it('does not search a page of more than 20,000 elements for custom elements (the search alone would be a long task)', () => {
    document.body.innerHTML = `<p>Joe Biden <x-chip id="chip">soon</x-chip></p>${'<i></i>'.repeat(20_000)}`;
    const collector = new BlockCollector(document.documentElement, true).walkAll();
    expect(collector.blocks[0]).toBeInstanceOf(ElementBlock);
    expect(collector.hostsWithoutRoot).toEqual([]);
    document.querySelectorAll('i').forEach((i) => i.remove());
    const small = new BlockCollector(document.documentElement, true).walkAll();
    expect(small.blocks[0]).not.toBeInstanceOf(ElementBlock);
    expect(small.hostsWithoutRoot.map((el) => el.id)).toEqual(['chip']);
    // 20,000 elements in happy-dom take seconds on a busy two-core machine: not what this test is about.
  }, 30_000);

  it('walks shadow roots nested thousands deep without recursion, in slices', () => {
    document.body.innerHTML = '<div id="host"></div>';
    let host = document.getElementById('host')!;
    const hosts = [host];
    for (let i = 0; i < 3000; i++) {
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = `<p>Level ${i}</p><div></div>`;
      host = root.lastElementChild as HTMLElement;
      hosts.push(host);
    }
    const collector = new BlockCollector(document.body, true);
    let slices = 0;
    while (!collector.step(-Infinity)) slices++;
    expect(slices).toBeGreaterThan(2);
    expect(collector.blocks).toHaveLength(3000);
    expect(collector.blocks[2999]!.text).toBe('Level 2999');
    // Taken down from the innermost: happy-dom recurses through the levels when a whole tree leaves the
    // document, and the next test's `innerHTML` overflowed its stack now and then.
    for (const h of hosts.reverse()) h.remove();
  });

  it('walks on past empty shadow roots, whichever of them a slice ends at', () => {
    document.body.innerHTML = '<p>First</p>';
    for (let i = 0; i < 1500; i++) document.body.append(document.createElement('x-empty'));
    for (const el of document.querySelectorAll('x-empty')) el.attachShadow({ mode: 'open' });
    const last = document.createElement('x-story');
    document.body.append(last);
    last.attachShadow({ mode: 'open' }).innerHTML = '<p>Joe Biden</p>';
    const collector = new BlockCollector(document.body, true);
    while (!collector.step(-Infinity));
    expect(collector.blocks.map((b) => b.text)).toEqual(['First', 'Joe Biden']);
  });
});

describe('words the page shows apart', () => {
  const texts = (root: Node) => collectBlocks(root).map((b) => b.text.trim());
  const STYLE = '<style>.blk { display: block } .cap { float: left } .item { display: grid }</style>';

  it.each([
    ['a kicker and a headline, spans laid out as blocks in a link', '<a href="#"><span class="blk">Politics</span><span class="blk">Nancy Pelosi says the House will vote</span></a>', ['Politics', 'Nancy Pelosi says the House will vote']],
    ['items of a grid or flex row (CSS blockifies them)', '<div><span class="item">Barack Obama</span><span class="item">Hillary Clinton</span></div>', ['Barack Obama', 'Hillary Clinton']],
    ['a name before a footnote mark', '<p>Tim Cook<sup>1</sup> said so.</p>', ['Tim Cook', '1 said so.']],
    ['names on either side of an image', '<p>Jeff Bezos<img src="" alt="">Elon Musk</p>', ['Jeff Bezos', 'Elon Musk']],
    ['a ruby annotation over a name', '<p><ruby>Nancy Pelosi<rt>Speaker</rt></ruby> spoke.</p>', ['Nancy Pelosi', 'Speaker spoke.']],
    ['a box of its own inside a walked block', '<div>Politics<code>c</code>Today<span class="blk">Nancy Pelosi</span></div>', ['Politics', 'Today', 'Nancy Pelosi']],
    ['a box nested in inline elements, entered and left', '<p><b>Barack <i>Obama</i></b><em><span class="blk"><i>Hillary</i> Clinton</span></em>and more</p>', ['Barack Obama', 'Hillary Clinton', 'and more']],
  ])('reads %s as separate words', (_, html, expected) => {
    document.body.innerHTML = STYLE + html;
    expect(texts(document.body)).toEqual(expected);
  });

  it.each([
    ['a name split across inline elements', '<p>Chris<span>topher</span> <b>Krebs</b>’s team</p>', ['Christopher Krebs’s team']],
    ['a drop cap, floated beside the first word', '<p><span class="cap">T</span>rump fired Christopher Krebs.</p>', ['Trump fired Christopher Krebs.']],
    ['a capital inside a word, across a link', '<p>Senator Mc<a href="#">Cain</a> and i<b>Phone</b> users</p>', ['Senator McCain and iPhone users']],
    ['inline boxes (inline-block), as innerText reads them', '<p><span style="display: inline-block">Nancy</span><span style="display: inline-block">Pelosi</span></p>', ['NancyPelosi']],
    ['a word break opportunity', '<p>Schwarzen<wbr>egger</p>', ['Schwarzenegger']],
    // Only separators are asked where a digit meets a word: boxes of figures are tables, not names.
    ['a figure in a box of its own beside a word', '<div><span class="blk">Mumbai</span><span class="blk">3029</span><code>x</code></div>', ['Mumbai3029']],
  ])('keeps %s as one', (_, html, expected) => {
    document.body.innerHTML = STYLE + html;
    expect(texts(document.body)).toEqual(expected);
  });

  it('maps offsets to the page’s own text nodes in each piece', () => {
    document.body.innerHTML = STYLE + '<a href="#"><span class="blk">Politics</span><span class="blk">Nancy <b>Pelosi</b> says</span></a>';
    const [kicker, headline] = collectBlocks(document.body);
    expect(kicker!.nodes).toEqual([document.querySelector('span')!.firstChild]);
    expect(headline!.starts).toEqual([0, 6, 12]);
    const range = rangeFor(headline!, 0, 'Nancy Pelosi'.length);
    expect([range.toString(), range.startContainer.parentElement!.className, range.endContainer.parentElement!.localName]).toEqual(['Nancy Pelosi', 'blk', 'b']);
  });

  it('asks no element its style unless two words meet across it, and reads prose whole', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i}: <a href="#">Christopher Krebs</a> said <em>so</em>, and <b>Joe Biden</b> agreed.</p>`).join('');
    document.body.innerHTML = `<article>${paragraphs}<p>Chris<span>topher</span> Krebs</p></article>`;
    const styled = vi.spyOn(window, 'getComputedStyle');
    try {
      const blocks = collectBlocks(document.body);
      expect(blocks).toHaveLength(201);
      expect(blocks.filter((b) => b instanceof ElementBlock)).toHaveLength(201);
      // The one join of two word characters, inside a block read whole: not looked at.
      expect(styled).not.toHaveBeenCalled();
      // Walked (a block holding a skipped element), the join asks the one element it crosses.
      document.body.innerHTML = '<p>Chris<span>topher</span> Krebs <code>x</code></p>';
      expect(texts(document.body)).toEqual(['Christopher Krebs']);
      expect(styled).toHaveBeenCalledTimes(1);
    } finally {
      styled.mockRestore();
    }
  });
});
