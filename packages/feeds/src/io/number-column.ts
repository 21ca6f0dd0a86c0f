/**
 * Reads decoded columns (Parquet batches) as `Float64Array`s, so that a loader can copy numbers without a
 * conversion, or an allocation, per cell.
 */
export class NumberColumn {
  private buffer = new Float64Array(0);

  /**
   * The first `count` cells of `values` as numbers: `values` itself when it is a `Float64Array`, else a copy
   * into this reader's buffer (valid until the next call) when every one of those cells is a number;
   * `undefined` when one is not (text, bigint, `null`…), for the caller to read cell by cell.
   */
  read(values: ArrayLike<unknown>, count: number): Float64Array | undefined {
    if (values instanceof Float64Array) return values;
    if (this.buffer.length < count) this.buffer = new Float64Array(count);
    const out = this.buffer;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (typeof v !== 'number') return undefined;
      out[i] = v;
    }
    return out;
  }
}
