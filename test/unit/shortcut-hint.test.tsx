/**
 * The popup tells a keyboard user the shortcut that steps through the page's names, as they have it set.
 * @vitest-environment happy-dom
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const browser: { commands?: { getAll: () => Promise<{ name?: string; shortcut?: string }[]> }; i18n: { getMessage: () => string } } = { i18n: { getMessage: () => '' } };
vi.mock('webextension-polyfill', () => ({ default: browser }));
const { ShortcutHint } = await import('../../popup/shortcut-hint');

async function hint(): Promise<string | null> {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<ShortcutHint />, root));
  // The effect asks the browser; its answer re-renders.
  await act(() => new Promise((r) => setTimeout(r, 10)));
  return root.querySelector('[data-testid="shortcut-hint"]')?.textContent ?? null;
}

describe('ShortcutHint', () => {
  beforeEach(() => void (browser.commands = undefined));

  it('shows the shortcut the reader has set', async () => {
    browser.commands = { getAll: async () => [{ name: '_execute_action' }, { name: 'next-mention', shortcut: 'Ctrl+Shift+9' }] };
    expect(await hint()).toBe('Next name on the page: Ctrl+Shift+9');
  });

  it('says where to set one when the reader has cleared it', async () => {
    browser.commands = { getAll: async () => [{ name: 'next-mention', shortcut: '' }] };
    expect(await hint()).toContain('Set a keyboard shortcut');
  });

  it('says nothing where the browser has no commands, or will not say', async () => {
    expect(await hint()).toBeNull();
    browser.commands = { getAll: () => Promise.reject(new Error('no')) };
    expect(await hint()).toBeNull();
  });
});
