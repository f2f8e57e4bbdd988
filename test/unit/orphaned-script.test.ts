/** A content script whose extension was updated, reloaded or switched off under the page: it stops, and a newer one takes over. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const runtime: { id?: string } = { id: 'gloss-id' };
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));
const { stopWhenOrphaned, takeOver } = await import('../../content-scripts/orphaned-script');

/** A window for these tests: a fresh global object and event target. */
const fakeWindow = () => new EventTarget() as unknown as Window;

beforeEach(() => {
  runtime.id = 'gloss-id';
});

describe('takeOver', () => {
  it('stops the Gloss that ran in the document before, once, and leaves the newer one to the next', () => {
    const win = fakeWindow();
    const first = vi.fn();
    const second = vi.fn();
    takeOver(win, first);
    expect(first).not.toHaveBeenCalled();
    takeOver(win, second);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    // The same script starting over (a page rewritten with document.open) does not stop itself.
    takeOver(win, second);
    expect(second).not.toHaveBeenCalled();
  });

  it('keeps to its own document', () => {
    const stop = vi.fn();
    takeOver(fakeWindow(), stop);
    takeOver(fakeWindow(), vi.fn());
    expect(stop).not.toHaveBeenCalled();
  });

  it('an old script whose teardown throws does not keep the new one from starting', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const win = fakeWindow();
    takeOver(win, () => {
      throw new Error('dead API');
    });
    const next = vi.fn();
    expect(() => takeOver(win, next)).not.toThrow();
    takeOver(win, vi.fn());
    expect(next).toHaveBeenCalledTimes(1);
  });
});

describe('stopWhenOrphaned', () => {
  it('stops at the reader\'s first move once the extension is gone, not before, and not after its signal', () => {
    const win = fakeWindow();
    const stop = vi.fn();
    const life = new AbortController();
    stopWhenOrphaned(win, stop, life.signal);
    win.dispatchEvent(new Event('pointermove'));
    win.dispatchEvent(new Event('scroll'));
    expect(stop).not.toHaveBeenCalled();

    delete runtime.id;
    for (const type of ['pointermove', 'keydown', 'scroll']) win.dispatchEvent(new Event(type));
    expect(stop).toHaveBeenCalledTimes(3);

    life.abort();
    win.dispatchEvent(new Event('pointermove'));
    expect(stop).toHaveBeenCalledTimes(3);
  });
});
