/**
 * Which blocks a change touched (`insideAny`, in the annotator's partial pass): the same answer as
 * `contains` on each root, whether it asks `contains` (few roots) or climbs and remembers (many).
 * @vitest-environment happy-dom
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insideAny } from '../../content-scripts/inside-roots';

/** A random tree of `size` elements and text nodes under a fresh div, with a shadow root on some. */
function tree(parents: number[], shadows: boolean[]): Node[] {
  const top = document.createElement('div');
  document.body.replaceChildren(top);
  const nodes: Node[] = [top];
  parents.forEach((p, i) => {
    const parent = nodes[p % nodes.length]!;
    if (parent.nodeType !== Node.ELEMENT_NODE && parent.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    const host = parent as Element | ShadowRoot;
    if (shadows[i] && host.nodeType === Node.ELEMENT_NODE && !(host as Element).shadowRoot) {
      nodes.push((host as Element).attachShadow({ mode: 'open' }));
      return;
    }
    const child = i % 3 === 0 ? document.createTextNode(`t${i}`) : document.createElement('p');
    host.appendChild(child);
    nodes.push(child);
  });
  return nodes;
}

describe('insideAny', () => {
  it('answers as contains() on each root, for few roots and for many, light and shadow trees', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(200), { minLength: 1, maxLength: 120 }),
        fc.array(fc.boolean(), { maxLength: 120 }),
        fc.array(fc.nat(200), { maxLength: 20 }),
        (parents, shadows, picks) => {
          const nodes = tree(parents, shadows.map((s, i) => s && i % 7 === 0));
          const roots = picks.map((k) => nodes[k % nodes.length]!).filter((n): n is Element | ShadowRoot => n.nodeType !== Node.TEXT_NODE);
          const inside = insideAny(roots);
          // Asked in the page's order and again in reverse: what it remembers must not change an answer.
          for (const node of [...nodes, ...[...nodes].reverse()]) expect(inside(node)).toBe(roots.some((r) => r.contains(node)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
