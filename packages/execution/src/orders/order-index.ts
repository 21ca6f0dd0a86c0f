import type { WorkingOrder } from './working-order.js';

/** Initial number of slots (a power of two). */
const FIRST_CAPACITY = 64;

/**
 * The broker's working orders by id: an open-addressing hash table (linear probing, deletion by backward
 * shift) that only ever grows and clears the slots it frees.
 *
 * Why not a `Map`: a `Map` whose size goes up and down with the working set replaces its hash table again and
 * again, and V8 links each replaced table to its successor. Once one table has been promoted to the old
 * generation, that chain keeps every later table, and the orders they hold, alive through each
 * young-generation GC until the next full GC: they are promoted and the old generation grows for nothing
 * (measured on the W2 benchmark: about 90 MB over a run). This table keeps no reference to a finished order.
 *
 * @internal
 */
export class OrderIndex {
  private keys: (string | undefined)[] = new Array<string | undefined>(FIRST_CAPACITY).fill(undefined);
  private orders: (WorkingOrder | undefined)[] = new Array<WorkingOrder | undefined>(FIRST_CAPACITY).fill(undefined);
  private hashes = new Int32Array(FIRST_CAPACITY);
  private mask = FIRST_CAPACITY - 1;
  private count = 0;

  /** Number of orders in the index. */
  get size(): number {
    return this.count;
  }

  /** Adds `order` under its id, replacing an order with the same id. */
  add(order: WorkingOrder): void {
    const id = order.id;
    const h = hashOf(id);
    const at = this.find(id, h);
    if (at >= 0) {
      this.orders[at] = order;
      return;
    }
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    this.place(id, h, order);
    this.count += 1;
  }

  /** The order with id `id`, `undefined` if none. */
  get(id: string): WorkingOrder | undefined {
    const at = this.find(id, hashOf(id));
    return at < 0 ? undefined : this.orders[at];
  }

  /** Removes the order with id `id`, if any. */
  delete(id: string): void {
    let hole = this.find(id, hashOf(id));
    if (hole < 0) return;
    const { keys, orders, hashes, mask } = this;
    keys[hole] = undefined;
    orders[hole] = undefined;
    this.count -= 1;
    // Backward shift: move up every later entry of the run whose home slot is not between the hole and it.
    for (let j = (hole + 1) & mask; keys[j] !== undefined; j = (j + 1) & mask) {
      const home = (hashes[j] as number) & mask;
      const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      keys[hole] = keys[j];
      orders[hole] = orders[j];
      hashes[hole] = hashes[j] as number;
      keys[j] = undefined;
      orders[j] = undefined;
      hole = j;
    }
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

  private place(id: string, h: number, order: WorkingOrder): void {
    const { keys, mask } = this;
    let i = h & mask;
    while (keys[i] !== undefined) i = (i + 1) & mask;
    keys[i] = id;
    this.orders[i] = order;
    this.hashes[i] = h;
  }

  private grow(): void {
    const { keys, orders, hashes } = this;
    const capacity = keys.length * 2;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.orders = new Array<WorkingOrder | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined) this.place(key, hashes[i] as number, orders[i] as WorkingOrder);
    }
    // The old arrays may sit in the old generation until the next full GC: leave them holding nothing.
    keys.fill(undefined);
    orders.fill(undefined);
  }
}

/** FNV-1a over the UTF-16 code units of `s`, as a 32-bit integer. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
