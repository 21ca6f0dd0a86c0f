/** Initial number of slots (a power of two). */
const FIRST_CAPACITY = 64;

/**
 * A map from string ids to values for sets that keep changing, such as the working orders of a broker:
 * an open-addressing hash table (linear probing, deletion by backward shift) that only ever grows and clears
 * every slot it frees.
 *
 * Why not a `Map`: a `Map` whose size goes up and down replaces its hash table again and again, and V8 links
 * each replaced table to its successor. Once one table has been promoted to the old generation, that chain
 * keeps every later table, and the values they hold, alive through each young-generation GC until the next
 * full GC; they are promoted, and the old generation grows for nothing (about 90 MB over a run of the W2
 * benchmark, with the broker's working orders in a `Map`). An `IdMap` keeps no reference to a deleted value.
 *
 * @typeParam V - the values
 *
 * @example
 * ```ts
 * const working = new IdMap<Order>();
 * working.set(order.id, order);
 * working.get('O7'); // the order, or undefined
 * working.delete(order.id);
 * ```
 */
export class IdMap<V> {
  private keys: (string | undefined)[] = new Array<string | undefined>(FIRST_CAPACITY).fill(undefined);
  private values: (V | undefined)[] = new Array<V | undefined>(FIRST_CAPACITY).fill(undefined);
  private hashes = new Int32Array(FIRST_CAPACITY);
  private mask = FIRST_CAPACITY - 1;
  private count = 0;

  /** Number of entries. */
  get size(): number {
    return this.count;
  }

  /** Sets the value of `id`, replacing any value it had. */
  set(id: string, value: V): void {
    const h = hashOf(id);
    const at = this.find(id, h);
    if (at >= 0) {
      this.values[at] = value;
      return;
    }
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    this.place(id, h, value);
    this.count += 1;
  }

  /** The value of `id`, `undefined` if none. */
  get(id: string): V | undefined {
    if (this.count === 0) return undefined;
    const at = this.find(id, hashOf(id));
    return at < 0 ? undefined : this.values[at];
  }

  /** Removes `id` and its value; false if it was absent. */
  delete(id: string): boolean {
    if (this.count === 0) return false;
    let hole = this.find(id, hashOf(id));
    if (hole < 0) return false;
    const { keys, values, hashes, mask } = this;
    keys[hole] = undefined;
    values[hole] = undefined;
    this.count -= 1;
    // Backward shift: move up each later entry of the run whose home slot is not between the hole and it.
    for (let j = (hole + 1) & mask; keys[j] !== undefined; j = (j + 1) & mask) {
      const home = (hashes[j] as number) & mask;
      const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      keys[hole] = keys[j];
      values[hole] = values[j];
      hashes[hole] = hashes[j] as number;
      keys[j] = undefined;
      values[j] = undefined;
      hole = j;
    }
    return true;
  }

  /** The slot holding `id` (hash `h`), −1 if absent. */
  private find(id: string, h: number): number {
    const { keys, mask } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const key = keys[i];
      if (key === undefined) return -1;
      if (key === id) return i;
    }
  }

  private place(id: string, h: number, value: V): void {
    const { keys, mask } = this;
    let i = h & mask;
    while (keys[i] !== undefined) i = (i + 1) & mask;
    keys[i] = id;
    this.values[i] = value;
    this.hashes[i] = h;
  }

  private grow(): void {
    const { keys, values, hashes } = this;
    const capacity = keys.length * 2;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined) this.place(key, hashes[i] as number, values[i] as V);
    }
    // The old arrays may sit in the old generation until the next full GC: leave them holding nothing.
    keys.fill(undefined);
    values.fill(undefined);
  }
}

/** FNV-1a over the UTF-16 code units of `s`, as a 32-bit integer. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
