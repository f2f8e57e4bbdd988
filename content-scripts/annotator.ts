/**
 * Annotation of one document: collect text → find and link mentions (the pure core) → map to
 * ranges → paint. A full pass runs once; later changes re-read only the blocks that changed and
 * re-link with the whole page in view (coreference is page-wide), reusing every other block's
 * matches and ranges. Keeps the page's mentions for hit-testing, the card and the popup.
 */
import { categoryAt } from '../src/knowledge/compile-index';
import type { Category } from '../src/knowledge/schema';
import { findCandidates, type BlockMatches } from '../src/match/find-candidates';
import { linkMentionsInSteps, type Mention } from '../src/match/link-mentions';
import type { EntityCount } from '../src/protocol';
import type { Settings } from '../src/settings';
import { BlockCollector, collectBlocks, isAnnotatable, isBlockElement, type TextBlock } from './collect-text';
import type { LoadedIndex } from './knowledge-index';
import { WINDOWED_ABOVE, type HighlightPainter } from './paint-highlights';
import { rangeFor, rangesMade } from './text-ranges';

export interface PageMention extends Mention {
  id: string;
  name: string;
  category: Category;
  range: Range;
  /** Painted under the current density and category settings. */
  shown: boolean;
}

interface BlockState {
  block: TextBlock;
  matches: BlockMatches;
  /** Ranges made for this block's mentions, by "start:end", reused across passes (made with the first). */
  ranges: Map<string, Range> | undefined;
}

/**
 * A page mention whose DOM range is made when first read, and reused from an earlier pass while its
 * block is unchanged. Only painted names near the viewport, the one under the pointer and the one
 * stepped to need a range: a huge page painted windowed makes a few hundred of its 10,000, and every
 * live range is one more the browser updates on each edit of the page's DOM.
 */
class LinkedMention implements PageMention {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly entity: number;
  readonly key: string;
  readonly reason: Mention['reason'];
  readonly alternatives: number[];
  shown = true;
  #range: Range | undefined;

  constructor(
    m: Mention,
    readonly id: string,
    readonly name: string,
    readonly category: Category,
    private readonly state: BlockState,
    private readonly doc: Document,
  ) {
    ({ block: this.block, start: this.start, end: this.end, entity: this.entity, key: this.key, reason: this.reason, alternatives: this.alternatives } = m);
  }

