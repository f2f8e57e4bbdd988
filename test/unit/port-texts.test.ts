/** A port's next request may leave out the texts its previous one carried: the worker fills them in, or says it cannot. */
import { describe, expect, it, vi } from 'vitest';

// The protocol module, which holds the limits, loads the browser API it wraps.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { blockTexts } = await import('../../src/background/port-texts');
const { MAX_PAGE_TEXT, UNKNOWN_TEXT } = await import('../../src/protocol');

describe('texts a port sent before', () => {
  it('fills in the blocks a request left out from that port\'s previous request, and only from it', () => {
    const port = {};
    expect(blockTexts(port, [1, 2, 3], ['Krebs spoke.', 'CISA said.', 'Esper left.'])).toEqual(['Krebs spoke.', 'CISA said.', 'Esper left.']);
    // A live update: block 2 changed (a new block, 4), the rest unchanged.
    expect(blockTexts(port, [1, 4, 3], [null, 'CISA denied it.', null])).toEqual(['Krebs spoke.', 'CISA denied it.', 'Esper left.']);
    // Block 2 was not in the previous request: its text is gone, and the request is refused.
    expect(() => blockTexts(port, [1, 2], [null, null])).toThrow(UNKNOWN_TEXT);
    // After a refusal nothing is remembered: the tab sends every text again.
    expect(() => blockTexts(port, [1], [null])).toThrow(UNKNOWN_TEXT);
    expect(blockTexts(port, [1], ['Krebs spoke.'])).toEqual(['Krebs spoke.']);
  });

  it('keeps each port\'s texts apart (a restarted worker has none), and refuses a whole page over the limit', () => {
    const a = {};
    const b = {};
    blockTexts(a, [1], ['Krebs spoke.']);
    expect(() => blockTexts(b, [1], [null])).toThrow(UNKNOWN_TEXT);
    const half = 'x'.repeat(MAX_PAGE_TEXT / 2 + 1);
    blockTexts(a, [1], [half]);
    expect(() => blockTexts(a, [1, 2], [null, half])).toThrow(/over/);
  });
});
