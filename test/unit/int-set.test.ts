/** The linker's integer set agrees with a `Set<number>` on any sequence of 32-bit values, zero and growth included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntSet } from '../../src/match/int-set';

describe('IntSet', () => {
  it('has exactly what was added', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 300 }), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 50 }), (added, probes) => {
        const set = new IntSet(4);
        const reference = new Set<number>();
        for (const v of [...added, 0, ...added.slice(0, 5)].slice(0, added.length + (added.length % 2))) {
          set.add(v);
          reference.add(v);
        }
        expect(set.size).toBe(reference.size);
        for (const v of [...added, ...probes, 0]) expect(set.has(v)).toBe(reference.has(v));
      }),
      { numRuns: 300 },
    );
  });
});
