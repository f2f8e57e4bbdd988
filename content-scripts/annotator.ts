/**
 * Annotation of one document: collect text → the worker finds and links the mentions → map to
 * ranges → paint. A full pass runs once; later changes re-read only the blocks that changed and
 * re-link with the whole page in view (coreference is page-wide), reusing every other block's
 * ranges (and, in the worker, its matches). Keeps the page's mentions for hit-testing, the card and
 * the popup.
 */
import { WireMention, type MentionRows, type ReadMention } from '../src/match/mention-wire';
import { MAX_PAGE_TEXT, MAX_SEEN, type EntityCount } from '../src/protocol';
import { addWrittenForm } from './written-forms';
import type { Settings } from '../src/settings';
import { BlockCollector, ElementBlock, isAnnotatable, isBlockElement, isIntact, type TextBlock } from './collect-text';
import { outOfReach } from './page-modal';
import { PAINTED_SCREENS, SCANNED_UP_TO, type HighlightPainter } from './paint-highlights';
import { mark, measure, timed } from './page-timings';
import { hitByCaret, rectsContain } from './hit-by-caret';
import { lowerBound } from '../src/lower-bound';
import { elementAt, nodeIndexAt, rangeFor, rangesMade } from './text-ranges';
import { shownTest } from './text-shown';
import { insideAny, isShadowRoot } from './inside-roots';

/** A linked mention on this page: what the worker sent, with its DOM range and whether it is painted. */
export interface PageMention extends ReadMention {
  range: Range;
  /** Painted under the current density and category settings. */
  shown: boolean;
}

/** Finds and links the mentions in blocks of text (in page order): the worker's `findMentions`, checked. */
export type LinkTexts = (texts: string[], ids: number[]) => Promise<MentionRows>;

interface BlockState {
  block: TextBlock;
  /** Names the block in link requests (`LinkTexts`), which may leave out the text of one sent before. */
  id: number;
  /** Ranges made for this block's mentions, by "start:end", reused across passes (made with the first). */
  ranges: Map<string, Range> | undefined;
}

/**
 * A page mention whose DOM range is made when first read, and reused from an earlier pass while its
 * block is unchanged. Only painted names near the viewport, the one under the pointer and the one
 * stepped to need a range: a huge page painted windowed makes a few hundred of its 10,000, and every
 * live range is one more the browser updates on each edit of the page's DOM.
 */
class LinkedMention extends WireMention implements PageMention {
  shown = true;
  #range: Range | undefined;

