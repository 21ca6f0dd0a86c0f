/**
 * A typed-array column that doubles when full, for a column whose final length may be unknown.
 *
 * Give the expected length as `capacity` when it is known (e.g. a Parquet footer's row count): the column is
 * then allocated once and {@link GrowableColumn.take} hands the storage over without a copy.
 */
export class GrowableColumn<T extends Float64Array | Int32Array> {
  private data: T;
  private size = 0;

  /**
   * @param create - allocates a zeroed array of the given length (`(n) => new Float64Array(n)`).
   * @param capacity - initial length. @defaultValue 1024
   */
  constructor(
    private readonly create: (length: number) => T,
    capacity = 1024,
  ) {
    this.data = create(Math.max(1, capacity));
  }

  /** Values pushed so far. */
  get length(): number {
    return this.size;
  }

  /** Appends `value`, doubling the storage when it is full. */
  push(value: number): void {
    if (this.size === this.data.length) {
      const next = this.create(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = value;
  }

  /**
   * The values pushed, as an exact-length array: the storage itself when it is exactly full, else a trimmed
   * copy. Call it once, after the last push.
   */
  take(): T {
    return this.size === this.data.length ? this.data : (this.data.slice(0, this.size) as T);
  }
}
