/**
 * A bounded map that forgets the least recently used entry first (Map keeps insertion order). The
 * bound counts entries, or, with `weigh`, the entries' weights (the worker's match cache counts
 * characters: a hostile page's huge blocks must not pile up in memory). An entry heavier than the
 * whole capacity is not kept.
 */
export class Lru<K, V> {
  readonly #map = new Map<K, V>();
  #weight = 0;
  constructor(
    readonly capacity: number,
    private readonly weigh: (key: K, value: V) => number = () => 1,
  ) {
    if (!(capacity >= 1)) throw new RangeError(`Lru capacity must be ≥ 1, got ${capacity}`);
  }
  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): void {
    this.#forget(key);
    const weight = this.weigh(key, value);
    if (weight > this.capacity) return;
    this.#map.set(key, value);
    this.#weight += weight;
    // An iterator only when something must go: the worker sets an entry for every new block of a page.
    if (this.#weight <= this.capacity) return;
    for (const oldest of this.#map.keys()) {
      if (this.#weight <= this.capacity) break;
      this.#forget(oldest);
    }
  }
  #forget(key: K): void {
    const value = this.#map.get(key);
    if (value === undefined) return;
    this.#map.delete(key);
    this.#weight -= this.weigh(key, value);
  }
  get size(): number {
    return this.#map.size;
  }
  clear(): void {
    this.#map.clear();
    this.#weight = 0;
  }
}