  get range(): Range {
    if (this.#range) return this.#range;
    const key = `${this.start}:${this.end}`;
    const { state } = this;
    let range = state.ranges?.get(key);
    if (!range) {
      range = rangeFor(state.block, this.start, this.end, this.doc);
      (state.ranges ??= new Map()).set(key, range);
    }
    return (this.#range = range);
  }
}

/** Above this many changed roots, one full pass is cheaper than many partial ones. */
const MAX_PARTIAL_ROOTS = 200;

export class Annotator {
  mentions: PageMention[] = [];
  #states: BlockState[] = [];
  /** Text node → the mentions touching it, for hit-testing. */
  #byNode = new Map<Text, PageMention[]>();

  constructor(
    private readonly doc: Document,
    private readonly painter: HighlightPainter,
    public loaded: LoadedIndex,
    public corrections: Map<string, string | null> = new Map(),
  ) {}

  #run = 0;
  #running = false;
  #changedDuringRun = false;
  /** While an update runs in slices: the nodes changed since, re-read when it ends. */
  #pending: Node[] | undefined;

  /**
   * Finds every mention in the document and paints those the settings show. No task runs much
   * longer than SLICE_MS: the walk, the matching (on a page of more than CHUNK_BLOCKS blocks, the
   * viewport's blocks first, linked and painted at once, then the rest in slices) and the page-wide
   * linking and range-making each continue in a new task when their slice is used up. When the walk
   * itself takes more than a slice, the viewport's blocks are painted as soon as it has passed them.
   * A small page is done in one slice, synchronously. `done` runs when the page is complete.
   */
  run(settings: Settings, done?: () => void): void {
    performance.mark('gloss:annotate-start');
    const run = ++this.#run;
    const alive = () => run === this.#run;
    this.#running = true;
    this.#pending = undefined;
    const finish = () => {
      this.#running = false;
      if (this.#changedDuringRun) {
        this.#changedDuringRun = false;
        this.run(settings, done);
      } else done?.();
    };
    const collector = new BlockCollector(this.doc);
    const collectStart = performance.now();
    const viewportHeight = this.doc.defaultView?.innerHeight ?? 1000;
    // A walk longer than one slice: the blocks on screen are noted as it passes them, and once it is past
    // the viewport's bottom edge they are matched, linked and painted in a task of their own while the
    // walk goes on. On a 20k-node page the reader sees names after the first slice, not the whole walk.
    const onScreen = new OnScreenBlocks(viewportHeight);
    let early: Map<TextBlock, BlockState> | undefined;
    inSlices(alive, (deadline) => {
      if (collector.step(deadline)) return true;
      if (!early && onScreen.scan(collector.blocks)) {
        const seen = onScreen.blocks.slice(0, CHUNK_BLOCKS);
        const states = (early = new Map());
        nextTask(() => {
          if (!alive()) return;
          this.#states = seen.map((block) => {
            const state = this.#match(block);
            states.set(block, state);
            return state;
          });
          this.#relink(settings, seen.length, 'viewport');
        });
      }
      return false;
    }, () => {
      performance.measure('gloss:collect', { start: collectStart });
      const blocks = collector.blocks;
      // Blocks the early pass matched are not matched again (unless the walk started over: new blocks).
      const match = (block: TextBlock) => early?.get(block) ?? this.#match(block);
      if (blocks.length <= CHUNK_BLOCKS) {
        this.#states = timed('gloss:match', () => blocks.map(match));
        this.#relink(settings, blocks.length, 'final', { alive, then: finish });
        return;
      }
      // A large page: the viewport's blocks first (unless the walk did them), each phase in a task of its own.
      let order: number[] = [];
      let visible = 0;
      const matched: (BlockState | undefined)[] = new Array<BlockState | undefined>(blocks.length);
      let next = 0;
      const orderBlocks = () => {
        if (!alive()) return;
        if (early) order = blocks.map((_, i) => i);
        else ({ order, visible } = timed('gloss:viewport-order', () => viewportFirst(blocks, viewportHeight)));
        nextTask(step);
      };
      const step = () => {
        if (!alive()) return;
        const inView = Math.min(visible, CHUNK_BLOCKS);
        if (next === 0 && inView > 0 && inView < order.length) {
          // The viewport's blocks alone, matched, linked and painted at once: the reader sees names
          // there first, in a task sized by what is on screen, not by a fixed count of blocks.
          for (; next < inView; next++) matched[order[next]!] = this.#match(blocks[order[next]!]!);
          this.#states = matched.filter((m): m is BlockState => m !== undefined);
          this.#relink(settings, next, 'viewport');
          nextTask(step);
          return;
        }
        // The rest only match, a slice per task (input and rendering run in between); the page is
        // linked as a whole at the end, as coreference needs every block, in a task of its own: after a
        // full slice of matching it would make one long task.
        inSlices(alive, (deadline) => {
          while (next < order.length) {
            matched[order[next]!] = match(blocks[order[next]!]!);
            next++;
            if ((next & 15) === 0 && performance.now() > deadline) return false;
          }
          return true;
        }, () => nextTask(() => {
          if (!alive()) return;
          this.#states = matched.filter((m): m is BlockState => m !== undefined);
          this.#relink(settings, blocks.length, 'final', { alive, then: finish });
        }));
      };
      nextTask(orderBlocks);
    });
  }

  /**
   * Re-reads only the blocks around `changed` nodes (added, removed or edited text), then re-links
   * the page, in slices like a full pass when it is large; `done` runs when the page is complete.
   */
  update(changed: Iterable<Node>, settings: Settings, done?: () => void): void {
    if (this.#running) {
      // During an update, later changes are re-read when it ends; during a full pass, one more pass follows.
      if (this.#pending) for (const node of changed) this.#pending.push(node);
      else this.#changedDuringRun = true;
      return;
    }
    const roots = blockRoots(changed);
    if (roots.length > MAX_PARTIAL_ROOTS) return this.run(settings, done);
    performance.mark('gloss:annotate-start');
    const inRoot = (node: Node) => roots.some((r) => r.contains(node));
    // Drop blocks that changed or left the document; keep every other block's matches and ranges.
    const kept = this.#states.filter((s) => s.block.nodes.every((n) => n.isConnected) && !inRoot(s.block.nodes[0]!));
    const fresh: BlockState[] = [];
    for (const root of roots) {
      if (!isAnnotatable(root)) continue;
      for (const block of collectBlocks(root)) fresh.push(this.#match(block));
    }
    this.#states = mergeInDocumentOrder(kept, fresh);
    const run = ++this.#run;
    this.#running = true;
    this.#pending = [];
    this.#relink(settings, fresh.length, 'final', {
      alive: () => run === this.#run,
      then: () => {
        this.#running = false;
        const pending = this.#pending ?? [];
        this.#pending = undefined;
        if (pending.length > 0) this.update(pending, settings, done);
        else done?.();
      },
    });
  }

