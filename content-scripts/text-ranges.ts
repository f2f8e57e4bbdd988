/** Maps offsets in a collected block back to DOM ranges over the page's own text nodes. */
import { ElementBlock, type TextBlock } from './collect-text';

/**
 * The index of the node holding `offset` among a block's node `starts` (a binary search: a paragraph
 * that wraps each word in an element holds thousands); at a node boundary, `preferEnd` picks the node
 * that ends there.
 */
export function nodeIndexAt(starts: readonly number[], offset: number, preferEnd = false): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The node holding `offset`; at a node boundary, `preferEnd` picks the node that ends there. */
export function locate(block: TextBlock, offset: number, preferEnd: boolean): { node: Text; offset: number } {
  const { starts, nodes } = block;
  const at = nodeIndexAt(starts, offset, preferEnd);
  const node = nodes[at]!;
  return { node, offset: Math.min(Math.max(0, offset - starts[at]!), node.data.length) };
}

/**
 * The element around the block's character at `offset` where the block's text nodes are known: always
 * for a walked block, and for one read whole once a range was made in it (every painted name of a page
 * with up to SCANNED_UP_TO of them). Else the block's own box: reading a block's nodes for this alone
 * would cost a huge page a wrapper for each node in the isolated world (10 ms for 1,000 blocks here).
 */
export function elementAt(block: TextBlock, offset: number): Element | null {
  if ((block instanceof ElementBlock && !block.nodesRead) || block.nodes.length === 0) return block.box;
  return locate(block, offset, false).node.parentElement ?? block.box;
}

let made = 0;

/** How many ranges this document's script has made (`gloss:annotate`'s detail: the tests check a huge page makes few). */
export function rangesMade(): number {
  return made;
}

export function rangeFor(block: TextBlock, start: number, end: number, doc: Document = document): Range {
  made++;
  const range = doc.createRange();
  // Text read whole whose nodes have since gone (the page's next update drops the block): nothing to cover.
  if (block.nodes.length === 0) return range;
  const a = locate(block, start, false);
  const b = locate(block, end, true);
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
