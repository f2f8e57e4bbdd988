/** The worker readies its knowledge when a tab starts loading a page, and not on a tab's other updates. */
import { describe, expect, it, vi } from 'vitest';

type Listener = (tabId: number, change: { status?: string; title?: string }) => void;
const listeners: Listener[] = [];
vi.mock('webextension-polyfill', () => ({
  default: { tabs: { onUpdated: { addListener: (l: Listener) => listeners.push(l) } } },
}));
const { prepareOnPageLoads } = await import('../../src/background/wake-on-page-load');

describe('prepareOnPageLoads', () => {
  it('prepares when a tab starts loading, not when it finishes or changes its title', () => {
    const prepare = vi.fn();
    prepareOnPageLoads(prepare);
    const fire = (change: { status?: string; title?: string }) => listeners.forEach((l) => l(7, change));
    fire({ title: 'Inbox (3)' });
    fire({ status: 'complete' });
    expect(prepare).not.toHaveBeenCalled();
    fire({ status: 'loading' });
    expect(prepare).toHaveBeenCalledTimes(1);
  });
});
