import { Decimal, type Money } from '@ml4t/core';

/** A per-field table of distinct strings: a string is stored as its index. */
export class StringTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  /** The index of `value`, added on first sight. */
  code(value: string): number {
    let k = this.index.get(value);
    if (k === undefined) {
      k = this.values.length;
      this.values.push(value);
      this.index.set(value, k);
    }
    return k;
  }
}

/**
 * The code of a sequential id `<prefix><n>` (n ≥ 1, no leading zero, at most 9 digits): `n`; any other string
 * is stored in `table` and coded as `−(index + 1)`. Decoded by {@link idOf}.
 */
export function idCode(id: string, prefix: number, table: StringTable): number {
  const len = id.length;
  if (len >= 2 && len <= 10 && id.charCodeAt(0) === prefix) {
    let value = 0;
    let k = 1;
    for (; k < len; k++) {
      const digit = id.charCodeAt(k) - 48;
      if (digit < 0 || digit > 9 || (k === 1 && digit === 0)) break;
      value = value * 10 + digit;
    }
    if (k === len) return value;
  }
  return -table.code(id) - 1;
}

/** The id of an {@link idCode} code. */
export function idOf(code: number, prefix: string, table: StringTable): string {
  return code > 0 ? prefix + code : (table.values[-code - 1] as string);
}

/** True if `value` is an int32 (and not −0). */
export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && (value | 0) === value && (value !== 0 || 1 / value > 0);
}

/**
 * Exact money in fixed-size `Int32Array` chunks: per amount a header (number of base-10⁷ words × 2 + sign bit),
 * the exponent and decimal.js's digit words (its documented `d`, `e`, `s` instance properties), instead of a
 * Decimal with its digit array (~130 bytes). An amount is its offset (chunk × chunk size + position). Chunks are
 * never copied or replaced. Consecutive stores of the same object in one slot (e.g. the shared zero of market
 * impact) share one offset.
 */
export class MoneyPool {
  private readonly chunks: Int32Array[] = [];
  private chunk: Int32Array = new Int32Array(0);
  private pos = 0;
  private readonly lastValue: (Money | undefined)[];
  private readonly lastOffset: number[];

  constructor(
    slots: number,
    private readonly chunkWords = 1 << 16,
  ) {
    this.lastValue = new Array<Money | undefined>(slots).fill(undefined);
    this.lastOffset = new Array<number>(slots).fill(-1);
  }

  /** True if {@link MoneyPool.store} can represent `value` exactly (a finite Decimal of ml4t's class). */
  static fits(value: unknown): value is Money {
    if (typeof value !== 'object' || value === null || (value as Money).constructor !== Decimal) return false;
    const { d, e, s } = value as Money;
    return d !== null && d !== undefined && d.length > 0 && isInt32(e) && (s === 1 || s === -1);
  }

  /** Stores `value` (checked with {@link MoneyPool.fits}) and returns its offset. */
  store(value: Money, slot: number): number {
    if (this.lastValue[slot] === value) return this.lastOffset[slot] as number;
    const d = value.d;
    const len = d.length;
    if (this.pos + len + 2 > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(this.chunkWords, len + 2));
      this.chunks.push(this.chunk);
      this.pos = 0;
    }
    const w = this.chunk;
    const pos = this.pos;
    w[pos] = len * 2 + (value.s < 0 ? 1 : 0);
    w[pos + 1] = value.e;
    for (let k = 0; k < len; k++) w[pos + 2 + k] = d[k] as number;
    this.pos = pos + 2 + len;
    const offset = (this.chunks.length - 1) * this.chunkWords + pos;
    this.lastValue[slot] = value;
    this.lastOffset[slot] = offset;
    return offset;
  }

  /** A reader of the amounts stored so far (and later: chunks are append-only). */
  reader(slots: number): MoneyReader {
    return new MoneyReader(this.chunks, this.chunkWords, slots);
  }
}

/** Rebuilds Decimals from a {@link MoneyPool}'s chunks; repeated offsets in a slot share one Decimal. */
export class MoneyReader {
  private readonly lastOffset: number[];
  private readonly lastValue: (Money | undefined)[];

  constructor(
    private readonly chunks: readonly Int32Array[],
    private readonly chunkWords: number,
    slots: number,
  ) {
    this.lastOffset = new Array<number>(slots).fill(-1);
    this.lastValue = new Array<Money | undefined>(slots).fill(undefined);
  }

  read(offset: number, slot: number): Money {
    if (this.lastOffset[slot] === offset) return this.lastValue[slot] as Money;
    const c = Math.floor(offset / this.chunkWords);
    const w = this.chunks[c] as Int32Array;
    const pos = offset - c * this.chunkWords;
    const header = w[pos] as number;
    const len = header >> 1;
    let digits = String(w[pos + 2]);
    for (let k = 1; k < len; k++) digits += String(w[pos + 2 + k]).padStart(7, '0');
    const sign = (header & 1) !== 0 ? '-' : '';
    const e = w[pos + 1] as number;
    const text = digits.length === 1 ? `${sign}${digits}e${e}` : `${sign}${digits[0]}.${digits.slice(1)}e${e}`;
    const value = new Decimal(text);
    this.lastOffset[slot] = offset;
    this.lastValue[slot] = value;
    return value;
  }
}

