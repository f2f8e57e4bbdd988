/**
 * Property-based tests: the matcher and the offset-to-range mapping on random Unicode text and
 * random DOM trees never throw, and every range stays inside its text nodes.
 * @vitest-environment happy-dom
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../content-scripts/collect-text';
import { rangeFor } from '../../content-scripts/text-ranges';
import { compileIndex } from '../../src/knowledge/compile-index';
import { buildAliasTrie } from '../../src/match/alias-trie';
import { findCandidates } from '../../src/match/find-candidates';
import { linkMentions } from '../../src/match/link-mentions';
import { tokenize } from '../../src/match/tokenize';
import { entity } from './support/test-index';

const index = compileIndex([
  entity('person:christopher-krebs', 'person', 'Christopher Krebs', [{ text: 'Christopher Krebs', kind: 'name' }, { text: 'Krebs', kind: 'surname' }]),
  entity('agency:cisa', 'agency', 'CISA', [{ text: 'CISA', kind: 'acronym' }, { text: 'Cybersecurity and Infrastructure Security Agency', kind: 'name' }]),
  entity('person:donald-trump', 'person', 'Donald Trump', [{ text: 'Donald J. Trump', kind: 'name' }, { text: 'Trump', kind: 'surname', standalone: true }]),
  entity('company:att', 'company', 'AT&T', [{ text: 'AT&T', kind: 'name' }]),
]);
const trie = buildAliasTrie(index);

// Text mixing real names, typographic variants and arbitrary Unicode (astral, combining, RTL, controls).
const piece = fc.oneof(
  fc.constantFrom('Christopher Krebs', 'Krebs', 'CISA', 'Trump’s', 'Donald J. Trump', 'AT&T', '\u00ad', '\u200b', '\u00a0', ' ', '.', '’s', '\n', 'Ω', '🦊', 'e\u0301', 'עברית'),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('matcher on random text', () => {
  it('never throws, and every mention lies inside its block on token boundaries', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (blocks) => {
        const linked = linkMentions(blocks.map((t) => ({ text: t, matches: findCandidates(t, index, trie) })), index);
        for (const m of linked) {
          const block = blocks[m.block]!;
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(block.length);
          expect(m.end).toBeGreaterThan(m.start);
          const starts = new Set(tokenize(block).map((t) => t.start));
          expect(starts.has(m.start)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('tokens tile the text in order without overlap', () => {
    fc.assert(
      fc.property(text, (t) => {
        let last = 0;
        for (const token of tokenize(t)) {
          expect(token.start).toBeGreaterThanOrEqual(last);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.end).toBeLessThanOrEqual(t.length);
          last = token.end;
        }
      }),
      { numRuns: 400 },
    );
  });
});

// Random DOM trees: inline and block elements, skipped regions, text with names split anywhere.
type Tree = { tag: string; children: (Tree | string)[] };
const leaf = fc.oneof(text, fc.constantFrom('Christopher ', 'Krebs', 'CI', 'SA', ' said', 'Trump'));
const tree: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  node: fc.record({
    tag: fc.constantFrom('p', 'span', 'b', 'a', 'div', 'li', 'code', 'br', 'h2', 'em', 'textarea'),
    children: fc.array(fc.oneof({ depthSize: 'small' }, leaf, tie('node') as fc.Arbitrary<Tree>), { maxLength: 5 }),
  }),
})).node as fc.Arbitrary<Tree>;

function build(t: Tree, parent: Node): void {
  const el = document.createElement(t.tag);
  parent.appendChild(el);
  if (t.tag === 'br') return;
  for (const c of t.children) typeof c === 'string' ? el.appendChild(document.createTextNode(c)) : build(c, el);
}

describe('text collection and ranges on random DOM trees', () => {
  it('never throws; every range starts and ends inside the text nodes of its block', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (trees) => {
        document.body.replaceChildren();
        for (const t of trees) build(t, document.body);
        const blocks = collectBlocks(document);
        for (const block of blocks) {
          expect(block.nodes.map((n) => n.data).join('')).toBe(block.text);
          for (const c of findCandidates(block.text, index, trie).candidates) {
            const range = rangeFor(block, c.start, c.end);
            expect(block.nodes).toContain(range.startContainer);
            expect(block.nodes).toContain(range.endContainer);
            expect(range.startOffset).toBeLessThanOrEqual((range.startContainer as Text).data.length);
            expect(range.endOffset).toBeLessThanOrEqual((range.endContainer as Text).data.length);
            expect(range.toString().replace(/[\u00ad\u200b]/g, '')).toBe(block.text.slice(c.start, c.end).replace(/[\u00ad\u200b]/g, ''));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
