/**
 * Roots in the page: which nodes a partial pass's roots hold (`Annotator.update`), and which nodes
 * are shadow roots. Pure DOM, no browser API.
 */

/**
 * Whether a node is inside one of `roots`. Asked for every block of the page: with many roots, by
 * climbing from the node and remembering the answer for each node passed, so that the blocks' shared
 * ancestors are climbed once (a page read whole, 10,150 blocks, 150 roots: 1.5 million `contains`
 * calls, ~15 ms, before).
 */
export function insideAny(roots: readonly (Element | ShadowRoot)[]): (node: Node) => boolean {
  if (roots.length <= 8) return (node) => roots.some((r) => r.contains(node));
  const known = new Map<Node, boolean>(roots.map((r) => [r, true]));
  const passed: Node[] = [];
  return (node) => {
    let inside = false;
    for (let up: Node | null = node; up; up = up.parentNode) {
      const answer = known.get(up);
      if (answer !== undefined) {
        inside = answer;
        break;
      }
      passed.push(up);
    }
    for (const n of passed) known.set(n, inside);
    passed.length = 0;
    return inside;
  };
}

/** Whether a node is a shadow root (a document fragment with a host), in any world or frame. */
export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (node as Partial<ShadowRoot>).host != null;
}
