/** The keyboard command in a tab whose page predates the install or update: Gloss starts there, and the step waits for its first report. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

let onCommand: ((command: string) => Promise<void>) | undefined;
const calls: string[] = [];
const state = { started: false, reportAfter: 0, asked: 0 };
vi.mock('webextension-polyfill', () => ({
  default: {
    commands: { onCommand: { addListener: (l: (command: string) => Promise<void>) => void (onCommand = l) } },
    tabs: { query: async () => [{ id: 8 }] },
  },
}));
vi.mock('../../src/start-in-tab', () => ({
  startInTab: async (tabId: number) => (calls.push(`start ${tabId}`), state.started),
}));
vi.mock('../../src/background/tab-results', () => ({
  tabEntities: async () => (++state.asked >= state.reportAfter ? { url: '', host: '', entities: [] } : null),
}));
vi.mock('../../src/background/step-mentions', () => ({
  stepInTab: async (tabId: number) => (calls.push(`step ${tabId} after ${state.asked} asks`), true),
}));
const { forwardCommands } = await import('../../src/background/commands');
forwardCommands();

beforeEach(() => {
  calls.length = 0;
  Object.assign(state, { started: false, reportAfter: 0, asked: 0 });
});

describe('the next-name command', () => {
  it('in a tab where Gloss runs: steps at once', async () => {
    await onCommand!('next-mention');
    expect(calls).toEqual(['start 8', 'step 8 after 0 asks']);
  });

  it('in a tab where it had to start Gloss: steps once the page has reported', async () => {
    Object.assign(state, { started: true, reportAfter: 3 });
    await onCommand!('next-mention');
    expect(calls).toEqual(['start 8', 'step 8 after 3 asks']);
  });

  it('ignores other commands', async () => {
    await onCommand!('something-else');
    expect(calls).toEqual([]);
  });
});