  #match(block: TextBlock): BlockState {
    return { block, matches: findCandidates(block.text, this.loaded.index, this.loaded.trie), ranges: undefined };
  }

  /**
   * Links the page's matches and maps mentions to ranges, then paints. `reread`: how many blocks
   * this pass collected and matched anew (the rest were reused). `stage`: the end of a pass records
   * `gloss:annotate`; the first chunk of a large page `gloss:annotate-viewport`. With `sliced`, the
   * work continues over as many tasks as it needs (the old mentions stay in place until it is done);
   * without, it is done at once.
   */
  #relink(settings: Settings, reread: number, stage: 'final' | 'viewport', sliced?: { alive: () => boolean; then: () => void }): void {
    const { index } = this.loaded;
    const states = this.#states;
    const steps = linkMentionsInSteps(states.map((s) => ({ text: s.block.text, matches: s.matches })), index, { corrections: this.corrections });
    const linkStart = performance.now();
    let linked: Mention[] | undefined;
    let rangesStart = 0;
    const mentions: PageMention[] = [];
    const byNode = new Map<Text, PageMention[]>();
    const work = (deadline: number): boolean => {
      while (!linked) {
        const next = steps.next();
        if (next.done) {
          linked = next.value;
          performance.measure('gloss:link', { start: linkStart });
          rangesStart = performance.now();
        } else if (performance.now() > deadline) return false;
      }
      // A page the painter paints whole gets its ranges here, in slices, not in the one task that paints;
      // on a larger one, painted a window at a time, each range is made when first needed.
      const eager = linked.length <= WINDOWED_ABOVE;
      for (let k = mentions.length; k < linked.length; k++) {
        // Every 16: the first ranges in a tab cost far more than later ones.
        if ((k & 15) === 0 && performance.now() > deadline) return false;
        const mention = this.#pageMention(linked[k]!, states, byNode);
        if (eager) void mention.range;
        mentions.push(mention);
      }
      return true;
    };
    const finish = () => {
      performance.measure('gloss:ranges', { start: rangesStart });
      this.mentions = mentions;
      this.#byNode = byNode;
      timed('gloss:paint', () => this.applySettings(settings));
      performance.measure(stage === 'final' ? 'gloss:annotate' : 'gloss:annotate-viewport', {
        start: 'gloss:annotate-start',
        detail: { mentions: mentions.length, nodes: states.reduce((n, s) => n + s.block.nodes.length, 0), blocks: states.length, reread, ranges: rangesMade() },
      });
      sliced?.then();
    };
    // Painting is a task of its own when linking took several: the last slice is then not made longer.
    if (sliced) {
      let slices = 0;
      inSlices(sliced.alive, (deadline) => (slices++, work(deadline)), () => (slices > 1 ? nextTask(() => sliced.alive() && finish()) : finish()));
    } else {
      work(Infinity);
      finish();
    }
  }

  /** A linked mention (its range made when first read), indexed by text node for hit-testing. */
  #pageMention(m: Mention, states: readonly BlockState[], byNode: Map<Text, PageMention[]>): PageMention {
    const { index } = this.loaded;
    const state = states[m.block]!;
    const mention = new LinkedMention(m, index.ids.at(m.entity)!, index.names.at(m.entity)!, categoryAt(index, m.entity), state, this.doc);
    const { block } = state;
    for (let i = 0; i < block.nodes.length; i++) {
      const nodeStart = block.starts[i]!;
      const nodeEnd = i + 1 < block.nodes.length ? block.starts[i + 1]! : block.text.length;
      if (nodeEnd <= m.start || nodeStart >= m.end) continue;
      const list = byNode.get(block.nodes[i]!);
      if (list) list.push(mention);
      else byNode.set(block.nodes[i]!, [mention]);
    }
    return mention;
  }

  /** Repaints for new category, density or style settings without matching again. */
  applySettings(settings: Settings): void {
    this.painter.setStyle(settings.highlightStyle);
    const firstSeen = new Set<string>();
    const shown: PageMention[] = [];
    for (const m of this.mentions) {
      let first = true;
      if (settings.density !== 'all') {
        const sectionKey = `${m.id}\u0000${this.#states[m.block]!.block.section}`;
        first = !firstSeen.has(sectionKey);
        firstSeen.add(sectionKey);
      }
      m.shown = settings.categories[m.category] && first;
      if (m.shown) shown.push(m);
    }
    this.painter.paint(shown);
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
    // A pass still running in slices stops here: nothing it would paint may come back.
    this.#run++;
    this.#running = false;
    this.#changedDuringRun = false;
    this.#pending = undefined;
    this.mentions = [];
    this.#states = [];
    this.#byNode.clear();
    this.painter.paint([]);
  }
}

