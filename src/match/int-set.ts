/**
 * A set of 32-bit integers in one typed array (open addressing, linear probing). The linker puts a
 * page's word hashes here: hundreds of thousands of them on long pages, where a `Set<number>` would
 * box most hashes (V8 keeps only 31-bit integers unboxed) and spend its time allocating.
 */
export class IntSet {
  #table: Int32Array;
  #mask: number;
  #size = 0;
  /** 0 marks an empty slot, so the value 0 is kept aside. */
  #hasZero = false;

  constructor(expected = 64) {
    let capacity = 64;
    while (capacity < expected * 2) capacity *= 2;
    this.#table = new Int32Array(capacity);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size + (this.#hasZero ? 1 : 0);
  }

  add(value: number): void {
    if (value === 0) {
      this.#hasZero = true;
      return;
    }
    const table = this.#table;
    let s = (value ^ (value >>> 16)) & this.#mask;
    for (;;) {
      const v = table[s]!;
      if (v === value) return;
      if (v === 0) break;
      s = (s + 1) & this.#mask;
    }
    table[s] = value;
    if (++this.#size * 2 > table.length) this.#grow();
  }

  has(value: number): boolean {
    if (value === 0) return this.#hasZero;
    const table = this.#table;
    let s = (value ^ (value >>> 16)) & this.#mask;
    for (;;) {
      const v = table[s]!;
      if (v === value) return true;
      if (v === 0) return false;
      s = (s + 1) & this.#mask;
    }
  }

  #grow(): void {
    const old = this.#table;
    this.#table = new Int32Array(old.length * 2);
    this.#mask = this.#table.length - 1;
    this.#size = 0;
    for (const v of old) if (v !== 0) this.add(v);
  }
}
