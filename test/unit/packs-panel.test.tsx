/**
 * The options page's knowledge packs: counts in the right number, buttons named with their pack, and
 * a removal that can be undone, bringing the pack back as it was.
 * @vitest-environment happy-dom
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRoot } from './support/render-root';
import type { StoredPack } from '../../src/packs/compile-packs';

let local: Record<string, unknown> = {};
const browser = {
  i18n: { getMessage: () => '' },
  storage: {
    local: {
      get: async (key: string) => ({ [key]: structuredClone(local[key]) }),
      set: async (items: Record<string, unknown>) => void (local = { ...local, ...structuredClone(items) }),
    },
  },
  runtime: { sendMessage: async (m: { name: string }) => (m.name === 'bundledIds' ? { known: [] } : undefined) },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));
const { PacksPanel } = await import('../../popup/packs-panel');

const entity = (id: string, name: string) => ({
  id, type: 'organization', name, aliases: [{ text: name, kind: 'name' }], description: 'A test entity.', links: [{ label: 'example.org', url: 'https://example.org/' }], asOf: '2026-11-01', sources: ['test'],
});
const pack = (id: string, name: string, enabled: boolean, entities: number): StoredPack =>
  ({ id, name, enabled, importedAt: '2026-12-01T00:00:00Z', entities: Array.from({ length: entities }, (_, i) => entity(`${id}:e${i}`, `${name} Entity ${i}`)), sources: [{ id: 'test', name: 'Test', url: 'https://example.org/', licence: 'CC0-1.0' }], overrides: [] }) as StoredPack;

const root = renderRoot();
beforeEach(() => {
  local = { packs: [pack('a', 'Local newsroom', false, 1), pack('b', 'Sports desk', true, 3)] };
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
const item = (name: string) => root.querySelector(`[data-pack-name="${name}"]`)!;
const names = (el: Element) => [...el.querySelectorAll('button, input')].map((c) => c.getAttribute('aria-label'));
const storedPacks = () => (local.packs as StoredPack[]).map((p) => [p.name, p.enabled]);

describe('PacksPanel', () => {
  it('counts one entity as one, and names each pack’s controls with the pack', async () => {
    act(() => render(<PacksPanel />, root));
    await settle();
    expect(item('Local newsroom').textContent).toContain('Local newsroom · 1 entity');
    expect(item('Sports desk').textContent).toContain('Sports desk · 3 entities');
    expect(names(item('Local newsroom'))).toEqual(['Use this pack: Local newsroom', 'Export Local newsroom', 'Remove Local newsroom']);
  });

  it('says what it removed and undoes it: the pack comes back in its place, still off, with focus on its Remove', async () => {
    act(() => render(<PacksPanel />, root));
    await settle();
    act(() => item('Local newsroom').querySelector<HTMLButtonElement>('[data-testid="pack-remove"]')!.click());
    await settle();
    expect(storedPacks()).toEqual([['Sports desk', true]]);
    expect(root.querySelector('[data-testid="pack-status"]')!.textContent).toBe('Removed “Local newsroom”.');
    const undo = root.querySelector<HTMLButtonElement>('[data-testid="pack-undo"]')!;
    expect(undo.getAttribute('aria-label')).toBe('Undo: put back Local newsroom');
    // The Remove button is gone with its pack: focus is on Undo, one key away.
    expect(document.activeElement).toBe(undo);

    act(() => undo.click());
    await settle();
    expect(storedPacks()).toEqual([['Local newsroom', false], ['Sports desk', true]]);
    expect(root.querySelector('[data-testid="pack-undo"]')).toBeNull();
    expect(document.activeElement).toBe(item('Local newsroom').querySelector('[data-testid="pack-remove"]'));
  });
});