/** Longest stretch of Gloss's work in one task (ms): well under the 50 ms of a long task. */
const SLICE_MS = 25;

/** Calls `step(deadline)` once per task until it returns true, then `then`; the first slice runs now. */
function inSlices(alive: () => boolean, step: (deadline: number) => boolean, then: () => void): void {
  const go = () => {
    if (!alive()) return;
    if (step(performance.now() + SLICE_MS)) then();
    else nextTask(go);
  };
  go();
}

/** A new task, without `setTimeout`'s 4 ms clamp after a few nested calls where `scheduler.postTask` exists. */
function nextTask(fn: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (cb: () => void) => Promise<unknown> } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(fn);
  else setTimeout(fn, 0);
}

/** Runs `fn` under a performance measure (`npm run bench` reads them; they cost microseconds). */
function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const value = fn();
  performance.measure(name, { start });
  return value;
}

/** Above this many blocks a page is matched viewport first, in slices; and at most this many in the viewport's first pass. */
const CHUNK_BLOCKS = 400;

/** Where a block is against the viewport, by its first node's element: on screen, below it, or neither (above, or not rendered). */
function placeOf(block: TextBlock, viewportHeight: number): 'on' | 'below' | 'off' {
  const el = block.nodes[0]!.parentElement;
  if (!el) return 'off';
  const r = el.getBoundingClientRect();
  if (r.bottom >= 0 && r.top <= viewportHeight && (r.width > 0 || r.height > 0)) return 'on';
  return r.top > viewportHeight ? 'below' : 'off';
}

/**
 * Block indices with those in the viewport first (`visible` of them), then the rest in page order.
 * Reads layout only (one layout, no writes in between), and stops reading once blocks fall below the
 * viewport.
 */
function viewportFirst(blocks: readonly TextBlock[], viewportHeight: number): { order: number[]; visible: number } {
  const onScreen = new OnScreenBlocks(viewportHeight);
  onScreen.scan(blocks);
  const first = new Set(onScreen.blocks);
  const visible: number[] = [];
  const rest: number[] = [];
  blocks.forEach((block, i) => (first.has(block) ? visible : rest).push(i));
  return { order: [...visible, ...rest], visible: visible.length };
}

/**
 * The blocks on screen, found while the walk is still going: `scan` reads the layout of the blocks
 * walked since its last call (normal flow puts them top to bottom) and says when the walk is past the
 * viewport with some on screen. Once is enough: it reads nothing after that.
 */
class OnScreenBlocks {
  blocks: TextBlock[] = [];
  #walked: readonly TextBlock[] | undefined;
  #checked = 0;

  constructor(private readonly viewportHeight: number) {}

  scan(walked: readonly TextBlock[]): boolean {
    if (walked !== this.#walked) {
      // The walk started over (the node it had stopped at left the document).
      this.#walked = walked;
      this.#checked = 0;
      this.blocks = [];
    }
    for (; this.#checked < walked.length; this.#checked++) {
      const place = placeOf(walked[this.#checked]!, this.viewportHeight);
      if (place === 'on') this.blocks.push(walked[this.#checked]!);
      else if (place === 'below' && this.blocks.length > 0) return true;
    }
    return false;
  }
}

/** The smallest set of block-level elements containing every changed node (text joins across inline markup). */
function blockRoots(changed: Iterable<Node>): Element[] {
  const roots = new Set<Element>();
  for (const node of changed) {
    let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    while (el && !isBlockElement(el)) el = el.parentElement;
    if (el && el.isConnected) roots.add(el);
  }
  const list = [...roots];
  return list.filter((r) => !list.some((o) => o !== r && o.contains(r)));
}

function mergeInDocumentOrder(a: BlockState[], b: BlockState[]): BlockState[] {
  if (b.length === 0) return a;
  const before = (x: BlockState, y: BlockState) => (x.block.nodes[0]!.compareDocumentPosition(y.block.nodes[0]!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  b.sort((x, y) => (before(x, y) ? -1 : 1));
  const out: BlockState[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(before(a[i]!, b[j]!) ? a[i++]! : b[j++]!);
  return out.concat(a.slice(i), b.slice(j));
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
