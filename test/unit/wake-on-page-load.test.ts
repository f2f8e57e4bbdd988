/** The worker readies its knowledge when a tab starts loading a page, and not on a tab's other updates. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (tabId: number, change: { status?: string; title?: string }) => void;
const listeners: Listener[] = [];
const filters: unknown[] = [];
/** Whether the event refuses a filter, as Chromium's does. */
let refusesFilters = false;
vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      onUpdated: {
        addListener: (l: Listener, filter?: unknown) => {
          if (filter && refusesFilters) throw new TypeError('This event does not support filters');
          listeners.push(l);
          filters.push(filter);
        },
      },
    },
  },
}));
const { prepareOnPageLoads } = await import('../../src/background/wake-on-page-load');

const fire = (change: { status?: string; title?: string }) => listeners.forEach((l) => l(7, change));

beforeEach(() => {
  listeners.length = 0;
  filters.length = 0;
});

describe('prepareOnPageLoads', () => {
  it('prepares when a tab starts loading, not when it finishes or changes its title', () => {
    const prepare = vi.fn();
    prepareOnPageLoads(prepare);
    fire({ title: 'Inbox (3)' });
    fire({ status: 'complete' });
    expect(prepare).not.toHaveBeenCalled();
    fire({ status: 'loading' });
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('asks to be woken for status changes only where the event takes a filter (Firefox), and listens unfiltered where not (Chromium)', () => {
    refusesFilters = false;
    prepareOnPageLoads(() => undefined);
    expect(filters).toEqual([{ properties: ['status'] }]);
    filters.length = 0;
    listeners.length = 0;
    refusesFilters = true;
    const prepare = vi.fn();
    prepareOnPageLoads(prepare);
    expect(filters).toEqual([undefined]);
    fire({ status: 'loading' });
    expect(prepare).toHaveBeenCalledTimes(1);
  });
});
