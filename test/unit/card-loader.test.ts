/**
 * The card's code arrives after the reader first rests on a name: a card asked for meanwhile opens
 * when it arrives (the keyboard path asks before any rest), one closed meanwhile stays closed, and a
 * load that fails leaves no card and is tried again on the next rest.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CardHost } from '../../content-scripts/card-host';
import { LazyCardHost } from '../../content-scripts/card-loader';

vi.mock('webextension-polyfill', () => ({ default: {} }));

type Show = Parameters<CardHost['show']>;

/** A card module whose loads resolve only when the test says, recording what its cards were asked. */
function fakeModule() {
  const shown: Show[] = [];
  let hidden = 0;
  let warmed = 0;
  const loads: { resolve: () => void; reject: (e: Error) => void }[] = [];
  class FakeCardHost {
    show(...args: Show) {
      shown.push(args);
    }
    hide() {
      hidden++;
    }
    warmUp() {
      warmed++;
    }
    contains() {
      return true;
    }
    get isOpen() {
      return shown.length > 0;
    }
  }
  const load = () =>
    new Promise<typeof import('../../content-scripts/card-host')>((resolve, reject) => {
      loads.push({ resolve: () => resolve({ CardHost: FakeCardHost as unknown as typeof CardHost }), reject });
    });
  return { shown, hidden: () => hidden, warmed: () => warmed, loads, load };
}

const args = (name: string): Show => [{ reason: { alias: name } } as unknown as Show[0], {} as Show[1], {} as Show[2], false];
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LazyCardHost', () => {
  it('fetches the code once, when the pointer rests, and shows cards directly after', async () => {
    const m = fakeModule();
    const card = new LazyCardHost({} as Document, () => {}, m.load);
    expect(m.loads).toHaveLength(0);
    void card.prepare();
    void card.prepare();
    await settle();
    expect(m.loads).toHaveLength(1);
    m.loads[0]!.resolve();
    await settle();
    card.show(...args('Krebs'));
    expect(m.shown.map((s) => s[0].reason.alias)).toEqual(['Krebs']);
    expect(card.contains(null)).toBe(true);
    expect(m.loads).toHaveLength(1);
  });

  it('once the code arrives, the card gets ready for its first showing (its fonts, its messages) before it is asked for', async () => {
    const m = fakeModule();
    const card = new LazyCardHost({} as Document, () => {}, m.load);
    void card.prepare();
    await settle();
    expect(m.warmed()).toBe(0);
    m.loads[0]!.resolve();
    await settle();
    expect(m.warmed()).toBe(1);
    void card.prepare();
    card.show(...args('Krebs'));
    await settle();
    expect(m.warmed()).toBe(1);
  });

  it('a card asked for while the code loads opens when it arrives, with the latest content', async () => {
    const m = fakeModule();
    const card = new LazyCardHost({} as Document, () => {}, m.load);
    card.show(...args('Krebs'));
    card.show(...args('Christopher Krebs'));
    await settle();
    expect(m.shown).toHaveLength(0);
    expect(card.contains(null)).toBe(false);
    m.loads[0]!.resolve();
    await settle();
    expect(m.shown.map((s) => s[0].reason.alias)).toEqual(['Christopher Krebs']);
  });

  it('a card the keyboard asked for keeps its focus when its details arrive before the code', async () => {
    const m = fakeModule();
    const card = new LazyCardHost({} as Document, () => {}, m.load);
    const [model, actions, anchor] = args('Krebs');
    card.show(model, actions, anchor, true);
    card.show(...args('Christopher Krebs'));
    await settle();
    m.loads[0]!.resolve();
    await settle();
    expect(m.shown.map((s) => [s[0].reason.alias, s[3]])).toEqual([['Christopher Krebs', true]]);
  });

  it('a card closed while the code loads does not open when it arrives', async () => {
    const m = fakeModule();
    const card = new LazyCardHost({} as Document, () => {}, m.load);
    card.show(...args('Krebs'));
    card.hide();
    await settle();
    m.loads[0]!.resolve();
    await settle();
    expect(m.shown).toHaveLength(0);
  });

  it('a failed load shows nothing, warns, and the next rest tries again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const m = fakeModule();
    const card = new LazyCardHost({} as Document, () => {}, m.load);
    card.show(...args('Krebs'));
    await settle();
    m.loads[0]!.reject(new Error('gone'));
    await settle();
    expect(m.shown).toHaveLength(0);
    expect(warn).toHaveBeenCalledWith('Gloss could not load its card:', expect.any(Error));
    void card.prepare();
    await settle();
    expect(m.loads).toHaveLength(2);
    m.loads[1]!.resolve();
    await settle();
    card.show(...args('Krebs'));
    expect(m.shown).toHaveLength(1);
    warn.mockRestore();
  });

  it('a loader that throws at once (the extension was reloaded under the page) is a failed load, not an error in the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const card = new LazyCardHost({} as Document, () => {}, () => {
      throw new Error('Extension context invalidated.');
    });
    expect(() => card.prepare()).not.toThrow();
    expect(await card.prepare()).toBeUndefined();
    card.show(...args('Krebs'));
    await settle();
    expect(card.isOpen).toBe(false);
    expect(warn).toHaveBeenCalledWith('Gloss could not load its card:', expect.any(Error));
    warn.mockRestore();
  });
});
