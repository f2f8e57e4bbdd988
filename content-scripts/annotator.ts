/**
 * One annotation pass over a document: collect text → find and link mentions (the pure core) →
 * map to ranges → paint. Keeps the page's mentions for hit-testing, the card and the popup.
 */
import { categoryAt } from '../src/knowledge/compile-index';
import type { Category } from '../src/knowledge/schema';
import { findCandidates } from '../src/match/find-candidates';
import { linkMentions, type Mention } from '../src/match/link-mentions';
import type { EntityCount } from '../src/protocol';
import type { Settings } from '../src/settings';
import { collectBlocks, type TextBlock } from './collect-text';
import type { LoadedIndex } from './knowledge-index';
import type { HighlightPainter } from './paint-highlights';
import { rangeFor } from './text-ranges';

export interface PageMention extends Mention {
  id: string;
  name: string;
  category: Category;
  range: Range;
  /** Ordinal among this entity's mentions on the page. */
  nth: number;
  /** Painted under the current density and category settings. */
  shown: boolean;
}

export class Annotator {
  mentions: PageMention[] = [];
  #blocks: TextBlock[] = [];
  /** Text node → its block and the mentions touching it, for hit-testing. */
  #byNode = new Map<Text, PageMention[]>();

  constructor(
    private readonly doc: Document,
    private readonly painter: HighlightPainter,
    public loaded: LoadedIndex,
    public corrections: Map<string, string | null> = new Map(),
  ) {}

  /** Finds every mention in the document and paints those the settings show. */
  run(settings: Settings): void {
    performance.mark('gloss:annotate-start');
    const { index, trie } = this.loaded;
    this.#blocks = collectBlocks(this.doc);
    const linked = linkMentions(
      this.#blocks.map((b) => ({ text: b.text, matches: findCandidates(b.text, index, trie) })),
      index,
      { corrections: this.corrections },
    );
    const counts = new Map<number, number>();
    this.mentions = linked.map((m) => {
      const nth = counts.get(m.entity) ?? 0;
      counts.set(m.entity, nth + 1);
      return {
        ...m,
        id: index.ids[m.entity]!,
        name: index.names[m.entity]!,
        category: categoryAt(index, m.entity),
        range: rangeFor(this.#blocks[m.block]!, m.start, m.end, this.doc),
        nth,
        shown: true,
      };
    });
    this.#byNode.clear();
    for (const m of this.mentions) {
      const block = this.#blocks[m.block]!;
      for (let i = 0; i < block.nodes.length; i++) {
        const nodeStart = block.starts[i]!;
        const nodeEnd = nodeStart + block.nodes[i]!.data.length;
        if (nodeEnd <= m.start || nodeStart >= m.end) continue;
        const list = this.#byNode.get(block.nodes[i]!);
        if (list) list.push(m);
        else this.#byNode.set(block.nodes[i]!, [m]);
      }
    }
    this.applySettings(settings);
    performance.measure('gloss:annotate', {
      start: 'gloss:annotate-start',
      detail: { mentions: this.mentions.length, nodes: this.#blocks.reduce((n, b) => n + b.nodes.length, 0) },
    });
  }

  /** Repaints for new category, density or style settings without matching again. */
  applySettings(settings: Settings): void {
    this.painter.setStyle(settings.highlightStyle);
    const firstSeen = new Set<string>();
    const byCategory = new Map<Category, Range[]>();
    for (const m of this.mentions) {
      const sectionKey = `${m.id}\u0000${this.#blocks[m.block]!.section}`;
      const first = !firstSeen.has(sectionKey);
      firstSeen.add(sectionKey);
      m.shown = settings.categories[m.category] && (settings.density === 'all' || first);
      if (!m.shown) continue;
      const list = byCategory.get(m.category);
      if (list) list.push(m.range);
      else byCategory.set(m.category, [m.range]);
    }
    this.painter.paint(byCategory);
  }

  /** The shown mention under a viewport point, if any. */
  mentionAt(x: number, y: number): PageMention | undefined {
    const caret = caretAt(this.doc, x, y);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
    const candidates = this.#byNode.get(caret.node as Text);
    if (!candidates) return undefined;
    for (const m of candidates) {
      if (!m.shown) continue;
      // The caret snaps to the nearest character even past a line's end: confirm with the boxes.
      for (const rect of m.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
      }
    }
    return undefined;
  }

  /** Entities with their mention counts, for the worker and the popup. */
  entityCounts(): EntityCount[] {
    const byId = new Map<string, EntityCount>();
    for (const m of this.mentions) {
      const seen = byId.get(m.id);
      if (seen) seen.count++;
      else byId.set(m.id, { id: m.id, name: m.name, category: m.category, count: 1 });
    }
    return [...byId.values()];
  }

  clear(): void {
    this.mentions = [];
    this.#byNode.clear();
    this.painter.paint(new Map());
  }
}

/**
 * `caretPositionFromPoint` is standard (Firefox, Chrome ≥ 128); `caretRangeFromPoint` is the older
 * WebKit/Chromium API, kept for older Chromium builds.
 */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  const range = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}