/**
 * Row storage in fixed-size chunks of `rows` rows × `stride` values: growing allocates a chunk and never copies
 * or frees one (a doubled-and-copied column leaves its old buffer to the next major GC, which can be far off).
 */
export class ChunkedRows<T extends Int32Array | Float64Array> {
  readonly chunks: T[] = [];

  constructor(
    private readonly make: (n: number) => T,
    readonly rows: number,
    readonly stride: number,
  ) {}

  /** The chunk holding row `i` (rows are added in order, so at most one new chunk). */
  chunkFor(i: number): T {
    const c = Math.floor(i / this.rows);
    if (c === this.chunks.length) this.chunks.push(this.make(this.rows * this.stride));
    return this.chunks[c] as T;
  }
}

/** The flag bit (in a {@link RowStore}'s flags column) of a row kept as it came; other flag bits are the log's. */
export const RAW_ROW = 1;

/**
 * The base of a compact log of `R` records: float and int columns in {@link ChunkedRows}, the row count and the
 * records kept as they came (flagged {@link RAW_ROW} in the int column `flagsColumn`). {@link RowStore.append}
 * exposes the new row's index, chunks and offsets as fields (no per-row allocation); the log codes its fields
 * there and decodes them in {@link RowStore.rebuild}.
 */
export class RowStore<R> {
  private readonly num: ChunkedRows<Float64Array>;
  private readonly int: ChunkedRows<Int32Array>;
  private readonly raw = new Map<number, R>();
  /** The index of the row last appended. */
  protected row = -1;
  /** The float chunk of the row last appended. */
  protected numChunk: Float64Array = new Float64Array(0);
  /** The int chunk of the row last appended. */
  protected intChunk: Int32Array = new Int32Array(0);
  /** The offset of the last appended row's first float in {@link RowStore.numChunk}. */
  protected numAt = 0;
  /** The offset of the last appended row's first int in {@link RowStore.intChunk}. */
  protected intAt = 0;
  private n = 0;

  /**
   * @param chunkRows - rows per storage chunk
   * @param floats - float columns per row
   * @param ints - int columns per row
   * @param flagsColumn - the int column holding the row's flag bits
   */
  constructor(
    chunkRows: number,
    floats: number,
    ints: number,
    private readonly flagsColumn: number,
  ) {
    this.num = new ChunkedRows((n) => new Float64Array(n), chunkRows, floats);
    this.int = new ChunkedRows((n) => new Int32Array(n), chunkRows, ints);
  }

  /** The number of rows appended. */
  get length(): number {
    return this.n;
  }

  /**
   * Appends a row for `record` and points the row, chunk and offset fields at it. Returns `coded`: if false,
   * the row is flagged {@link RAW_ROW} and `record` kept as it came; if true, the caller codes the row.
   */
  protected append(record: R, coded: boolean): boolean {
    const i = this.n;
    this.numChunk = this.num.chunkFor(i);
    this.intChunk = this.int.chunkFor(i);
    const r = i % this.int.rows;
    this.intAt = r * this.int.stride;
    this.numAt = r * this.num.stride;
    this.row = i;
    this.n = i + 1;
    if (!coded) {
      this.intChunk[this.intAt + this.flagsColumn] = RAW_ROW;
      this.raw.set(i, record);
    }
    return coded;
  }

  /**
   * The first `n` rows as records: raw rows as they came, the others from `decode` (given the row's chunks, its
   * float and int offsets, its flags and its index).
   */
  protected rebuild(
    n: number,
    decode: (num: Float64Array, b: number, int: Int32Array, a: number, flags: number, i: number) => R,
  ): R[] {
    const out: R[] = new Array(n);
    const rows = this.int.rows;
    const nf = this.num.stride;
    const ni = this.int.stride;
    const flagsColumn = this.flagsColumn;
    for (let i = 0; i < n; i++) {
      const c = Math.floor(i / rows);
      const num = this.num.chunks[c] as Float64Array;
      const int = this.int.chunks[c] as Int32Array;
      const a = (i - c * rows) * ni;
      const flags = int[a + flagsColumn] as number;
      out[i] = (flags & RAW_ROW) !== 0 ? (this.raw.get(i) as R) : decode(num, (i - c * rows) * nf, int, a, flags, i);
    }
    return out;
  }
}

/** A function returning `build()`, called on its first call only (later calls return the same value). */
export function lazily<T>(build: () => T): () => T {
  let built: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      built = build();
      done = true;
    }
    return built as T;
  };
}
