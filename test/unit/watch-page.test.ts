/**
 * The page watcher spaces its passes by what they cost: a cheap page is re-read 100 ms after a
 * change, a page whose passes are costly only as often as keeps Gloss's script to MAX_BUSY_SHARE of
 * the main thread, and no change waits more than 3 s.
 * @vitest-environment happy-dom
 */
import { describe, expect, it } from 'vitest';
import { delayBeforePass, MAX_BUSY_SHARE, watchPage, type WatchedGloss } from '../../content-scripts/watch-page';

describe('spacing passes', () => {
  it('waits 100 ms after a cheap pass, its cost ÷ MAX_BUSY_SHARE after a costly one, and at most 3 s', () => {
    expect(delayBeforePass(1000, 2, 1000)).toBe(100);
    expect(delayBeforePass(1000, 2, 1150)).toBe(0);
    expect(delayBeforePass(1000, 40, 1000)).toBe(40 / MAX_BUSY_SHARE);
    expect(delayBeforePass(1000, 40, 1000 + 40 / MAX_BUSY_SHARE - 100)).toBe(100);
    expect(delayBeforePass(1000, 10_000, 1000)).toBe(3000);
  });

  /** A fake Gloss whose every pass costs `costMs` of main thread; records when passes ran. */
  function fakeGloss(costMs: number): WatchedGloss & { passes: number[] } {
    const gloss = {
      passes: [] as number[],
      annotator: { busyMs: 0 },
      annotate() {},
      update() {
        gloss.passes.push(performance.now());
        gloss.annotator.busyMs += costMs;
      },
    };
    return gloss;
  }

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('on a page that keeps changing, passes come every 100 ms when cheap and far apart when costly', async () => {
    const counts: Record<string, number> = {};
    for (const [name, cost] of [['cheap', 1], ['costly', 50]] as const) {
      document.body.innerHTML = '<p>Krebs said</p>';
      const gloss = fakeGloss(cost);
      const stop = new AbortController();
      watchPage(document, gloss, stop.signal);
      const text = document.querySelector('p')!.firstChild as Text;
      // Changes every 20 ms for 1.2 s.
      for (let i = 0; i < 60; i++) {
        text.data = `Krebs said ${i}`;
        await sleep(20);
      }
      stop.abort();
      counts[name] = gloss.passes.length;
    }
    // Cheap: about one pass per 100 ms (12), fewer on a slow machine. Costly: 50 ms per pass → 1 s apart.
    expect(counts.cheap).toBeGreaterThanOrEqual(5);
    expect(counts.costly).toBeGreaterThanOrEqual(1);
    expect(counts.costly).toBeLessThanOrEqual(2);
  });
});

describe('what the watcher ignores', () => {
  it('scripts, styles and frames added or removed (in the head or the body) cause no pass; a paragraph does', async () => {
    document.head.innerHTML = '<title>Story</title>';
    document.body.innerHTML = '<p>Krebs said</p>';
    const updates: Node[][] = [];
    const gloss: WatchedGloss = { annotator: { busyMs: 0 }, annotate() {}, update: (nodes) => void updates.push([...nodes]) };
    const stop = new AbortController();
    watchPage(document, gloss, stop.signal);
    const script = document.createElement('script');
    document.head.append(script, document.createElement('style'), document.createElement('meta'));
    document.head.querySelector('title')!.textContent = 'Story (updated)';
    document.body.append(document.createElement('script'), document.createElement('iframe'), document.createElement('link'));
    script.remove();
    await new Promise((r) => setTimeout(r, 250));
    expect(updates).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'Esper spoke.';
    document.body.append(p);
    await new Promise((r) => setTimeout(r, 250));
    stop.abort();
    expect(updates).toEqual([[p]]);
  });
});

describe('shadow roots attached later', () => {
  it('re-reads a custom element that attached a shadow root since it was read, which no mutation reports', async () => {
    document.body.innerHTML = '<p>Krebs</p><x-card></x-card>';
    const host = document.querySelector('x-card')!;
    let attached = false;
    const updates: Node[][] = [];
    const gloss: WatchedGloss = {
      annotator: { busyMs: 0, takeHostsWithNewRoots: () => (attached ? ((attached = false), [host]) : []) },
      annotate() {},
      update(nodes) {
        updates.push([...nodes]);
      },
    };
    const stop = new AbortController();
    watchPage(document, gloss, stop.signal);
    attached = true;
    // The first look is 250 ms after the watcher starts.
    await new Promise((r) => setTimeout(r, 900));
    stop.abort();
    expect(updates).toEqual([[host]]);
  });
});
