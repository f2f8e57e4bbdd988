/**
 * The settings' names hold for every highlight style: a reader who chose a tint, or no mark at all, is
 * not asked how to "underline".
 * @vitest-environment happy-dom
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' } } }));
const { SettingsPanel } = await import('../../popup/settings-panel');
const { defaults, HIGHLIGHT_STYLES } = await import('../../src/settings');

describe('the density setting', () => {
  it.each(HIGHLIGHT_STYLES)('is named for what it does, whatever the style (%s)', (highlightStyle) => {
    const root = document.createElement('div');
    render(<SettingsPanel settings={{ ...defaults, highlightStyle }} change={() => undefined} />, root);
    const select = root.querySelector('[data-testid="density"]')!;
    const label = select.closest('label')!.querySelector('span')!.textContent;
    const options = [...select.querySelectorAll('option')].map((o) => o.textContent);
    expect([label, options]).toEqual(['Mark', ['every mention', 'first in each section']]);
    expect(`${label} ${options.join(' ')}`).not.toMatch(/underline/i);
  });
});
