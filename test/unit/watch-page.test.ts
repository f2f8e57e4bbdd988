/**
 * The page watcher spaces its passes by what they cost: a cheap page is re-read 100 ms after a
 * change, a page whose passes are costly only as often as keeps Gloss's script to MAX_BUSY_SHARE of
 * the main thread, and no change waits more than 3 s.
 * @vitest-environment happy-dom
 */
import { describe, expect, it } from 'vitest';
import { delayBeforePass, MAX_BUSY_SHARE, QUIET_INTERVAL_MS, QUIET_PASSES, watchPage, type WatchedGloss } from '../../content-scripts/watch-page';

describe('spacing passes', () => {
  it('waits 100 ms after a cheap pass, its cost ÷ MAX_BUSY_SHARE after a costly one, and at most 3 s', () => {
    expect(delayBeforePass(1000, 2, 1000)).toBe(100);
    expect(delayBeforePass(1000, 2, 1150)).toBe(0);
    expect(delayBeforePass(1000, 40, 1000)).toBe(40 / MAX_BUSY_SHARE);
    expect(delayBeforePass(1000, 40, 1000 + 40 / MAX_BUSY_SHARE - 100)).toBe(100);
    expect(delayBeforePass(1000, 10_000, 1000)).toBe(3000);
  });

  it('waits QUIET_INTERVAL_MS once QUIET_PASSES passes in a row changed no name, and as before until then', () => {
    expect(delayBeforePass(1000, 2, 1000, QUIET_PASSES - 1)).toBe(100);
    expect(delayBeforePass(1000, 2, 1000, QUIET_PASSES)).toBe(QUIET_INTERVAL_MS);
    expect(delayBeforePass(1000, 2, 1200, QUIET_PASSES + 5)).toBe(QUIET_INTERVAL_MS - 200);
    // A costly page's own spacing, when longer, still holds.
    expect(delayBeforePass(1000, 40, 1000, QUIET_PASSES)).toBe(40 / MAX_BUSY_SHARE);
  });

  /** A fake Gloss whose every pass costs `costMs` of main thread (and changes no name, when `quiet`); records when passes ran. */
  function fakeGloss(costMs: number, quiet = false): WatchedGloss & { passes: number[] } {
    const gloss = {
      passes: [] as number[],
      annotator: { busyMs: 0, quietPasses: 0 },
      annotate() {},
      update() {
        gloss.passes.push(performance.now());
        gloss.annotator.busyMs += costMs;
        if (quiet) gloss.annotator.quietPasses++;
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

  it('on a page whose changes show no name, passes come every 100 ms until QUIET_PASSES of them, then every QUIET_INTERVAL_MS', async () => {
    document.body.innerHTML = '<p>Updated 0 ms ago</p>';
    const gloss = fakeGloss(1, true);
    const stop = new AbortController();
    watchPage(document, gloss, stop.signal);
    const text = document.querySelector('p')!.firstChild as Text;
    // Changes every 10 ms for 2.5 s: ~10 passes in the first second, then two a second.
    const until = performance.now() + 2500;
    for (let i = 0; performance.now() < until; i++) {
      text.data = `Updated ${i * 10} ms ago`;
      await sleep(10);
    }
    stop.abort();
    const passes = gloss.passes;
    expect(passes.length).toBeGreaterThanOrEqual(QUIET_PASSES);
    expect(passes.length).toBeLessThanOrEqual(QUIET_PASSES + 4);
    for (let k = QUIET_PASSES + 1; k < passes.length; k++) expect(passes[k]! - passes[k - 1]!).toBeGreaterThanOrEqual(QUIET_INTERVAL_MS - 20);
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

describe('attributes that decide what is read', () => {
  it('re-reads an element that stops or starts being skipped (aria-hidden, hidden, translate, contenteditable); no other change of them', async () => {
    document.body.innerHTML = '<main aria-hidden="true"><p>Krebs said</p><p>Esper said</p></main><div aria-hidden="false">Menu</div>';
    const [main, menu] = [document.querySelector('main')!, document.querySelector('div')!];
    const [first, second] = document.querySelectorAll('p');
    const updates: Node[][] = [];
    const gloss: WatchedGloss = { annotator: { busyMs: 0 }, annotate() {}, update: (nodes) => void updates.push([...nodes]) };
    const stop = new AbortController();
    watchPage(document, gloss, stop.signal);
    const settle = () => new Promise((r) => setTimeout(r, 250));
    // Set again to what it was, or to another value that reads the same: nothing to read again.
    menu.setAttribute('aria-hidden', 'false');
    main.setAttribute('aria-hidden', 'true');
    first!.setAttribute('translate', 'yes');
    first!.setAttribute('contenteditable', 'false');
    first!.setAttribute('class', 'lead');
    await settle();
    expect(updates).toEqual([]);
    // The dialog closes: the story is read.
    main.removeAttribute('aria-hidden');
    await settle();
    expect(updates).toEqual([[main]]);
    second!.hidden = true;
    first!.setAttribute('translate', 'no');
    await settle();
    menu.setAttribute('contenteditable', '');
    await settle();
    stop.abort();
    expect(updates.slice(1)).toEqual([[second, first], [menu]]);
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
