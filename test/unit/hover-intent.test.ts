/** Pointer movement to cards: pointermove, and mousemove where a page stops pointermove before Gloss hears it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageMention } from '../../content-scripts/annotator';
import { SETTLED_MS, trackHoverIntent } from '../../content-scripts/hover-intent';

/** A window that hands Gloss's listeners events as the browser would, and runs animation frames on demand. */
function fakeWindow() {
  const listeners = new Map<string, ((e: unknown) => void)[]>();
  let frames: FrameRequestCallback[] = [];
  const win = {
    addEventListener: (type: string, fn: (e: unknown) => void) => void listeners.set(type, [...(listeners.get(type) ?? []), fn]),
    requestAnimationFrame: (fn: FrameRequestCallback) => frames.push(fn),
    cancelAnimationFrame: () => undefined,
    document: { addEventListener: () => undefined },
  } as unknown as Window;
  let t = 0;
  const fire = (type: 'pointermove' | 'mousemove', x: number, y: number, extra: Record<string, unknown> = {}) => {
    t += 50;
    const event = { type, isTrusted: true, clientX: x, clientY: y, buttons: 0, timeStamp: t, pointerType: type === 'pointermove' ? 'mouse' : undefined, target: null, composedPath: () => [], ...extra };
    for (const fn of listeners.get(type) ?? []) fn(event);
  };
  const frame = () => {
    const run = frames;
    frames = [];
    for (const fn of run) fn(t);
  };
  return { win, fire, frame };
}

const name = { id: 'person:krebs', start: 0 } as PageMention;
let stop: AbortController;
let asked: string[];
let opened: string[];
let page: ReturnType<typeof fakeWindow>;

beforeEach(() => {
  vi.useFakeTimers();
  stop = new AbortController();
  asked = [];
  opened = [];
  page = fakeWindow();
  trackHoverIntent(
    page.win,
    {
      mentionAt: (x, y) => (asked.push(`${x},${y}`), x < 100 ? name : undefined),
      isInCard: () => false,
      resting: () => undefined,
      open: (m, x, y) => void opened.push(`${m.id}@${x},${y}`),
      close: () => undefined,
      isPinned: () => false,
      isOpenFor: () => false,
    },
    () => 350,
    stop.signal,
  );
});
afterEach(() => {
  stop.abort();
  vi.useRealTimers();
});

describe('trackHoverIntent', () => {
  it('on a page that lets pointermove through, the mousemove that follows each is not handled again', () => {
    for (const x of [10, 12, 14]) {
      page.fire('pointermove', x, 5);
      page.frame();
      page.fire('mousemove', x, 5);
      page.frame();
    }
    expect(asked).toEqual(['10,5', '12,5', '14,5']);
    vi.advanceTimersByTime(400);
    // The dwell runs from where the pointer came onto the name.
    expect(opened).toEqual(['person:krebs@10,5']);
  });

  it('on a page that stops pointermove before Gloss hears it, mousemove moves the pointer and a rest opens the card', () => {
    page.fire('mousemove', 200, 5);
    page.frame();
    page.fire('mousemove', 20, 5);
    page.frame();
    expect(asked).toEqual(['200,5', '20,5']);
    vi.advanceTimersByTime(400);
    expect(opened).toEqual(['person:krebs@20,5']);
  });

  it('a page that starts stopping pointermove later: mousemove takes over from the next motion', () => {
    page.fire('pointermove', 200, 5);
    page.fire('mousemove', 200, 5);
    page.frame();
    page.fire('mousemove', 20, 5);
    page.frame();
    expect(asked).toEqual(['200,5', '20,5']);
  });

  it('ignores synthetic mousemoves, and the mousemove a touch makes before its tap (taps open cards by tap-intent)', () => {
    page.fire('mousemove', 20, 5, { isTrusted: false });
    page.fire('mousemove', 20, 5, { sourceCapabilities: { firesTouchEvents: true } });
    page.fire('mousemove', 20, 5, { mozInputSource: 5 });
    page.frame();
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(opened).toEqual([]);
  });
});

describe('the card’s work starts once the pointer has settled on a name', () => {
  it('after SETTLED_MS on it, once, before the card opens; not for names the pointer sweeps over or leaves', () => {
    stop.abort();
    stop = new AbortController();
    page = fakeWindow();
    const events: string[] = [];
    const other = { id: 'agency:cisa', start: 20 } as PageMention;
    trackHoverIntent(
      page.win,
      {
        mentionAt: (x) => (x < 100 ? name : x < 200 ? other : undefined),
        isInCard: () => false,
        resting: () => undefined,
        settled: (m) => void events.push(`settled ${m.id}`),
        open: (m) => void events.push(`open ${m.id}`),
        close: () => undefined,
        isPinned: () => false,
        isOpenFor: () => false,
      },
      () => 350,
      stop.signal,
    );
    // Events stamped with the (fake) clock, 50 ms apart, as the dwell reads them.
    const move = (x: number, y: number) => {
      vi.advanceTimersByTime(50);
      page.fire('pointermove', x, y, { timeStamp: performance.now() });
      page.frame();
    };
    // Sweeping across both names (60 px every 50 ms: 1.2 px/ms): nothing settles.
    for (const x of [20, 80, 140, 190, 250]) move(x, 5);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
    // On a name for less than SETTLED_MS, then off it: nothing either.
    move(150, 5);
    vi.advanceTimersByTime(SETTLED_MS - 70);
    move(300, 5);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
    // Resting on one: its work starts after SETTLED_MS, the card at the delay.
    move(30, 5);
    vi.advanceTimersByTime(SETTLED_MS + 1);
    expect(events).toEqual(['settled person:krebs']);
    vi.advanceTimersByTime(350);
    expect(events).toEqual(['settled person:krebs', 'open person:krebs']);
  });
});
