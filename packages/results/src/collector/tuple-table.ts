/** How many recently coded tuples {@link TupleTable.code} compares before a hash lookup. */
const RECENT = 4;
/** An entry of a tuple. */
type Entry = string | undefined;

/**
 * A table of distinct tuples of up to seven strings (or `undefined`): a record's categorical fields (side,
 * order type, exit reason…) are stored as one index instead of one per field. Append-only.
 *
 * {@link TupleTable.code} takes the entries as arguments (nothing is written to memory unless the tuple is
 * new); runs of a few alternating tuples are answered without hashing.
 */
export class TupleTable {
  /** The distinct tuples, by index (all of seven entries, unused ones undefined). */
  readonly tuples: (readonly Entry[])[] = [];
  private readonly index = new Map<string, number>();
  /** Indices of recently coded tuples (−1: none), replaced in turn on a miss. */
  private readonly recent = new Int32Array(RECENT).fill(-1);
  private replace = 0;

  /** The index of the tuple `(a, b, c, d, e, f, g)`, added on first sight. */
  code(a: Entry, b: Entry, c: Entry, d?: Entry, e?: Entry, f?: Entry, g?: Entry): number {
    const recent = this.recent;
    for (let r = 0; r < RECENT; r++) {
      const k = recent[r] as number;
      if (k < 0) continue;
      const t = this.tuples[k] as readonly Entry[];
      if (t[0] === a && t[1] === b && t[2] === c && t[3] === d && t[4] === e && t[5] === f && t[6] === g) return k;
    }
    const tuple = [a, b, c, d, e, f, g];
    // Entries are strings or undefined: JSON (undefined as null) names a tuple unambiguously.
    const key = JSON.stringify(tuple);
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.tuples.length;
      this.tuples.push(tuple);
      this.index.set(key, k);
    }
    recent[this.replace] = k;
    this.replace = (this.replace + 1) % RECENT;
    return k;
  }
}