  constructor(
    rows: MentionRows,
    i: number,
    private readonly state: BlockState,
    private readonly doc: Document,
  ) {
    super(rows, i);
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
/** Custom elements without a root watched at most (a hostile page may have millions; each look is a property read). */
const MAX_HOSTS_WITHOUT_ROOT = 10_000;

export class Annotator {
  mentions: PageMention[] = [];
  /**
   * Main-thread time spent on passes so far (ms), in this script's own tasks (not the worker's, nor the
   * browser's painting): the page watcher spaces its passes by it.
   */
  busyMs = 0;
  #busyDepth = 0;

  /**
   * Passes in a row that ended with the names where they were (a clock's or a counter's edit, with no
   * name in it): the page watcher spaces its passes further on such a page.
   */
  get quietPasses(): number {
    return this.#quietPasses;
  }
  #quietPasses = 0;

  /** Runs `fn`, adding its time to `busyMs` (once, when calls nest). */
  busy<T>(fn: () => T): T {
    if (this.#busyDepth > 0) return fn();
    this.#busyDepth++;
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.#busyDepth--;
      this.busyMs += performance.now() - start;
    }
  }
  /** The blocks of the latest pass (an update reuses them). */
  #states: BlockState[] = [];
  /** The blocks `mentions` point into (the viewport's alone, until the whole page is linked). */
  #shownStates: BlockState[] = [];
  /**
   * Text node → the mentions touching it, for hit-testing; for a block read whole, its element → its
   * mentions. Made when the pointer first needs it after a pass (`#hitIndex`): many pages are read
   * without a pointer resting on them, and on the 20k-node page it is 10,000 entries.
   */
  #byNode: Map<Node, PageMention[]> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly painter: HighlightPainter,
    private readonly link: LinkTexts,
    public corrections: Map<string, string | null> = new Map(),
    /**
     * Whether to read open shadow roots, as a page's script does: in Chromium the rules on `:root`
     * reach their text (highlight inheritance), in Firefox the painter gives each root holding a name
     * a sheet of its own (`paint-highlights.ts`).
     */
    private readonly readShadowRoots = false,
  ) {}

  /** The open shadow roots read so far. */
  readonly #shadowRoots = new Set<ShadowRoot>();
  /** Custom elements read without a shadow root: they may attach one when they are defined. */
  readonly #hostsWithoutRoot = new Set<Element>();
  /**
   * Those holding a mention of the latest pass (made when first needed): hit-testing asks the browser
   * to look inside them, and a page may have thousands of roots with no name in them.
   */
  #hitRoots: ShadowRoot[] | undefined;
  #onShadowRoot: ((root: ShadowRoot) => void) | undefined;

  /** Calls `listener` with each open shadow root read, now and later (the page watcher observes them). */
  onShadowRoot(listener: (root: ShadowRoot) => void): void {
    this.#onShadowRoot = listener;
    for (const root of this.#shadowRoots) listener(root);
  }

  /** The walk's open shadow roots (observed from now on) and its custom elements without one yet. */
  #noteShadowTrees(collector: BlockCollector): void {
    for (const root of collector.shadowRoots) {
      if (this.#shadowRoots.has(root)) continue;
      this.#shadowRoots.add(root);
      this.#onShadowRoot?.(root);
    }
    for (const host of collector.hostsWithoutRoot) {
      if (this.#hostsWithoutRoot.size >= MAX_HOSTS_WITHOUT_ROOT) break;
      this.#hostsWithoutRoot.add(host);
    }
  }

  /**
   * The custom elements read without a shadow root that have an open one now (a definition loaded
   * after the walk): a root attached to an element already in the page makes no mutation record, so
   * the page watcher asks now and then, and re-reads them as changed. Hosts that left the page are
   * forgotten.
   */
  takeHostsWithNewRoots(): Element[] {
    const found: Element[] = [];
    for (const host of this.#hostsWithoutRoot) {
      if (host.shadowRoot) found.push(host);
      else if (host.isConnected) continue;
      this.#hostsWithoutRoot.delete(host);
    }
    return found;
  }

  #run = 0;
  #running = false;
  /** While a pass runs: the nodes changed since it began, re-read around themselves when it ends. */
  #pending: Node[] | undefined;
  /** Link requests sent, and the latest whose answer is painted: an earlier answer arriving late is dropped. */
  #linkSent = 0;
  #linkShown = 0;

  /**
   * Finds every mention in the document and paints those the settings show. No task runs much
   * longer than SLICE_MS: the walk and the range-making continue in a new task when their slice is
   * used up, and the worker does the matching and linking off the page's main thread. On a page of
   * more than CHUNK_BLOCKS blocks the viewport's blocks are linked and painted first; on a page of more
   * than LARGE_PAGE_ELEMENTS elements, or when the walk takes more than a slice, as soon as it has passed them. `done` runs when the page is
   * complete.
   */
  run(settings: Settings, done?: () => void): void {
    mark('gloss:annotate-start');
    this.#settings = settings;
    const run = ++this.#run;
    const alive = () => run === this.#run;
    this.#running = true;
    // Changes noted before this pass are in what it reads.
    this.#pending = [];
    const finish = () => alive() && this.#passEnded(settings, done);
    const collector = new BlockCollector(this.doc, this.readShadowRoots);
    const collectStart = performance.now();
    const viewportHeight = this.doc.defaultView?.innerHeight ?? 1000;
    // A walk longer than one slice, or a large page's: the blocks near the viewport (`NearBlocks`) are noted
    // as it passes them, and once it is past them they are linked and painted, then the walk goes on.
    // On a 20k-node page the reader sees names after a few hundred nodes, not the whole walk.
    const near = new NearBlocks(viewportHeight);
    let early: Map<TextBlock, BlockState> | undefined;
    const walk = (): void => this.busy(walkOn);
    let slices = 0;
    // A large page is walked a few hundred nodes at a time until the walk is past the viewport, whose
    // names are then painted while the rest is walked: a whole slice of walking first kept them waiting
    // (ndtv's viewport 62 → 51 ms, lifehacker's 67 → 37, medians of 12 paired loads).
    const large = this.doc.getElementsByTagName('*').length > LARGE_PAGE_ELEMENTS;
    // A very long page is read as far as READ_FIRST_BLOCKS and READ_AHEAD_SCREENS below the viewport,
    // the rest as the reader comes near it (`readOn`).
    let stopAt = READ_FIRST_BLOCKS;
    this.#unread = undefined;
    const walkOn = (): void => {
      if (!alive()) return;
      const deadline = performance.now() + SLICE_MS;
      const stepwise = large && !early;
      let done: boolean;
      do done = collector.step(stepwise ? 0 : deadline, stopAt);
      while (!done && collector.blocks.length < stopAt && stepwise && performance.now() < deadline && !near.scan(collector.blocks));
      let paused = false;
      if (!done && collector.blocks.length >= stopAt) {
        const next = this.#nextStop(collector.blocks);
        if (next === undefined) done = paused = true;
        else stopAt = next;
      }
      if (done) {
        this.#unread = paused ? pausedAt(collector) : undefined;
        // A walk of several slices ended its last one with a full slice's work: sending a large page's
        // text (~20 ms for the 20k-node page's 450 KB) waits for a task of its own.
        if (slices++ > 0) return nextTask(() => alive() && this.busy(walked));
        return walked();
      }
      slices++;
      if (!early && near.scan(collector.blocks)) {
        const seen = near.blocks.slice(0, CHUNK_BLOCKS);
        early = new Map(seen.map((block) => [block, newState(block)]));
        // The walk goes on once they are painted: its slices would keep the worker's answer waiting
        // behind them (37 ms median on the 20k-node page here, for a 3 ms answer).
        this.#relink([...early.values()], settings, seen.length, 'viewport', alive, () => nextTask(walk));
        return;
      }
      nextTask(walk);
    };
    const walked = () => {
      measure('gloss:collect', collectStart);
      this.#noteShadowTrees(collector);
      const blocks = collector.blocks;
      // Blocks the early pass sent keep their state (and ranges), unless the walk started over.
      const states = blocks.map((block) => early?.get(block) ?? newState(block));
      this.#states = states;
      if (!early && blocks.length > CHUNK_BLOCKS) {
        // A large page: the viewport's blocks alone first, so the reader sees names there while the
        // worker links the whole page; the page's request is made in a task of its own.
        // The walk's own scan goes on where it stopped (if it ran at all): no block's layout is read twice.
        timed('gloss:viewport-blocks', () => near.scan(blocks));
        const inView = new Set(near.blocks.slice(0, CHUNK_BLOCKS));
        if (inView.size > 0) {
          this.#relink(states.filter((s) => inView.has(s.block)), settings, inView.size, 'viewport', alive);
          nextTask(() => alive() && this.busy(() => this.#relink(states, settings, blocks.length, 'final', alive, finish)));
          return;
        }
      }
      this.#relink(states, settings, blocks.length, 'final', alive, finish);
    };
    walk();
  }

  /**
   * A pass has painted: the nodes that changed while it ran are read again, around themselves (the
   * walk may have read them before they changed), or `done` runs. Not a second full pass: a page
   * that loads ads and widgets while it is walked changes during nearly every first pass.
   */
  #passEnded(settings: Settings, done: (() => void) | undefined): void {
    this.#running = false;
    const pending = this.#pending ?? [];
    this.#pending = undefined;
    if (pending.length > 0) return this.#update(pending, settings, done);
    done?.();
    // Reads waiting for a pass to end: theirs, or one that superseded it (a pass started over).
    const readDone = this.#readDone;
    this.#readDone = [];
    for (const fn of readDone) fn();
    const queued = this.#queuedRead;
    this.#queuedRead = undefined;
    if (queued && !this.#running) this.readOn(queued.toEnd, () => queued.done.forEach((fn) => fn()));
  }

  /**
   * The rest of a very long page, not read yet: the paused walk, the blocks array it fills (a walk that
   * started over makes a new one) and how many of them the page's states hold.
   */
  #unread: ReturnType<typeof pausedAt> | undefined;
  /** Reads asked for while a pass ran: made when it ends. */
  #queuedRead: { toEnd: boolean; done: (() => void)[] } | undefined;
  /** What to call when the pass now running ends, whichever pass that turns out to be (`readOn`). */
  #readDone: (() => void)[] = [];
  /** The settings of the latest pass or repaint (a read started by scrolling links with them). */
  #settings: Settings | undefined;

  /** Whether part of the page is not read yet (a very long page, read as the reader nears it). */
  get hasUnread(): boolean {
    return this.#unread !== undefined;
  }

  /** Whether the reader is near the end of what is read: the last block read is less than READ_AHEAD_SCREENS below the viewport. */
  nearUnread(): boolean {
    const unread = this.#unread;
    return unread !== undefined && unread.read > 0 && !this.#farBelow(unread.blocks[unread.read - 1]!);
  }

  /**
   * Reads on from where the walk paused, to the end of the page (`toEnd`: the popup lists the page's
   * entities; the keyboard steps through its names) or until READ_AHEAD_SCREENS below the viewport, and
   * links the whole page read so far with it; `done` runs when that is painted (at once when nothing is
   * left to read), or when a pass that superseded it ends (the page changed around the walk's frontier,
   * or past it: the pass started over), or when Gloss stops on the page.
   */
  readOn(toEnd: boolean, done?: () => void): void {
    const unread = this.#unread;
    const settings = this.#settings;
    if (!unread || !settings) return done?.();
    if (this.#running) {
      const queued = (this.#queuedRead ??= { toEnd, done: [] });
      queued.toEnd ||= toEnd;
      if (done) queued.done.push(done);
      return;
    }
    mark('gloss:annotate-start');
    if (done) this.#readDone.push(done);
    const run = ++this.#run;
    const alive = () => run === this.#run;
    this.#running = true;
    this.#pending = [];
    const { collector } = unread;
    let stopAt = toEnd ? Infinity : collector.blocks.length + READ_MORE_BLOCKS;
    const collectStart = performance.now();
    const go = (): void => this.busy(() => {
      if (!alive()) return;
      const finished = collector.step(performance.now() + SLICE_MS, stopAt);
      let paused = false;
      if (!finished && collector.blocks.length >= stopAt) {
        const next = this.#nextStop(collector.blocks);
        if (next === undefined) paused = true;
        else stopAt = next;
      }
      if (!finished && !paused) return nextTask(go);
      measure('gloss:collect', collectStart);
      this.#noteShadowTrees(collector);
      if (collector.blocks !== unread.blocks) {
        // The node the walk had paused at left the page: it started over, and so does the pass.
        this.#running = false;
        return this.run(settings);
      }
      const fresh = collector.blocks.slice(unread.read).map(newState);
      this.#unread = finished ? undefined : pausedAt(collector);
      this.#states = this.#states.concat(fresh);
      this.#relink(this.#states, settings, fresh.length, 'final', alive, () => alive() && this.#passEnded(settings, undefined));
    });
    go();
  }

  /**
   * A walk that holds as many blocks as it was to read: paused (undefined) when the last is far below
   * the viewport, or else the count to read on to.
   */
  #nextStop(blocks: readonly TextBlock[]): number | undefined {
    return this.#farBelow(blocks.at(-1)!) ? undefined : blocks.length + READ_MORE_BLOCKS;
  }

  /** Whether a block is more than READ_AHEAD_SCREENS below the viewport (not when it shows no box: then nobody knows). */
  #farBelow(block: TextBlock): boolean {
    const box = block.box;
    if (!box?.isConnected) return false;
    const r = box.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    return r.top > (this.doc.defaultView?.innerHeight ?? 1000) * (1 + READ_AHEAD_SCREENS);
  }

  /**
   * Re-reads only the blocks around `changed` nodes (added, removed or edited text), then re-links
   * the page; `done` runs when the page is complete.
   */
  update(changed: Iterable<Node>, settings: Settings, done?: () => void): void {
    this.busy(() => this.#update(changed, settings, done));
  }

  #update(changed: Iterable<Node>, settings: Settings, done?: () => void): void {
    if (this.#running) {
      for (const node of changed) this.#pending!.push(node);
      return;
    }
    this.#settings = settings;
    const frontier = this.#unread?.collector.frontier;
    // Past the frontier of a page read in part, nothing is read yet: the walk reads it when it gets there.
    // (A removed node is out of the document: its blocks, if read, are dropped below.)
    if (frontier) {
      const read = [...changed].filter((node) => !node.isConnected || (node !== frontier && !(frontier.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)));
      if (read.length === 0) return done?.();
      changed = read;
    }
    const roots = blockRoots(changed, this.#states);
    // A change around the frontier (a block holding it) would be read twice, before and after it.
    if (roots.length > MAX_PARTIAL_ROOTS || (frontier && roots.some((r) => r.contains(frontier)))) return this.run(settings, done);
    // A change around a large part of the page (a dialog's `aria-hidden` taken off the whole app, a
    // route's new view) is read as a page is, in slices, viewport first, in part: read here in one go,
    // a 20k-node page shown at once took a task of 1.1–1.3 s.
    if (roots.some(isLargeRoot)) return this.run(settings, done);
    mark('gloss:annotate-start');
    const inRoot = insideAny(roots);
    // Drop blocks that changed or left the document; keep every other block's ranges. A block read
    // whole is its element's: any change inside it made that element a root (see above).
    const kept = this.#states.filter(({ block }) => isIntact(block) && !inRoot(block.anchor));
    const fresh: BlockState[] = [];
    for (const root of roots) {
      if (!isAnnotatable(root)) continue;
      const collector = new BlockCollector(root, this.readShadowRoots).walkAll();
      this.#noteShadowTrees(collector);
      for (const block of collector.blocks) fresh.push(newState(block));
    }
    this.#states = mergeInDocumentOrder(kept, fresh);
    const run = ++this.#run;
    const alive = () => run === this.#run;
    this.#running = true;
    this.#pending = [];
    this.#relink(this.#states, settings, fresh.length, 'final', alive, () => alive() && this.#passEnded(settings, done));
  }

  /**
   * Sends the blocks' text to the worker, then maps the mentions it links to ranges (in slices) and
   * paints. `reread`: how many blocks this pass collected anew (the rest were reused). `stage`: the
   * end of a pass records `gloss:annotate`; the viewport's part of a large page
   * `gloss:annotate-viewport`. The old mentions stay in place until the new ones are painted. `then`
   * runs after painting, or after a failed request (the page keeps what it had).
   */
  #relink(states: BlockState[], settings: Settings, reread: number, stage: 'final' | 'viewport', alive: () => boolean, then?: () => void): void {
    const sent = ++this.#linkSent;
    const linkStart = performance.now();
    this.link(textsOf(states), states.map((s) => s.id)).then(
      (linked) => this.busy(() => {
        if (!alive()) return;
        if (sent < this.#linkShown) return then?.();
        measure('gloss:link', linkStart);
        const rangesStart = performance.now();
        const mentions: PageMention[] = [];
        // A page whose every range the painter reads the box of gets them here, in slices, not in the one
        // task that paints; on a larger one, searched in document order, each range is made when first needed.
        const eager = linked.count <= SCANNED_UP_TO;
        const work = (deadline: number): boolean => {
          for (let k = mentions.length; k < linked.count; k++) {
            // Every 16: the first ranges in a tab cost far more than later ones.
            if ((k & 15) === 0 && performance.now() > deadline) return false;
            const mention = new LinkedMention(linked, k, states[linked.blocks[k]!]!, this.doc);
            if (eager) void mention.range;
            mentions.push(mention);
          }
          return true;
        };
        const finish = () => {
          // A later answer is painted already: this one is dropped, and the pass goes on.
          if (sent < this.#linkShown) return then?.();
          this.#linkShown = sent;
          measure('gloss:ranges', rangesStart);
          this.#quietPasses = stage === 'final' && samePlaces(this.mentions, this.#shownStates, mentions, states) ? this.#quietPasses + 1 : 0;
          this.mentions = mentions;
          this.#hitRoots = undefined;
          this.#byNode = undefined;
          this.#byElement = undefined;
          this.#shownStates = states;
          timed('gloss:paint', () => this.applySettings(settings));
          measure(stage === 'final' ? 'gloss:annotate' : 'gloss:annotate-viewport', 'gloss:annotate-start', () => ({
            mentions: mentions.length, blocks: states.length, chars: states.reduce((n, s) => n + s.block.text.length, 0), reread, ranges: rangesMade(),
          }));
          then?.();
        };
        // Painting is a task of its own when the ranges took several: the last slice is then not made longer.
        let slices = 0;
        inSlices(alive, (deadline) => this.busy(() => (slices++, work(deadline))), () => (slices > 1 ? nextTask(() => alive() && this.busy(finish)) : finish()));
      }),
      (e: unknown) => {
        if (!alive()) return;
        console.warn('Gloss could not link the names on this page:', e);
        then?.();
      },
    );
  }

  /**
   * The latest pass's mentions indexed for hit-testing by text node, or by element for a block read
   * whole (whose nodes are not read for this).
   */
  #hitIndex(): Map<Node, PageMention[]> {
    const byNode = new Map<Node, PageMention[]>();
    const add = (node: Node, mention: PageMention) => {
      const list = byNode.get(node);
      if (list) list.push(mention);
      else byNode.set(node, [mention]);
    };
    for (const mention of this.mentions) {
      const block = this.#shownStates[mention.block]!.block;
      if (block instanceof ElementBlock) {
        add(block.box, mention);
        continue;
      }
      // From the node holding the mention's start: a pass over all of a block's nodes per mention took
      // the first pointer move over a paragraph of 20,000 words, each in an element, 40–60 ms (500 names).
      const { nodes, starts } = block;
      for (let i = nodeIndexAt(starts, mention.start); i < nodes.length && starts[i]! < mention.end; i++) {
        const nodeEnd = i + 1 < nodes.length ? starts[i + 1]! : block.text.length;
        if (nodeEnd > mention.start) add(nodes[i]!, mention);
      }
    }
    return byNode;
  }

  /** Repaints for new category, density or style settings without matching again. */
  applySettings(settings: Settings): void {
    this.#settings = settings;
    this.painter.setStyle(settings.highlightStyle);
    const firstSeen = new Set<string>();
    const shown: PageMention[] = [];
    for (const m of this.mentions) {
      let first = true;
      if (settings.density !== 'all') {
        const sectionKey = `${m.id}\u0000${this.#shownStates[m.block]!.block.section}`;
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
    const caret = caretAt(this.doc, x, y, (this.#hitRoots ??= this.#rootsWithMentions()));
    const byNode = (this.#byNode ??= this.#hitIndex());
    if (caret && caret.node.nodeType === Node.TEXT_NODE) {
      let candidates = byNode.get(caret.node);
      if (!candidates) {
        // In a block read whole: the text's nearest block element is that block's.
        let el = caret.node.parentElement;
        while (el && !isBlockElement(el)) el = el.parentElement;
        candidates = el ? byNode.get(el) : undefined;
      }
      if (candidates) {
        const found = hitByCaret(candidates, caret, x, y);
        if (found) return outOfReach(this.doc)(caret.node) ? undefined : found;
      }
      // The pointer is on the caret's own text, which no name covers: nothing above it hides a name.
      if (this.#onCaretText(caret, x, y)) return undefined;
    }
    return this.#mentionUnder(x, y, byNode);
  }

  /** One range for `#onCaretText`, moved each time: no new live range per pointer frame. */
  #probe: Range | undefined;

  /** Whether the point is on the glyphs around the caret (not snapped there from a margin or from under an overlay). */
  #onCaretText(caret: { node: Node; offset: number }, x: number, y: number): boolean {
    const length = (caret.node as Text).data.length;
    if (length === 0) return false;
    const probe = (this.#probe ??= this.doc.createRange());
    probe.setStart(caret.node, Math.max(0, Math.min(caret.offset, length) - 1));
    probe.setEnd(caret.node, Math.min(length, caret.offset + 1));
    const hit = rectsContain(probe.getClientRects(), x, y);
    probe.collapse(true);
    return hit;
  }

  /** Each element holding painted text: its mentions, in document order (`#mentionUnder`). */
  #byElement: Map<Element, PageMention[]> | undefined;

  /**
   * The shown mention under a point the caret did not find it at: text under something transparent
   * the page laid over it (a teaser's link stretched over the whole card by an `::after`, a fade-out
   * veil), which the caret's hit-test stops at. The elements under the point, top to bottom, name
   * the text's own element; its mentions are tested by their boxes, from the first not above the point.
   */
  #mentionUnder(x: number, y: number, byNode: Map<Node, PageMention[]>): PageMention | undefined {
    if (this.mentions.length === 0 || typeof this.doc.elementsFromPoint !== 'function') return undefined;
    const byElement = (this.#byElement ??= elementIndex(byNode));
    const stack = this.doc.elementsFromPoint(x, y);
    for (let i = 0; i < stack.length && i < MAX_STACK_DEPTH; i++) {
      const list = byElement.get(stack[i]!);
      if (!list) continue;
      for (let k = lowerBound(list, (m) => m.range.getBoundingClientRect().bottom < y - 1); k < list.length; k++) {
        const m = list[k]!;
        const rects = m.range.getClientRects();
        if (rects.length > 0 && rects[0]!.top > y + 1) break;
        if (m.shown && rectsContain(rects, x, y)) return outOfReach(this.doc)(m.range.startContainer) ? undefined : m;
      }
    }
    return undefined;
  }

  #rootsWithMentions(): ShadowRoot[] {
    if (this.#shadowRoots.size === 0) return [];
    const roots = new Set<ShadowRoot>();
    let last: BlockState | undefined;
    for (const m of this.mentions) {
      const state = this.#shownStates[m.block];
      if (!state || state === last) continue;
      last = state;
      const root = state.block.anchor.getRootNode();
      if (this.#shadowRoots.has(root as ShadowRoot)) roots.add(root as ShadowRoot);
    }
    return [...roots];
  }

  /**
   * Entities with their mention counts, for the worker and the popup. With `rendered`, only the mentions
   * the page shows now (`rendersNow`): a share menu's "Facebook", "Twitter" and "Reddit" before it is
   * opened, or a copy of a story's teaser laid out only on phones, are not on the page the reader sees.
   */
  entityCounts(rendered?: (m: PageMention) => boolean): EntityCount[] {
    // An entity's written forms are looked for once per key (its mentions' normalised surface, one of
    // a few strings the worker's answer shares): most mentions are written alike, so a page of 10,000
    // names makes a few hundred slices, not 10,000.
    const byId = new Map<string, { entity: EntityCount; keys: Set<string> }>();
    for (const m of this.mentions) {
      if (rendered && !rendered(m)) continue;
      let counted = byId.get(m.id);
      if (!counted) byId.set(m.id, (counted = { entity: { id: m.id, name: m.name, category: m.category, count: 0, seen: [] }, keys: new Set() }));
      const { entity, keys } = counted;
      entity.count++;
      if (entity.seen.length >= MAX_SEEN || keys.has(m.key)) continue;
      keys.add(m.key);
      const text = this.#shownStates[m.block]?.block.text;
      if (text !== undefined) addWrittenForm(entity, text.slice(m.start, m.end));
    }
    return [...byId.values()].map((c) => c.entity);
  }

  /**
   * A test of "the page shows this mention's text now" (`text-shown.ts`), answered once per element
   * for as long as the test is kept (a report, a step): by the element around its first character, so
   * no range is made for it.
   */
  rendersNow(): (m: PageMention) => boolean {
    const shown = shownTest();
    return (m) => {
      const block = this.#shownStates[m.block]?.block;
      return !block || shown(elementAt(block, m.start));
    };
  }

  /** A test of "the reader can reach this mention now" (not behind an open modal, not inert), answered once per block. */
  reachableNow(): (m: PageMention) => boolean {
    const unreachable = outOfReach(this.doc);
    return this.#oncePerBlock((block) => !block || !unreachable(block.anchor));
  }

  /** A test of a mention by its block, asked once per block for as long as the test is kept. */
  #oncePerBlock(test: (block: TextBlock | undefined) => boolean): (m: PageMention) => boolean {
    const known = new Map<number, boolean>();
    return (m) => {
      let answer = known.get(m.block);
      if (answer === undefined) known.set(m.block, (answer = test(this.#shownStates[m.block]?.block)));
      return answer;
    };
  }

  clear(): void {
    // A pass still running in slices stops here: nothing it would paint may come back.
    this.#run++;
    this.#running = false;
    this.#pending = undefined;
    this.#unread = undefined;
    const waiting = [...this.#readDone, ...(this.#queuedRead?.done ?? [])];
    this.#readDone = [];
    this.#queuedRead = undefined;
    for (const fn of waiting) fn();
    this.mentions = [];
    this.#hitRoots = undefined;
    this.#hostsWithoutRoot.clear();
    this.#states = [];
    this.#shownStates = [];
    this.#byNode = undefined;
    this.#byElement = undefined;
    this.painter.paint([]);
  }
}

/**
 * The blocks' text for the worker, in page order. Past MAX_PAGE_TEXT characters in all (a page far
 * beyond any article, or a hostile one), the rest go as empty text: linked no further, and painted
 * nowhere, rather than a message the browser refuses.
 */
let lastId = 0;

/** A walk paused where it stands: the blocks array it fills (a walk that starts over makes a new one) and how many it holds. */
function pausedAt(collector: BlockCollector): { collector: BlockCollector; blocks: readonly TextBlock[]; read: number } {
  return { collector, blocks: collector.blocks, read: collector.blocks.length };
}

/** A block's state as first read: a new id (its text never changes; a block read again is a new one). */
function newState(block: TextBlock): BlockState {
  return { block, id: ++lastId, ranges: undefined };
}

function textsOf(states: readonly BlockState[]): string[] {
  let total = 0;
  return states.map(({ block }) => ((total += block.text.length) <= MAX_PAGE_TEXT ? block.text : ''));
}

/** Longest stretch of Gloss's work in one task (ms): well under the 50 ms of a long task. */
const SLICE_MS = 25;
/** Elements in a document that make its walk stop at the viewport, to paint it first. */
const LARGE_PAGE_ELEMENTS = 2000;

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

/**
 * A page's first pass reads at least this many blocks, then stops once the last one read is more than
 * READ_AHEAD_SCREENS below the viewport; each later read, READ_MORE_BLOCKS more, on the same terms.
 * Above any news article in the corpus (the largest has 714 blocks; two Reddit threads have 1,098 and
 * 1,331), so only a page of thousands of paragraphs (a long thread, an endless feed) is read in parts:
 * on the 20k-node page, a tenth.
 */
const READ_FIRST_BLOCKS = 1000;
const READ_MORE_BLOCKS = 1000;
const READ_AHEAD_SCREENS = 3;

/** Above this many blocks a page is matched viewport first, in slices; and at most this many in the viewport's first pass. */
const CHUNK_BLOCKS = 400;

/**
 * Where a block is against a band of the viewport (`top`..`bottom`, in viewport coordinates), by its
 * element's box: in it, below it, or neither (above, or not rendered).
 */
function placeOf(block: TextBlock, top: number, bottom: number): 'on' | 'below' | 'off' {
  const el = block.box;
  if (!el) return 'off';
  const r = el.getBoundingClientRect();
  if (r.bottom >= top && r.top <= bottom && (r.width > 0 || r.height > 0)) return 'on';
  return r.top > bottom ? 'below' : 'off';
}

/**
 * The blocks near the viewport, found while the walk is still going: `scan` reads the layout of the
 * blocks walked since its last call (normal flow puts them top to bottom) and says when the walk is
 * past them with some found. Once is enough: it reads nothing after that. Near is the band the painter
 * keeps painted on a page with many names (PAINTED_SCREENS beyond each edge), so that the page's pass
 * after this first one finds them painted and changes no highlight there: each change repaints the page.
 */
class NearBlocks {
  blocks: TextBlock[] = [];
  #walked: readonly TextBlock[] | undefined;
  #checked = 0;
  readonly #top: number;
  readonly #bottom: number;

  constructor(viewportHeight: number) {
    this.#top = -viewportHeight * PAINTED_SCREENS;
    this.#bottom = viewportHeight * (1 + PAINTED_SCREENS);
  }

  scan(walked: readonly TextBlock[]): boolean {
    if (walked !== this.#walked) {
      // The walk started over (the node it had stopped at left the document).
      this.#walked = walked;
      this.#checked = 0;
      this.blocks = [];
    }
    for (; this.#checked < walked.length; this.#checked++) {
      const place = placeOf(walked[this.#checked]!, this.#top, this.#bottom);
      if (place === 'on') this.blocks.push(walked[this.#checked]!);
      else if (place === 'below' && this.blocks.length > 0) return true;
    }
    return false;
  }
}

/**
 * The smallest set of block-level elements containing every changed node (text joins across inline
 * markup). A block element added into a block that was read whole (`ElementBlock`) splits that
 * block's text: the whole block is read again.
 */
function blockRoots(changed: Iterable<Node>, states: readonly BlockState[]): (Element | ShadowRoot)[] {
  let boxes: Set<Element> | undefined;
  const roots = new Set<Element | ShadowRoot>();
  for (const node of changed) {
    let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    let top: Element | null = el;
    while (el && !isBlockElement(el)) el = (top = el).parentElement;
    if (!el) {
      // In a shadow tree with no block element above the change: the whole shadow root.
      const root = (top ?? node).getRootNode();
      if (isShadowRoot(root) && root.isConnected) roots.add(root);
      continue;
    }
    if (!el.isConnected) continue;
    boxes ??= new Set(states.flatMap(({ block }) => (block instanceof ElementBlock ? [block.box] : [])));
    for (let up = el.parentElement; up; up = up.parentElement) if (boxes.has(up)) el = up;
    roots.add(el);
  }
  const list = [...roots];
  return list.filter((r) => !list.some((o) => o !== r && o.contains(r)));
}

/** Whether a root to read again holds more than a large page's elements (a shadow root is not counted). */
function isLargeRoot(root: Element | ShadowRoot): boolean {
  return root.nodeType === Node.ELEMENT_NODE && (root as Element).getElementsByTagName('*').length > LARGE_PAGE_ELEMENTS;
}

function mergeInDocumentOrder(a: BlockState[], b: BlockState[]): BlockState[] {
  if (b.length === 0) return a;
  const before = (x: BlockState, y: BlockState) => (x.block.anchor.compareDocumentPosition(y.block.anchor) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  // A text file's paragraphs share their anchor (the one text node they lie in): kept in walk order.
  b.sort((x, y) => (x.block.anchor === y.block.anchor ? 0 : before(x, y) ? -1 : 1));
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
function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    // Without `shadowRoots`, a point inside a shadow tree answers with its host.
    const pos = shadowRoots.length > 0 ? doc.caretPositionFromPoint(x, y, { shadowRoots }) : doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  const range = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** Elements under a point looked through for text under an overlay: the overlay, the text's element and a few around it. */
const MAX_STACK_DEPTH = 12;

/**
 * The hit index (`#hitIndex`) by element: a text node's mentions under its parent, a block read whole
 * under its own element; in document order, each once.
 */
function elementIndex(byNode: Map<Node, PageMention[]>): Map<Element, PageMention[]> {
  const byElement = new Map<Element, PageMention[]>();
  for (const [node, mentions] of byNode) {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!el) continue;
    const list = byElement.get(el);
    if (!list) {
      byElement.set(el, mentions.slice());
      continue;
    }
    // A name across two of the element's text nodes ("Mark<!-- -->Esper") is listed under both.
    for (const m of mentions) if (list.at(-1) !== m) list.push(m);
  }
  return byElement;
}

/** Whether two passes' mentions are the same names at the same places: the same blocks (unchanged, so reused), offsets and entities. */
function samePlaces(before: readonly PageMention[], beforeStates: readonly BlockState[], after: readonly PageMention[], afterStates: readonly BlockState[]): boolean {
  if (before.length !== after.length) return false;
  for (let k = 0; k < after.length; k++) {
    const a = before[k]!;
    const b = after[k]!;
    if (beforeStates[a.block] !== afterStates[b.block] || a.start !== b.start || a.end !== b.end || a.id !== b.id) return false;
  }
  return true;
}
