import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/lru';

describe('Lru', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
  });

  it('overwriting a key refreshes it without growing', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('a', 10);
    lru.set('c', 3);
    expect(lru.get('a')).toBe(10);
    expect(lru.get('b')).toBeUndefined();
  });

  it('with a weight, forgets the oldest entries until the weights fit, and keeps nothing heavier than the whole', () => {
    const lru = new Lru<string, number>(10, (key) => key.length);
    lru.set('aaaa', 1);
    lru.set('bbbb', 2);
    lru.set('cc', 3); // 10: all fit
    expect(lru.size).toBe(3);
    lru.set('dddd', 4); // 14: the oldest goes
    expect(lru.get('aaaa')).toBeUndefined();
    expect([lru.get('bbbb'), lru.get('cc'), lru.get('dddd')]).toEqual([2, 3, 4]);
    lru.set('e'.repeat(11), 5);
    expect(lru.get('e'.repeat(11))).toBeUndefined();
    expect(lru.size).toBe(3);
    // Overwriting counts the entry once.
    lru.set('cc', 30);
    lru.set('cc', 31);
    expect([lru.get('bbbb'), lru.get('cc'), lru.get('dddd')]).toEqual([2, 31, 4]);
  });

  it('rejects a capacity below one', () => {
    expect(() => new Lru(0)).toThrow(/capacity/);
  });
});
