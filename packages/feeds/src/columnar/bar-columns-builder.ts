import type { BarColumns, QuoteFlags } from './bar-columns.js';

const NO_QUOTES: QuoteFlags = { bid: false, ask: false, bidSize: false, askSize: false };

/**
 * Appends bars row by row into growable typed arrays, then hands out a trimmed {@link BarColumns}.
 *
 * Capacity doubles when full, so memory stays within twice the data; pass `capacity` when the row count is
 * known (e.g. from a Parquet footer) to allocate once. Symbols are interned in order of first use.
 * Rows are stored in the order pushed: sort with {@link validateBars} or {@link mergeBars} before replaying.
 */
export class BarColumnsBuilder {
  private readonly symbolIds = new Map<string, number>();
  private readonly symbolNames: string[] = [];
  private size = 0;
  private capacity: number;
  private ts: Float64Array;
  private sym: Int32Array;
  private o: Float64Array;
  private h: Float64Array;
  private l: Float64Array;
  private c: Float64Array;
  private v: Float64Array;
  private b: Float64Array | undefined;
  private a: Float64Array | undefined;
  private bs: Float64Array | undefined;
  private as: Float64Array | undefined;

  /**
   * @param quotes - which optional quote columns to keep (absent flags drop pushed quotes).
   * @param capacity - initial row capacity. @defaultValue 1024
   */
  constructor(quotes: QuoteFlags = NO_QUOTES, capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    const n = this.capacity;
    this.ts = new Float64Array(n);
    this.sym = new Int32Array(n);
    this.o = new Float64Array(n);
    this.h = new Float64Array(n);
    this.l = new Float64Array(n);
    this.c = new Float64Array(n);
    this.v = new Float64Array(n);
    this.b = quotes.bid ? new Float64Array(n) : undefined;
    this.a = quotes.ask ? new Float64Array(n) : undefined;
    this.bs = quotes.bidSize ? new Float64Array(n) : undefined;
    this.as = quotes.askSize ? new Float64Array(n) : undefined;
  }

  /** Rows pushed so far. */
  get length(): number {
    return this.size;
  }

  /** The id of `name`, registering it when new. */
  symbolId(name: string): number {
    let id = this.symbolIds.get(name);
    if (id === undefined) {
      id = this.symbolNames.length;
      this.symbolIds.set(name, id);
      this.symbolNames.push(name);
    }
    return id;
  }

  /** Appends one bar; `symbol` is an id from {@link BarColumnsBuilder.symbolId}. Quotes may be `NaN`. */
  push(
    timestamp: number,
    symbol: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    bid = Number.NaN,
    ask = Number.NaN,
    bidSize = Number.NaN,
    askSize = Number.NaN,
  ): void {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.ts[i] = timestamp;
    this.sym[i] = symbol;
    this.o[i] = open;
    this.h[i] = high;
    this.l[i] = low;
    this.c[i] = close;
    this.v[i] = volume;
    if (this.b) this.b[i] = bid;
    if (this.a) this.a[i] = ask;
    if (this.bs) this.bs[i] = bidSize;
    if (this.as) this.as[i] = askSize;
  }

  /**
   * The rows pushed so far as exact-length columns. When the builder is exactly full (e.g. it was sized from a
   * file's row count) its arrays are handed over without a copy; a later push reallocates first.
   */
  build(): BarColumns {
    const n = this.size;
    const cut = (x: Float64Array): Float64Array => (x.length === n ? x : x.slice(0, n));
    return {
      symbols: [...this.symbolNames],
      timestamp: cut(this.ts),
      symbol: this.sym.length === n ? this.sym : this.sym.slice(0, n),
      open: cut(this.o),
      high: cut(this.h),
      low: cut(this.l),
      close: cut(this.c),
      volume: cut(this.v),
      ...(this.b ? { bid: cut(this.b) } : {}),
      ...(this.a ? { ask: cut(this.a) } : {}),
      ...(this.bs ? { bidSize: cut(this.bs) } : {}),
      ...(this.as ? { askSize: cut(this.as) } : {}),
    };
  }

  private grow(): void {
    const n = this.capacity * 2;
    const f = (x: Float64Array): Float64Array => {
      const y = new Float64Array(n);
      y.set(x);
      return y;
    };
    this.ts = f(this.ts);
    const s = new Int32Array(n);
    s.set(this.sym);
    this.sym = s;
    this.o = f(this.o);
    this.h = f(this.h);
    this.l = f(this.l);
    this.c = f(this.c);
    this.v = f(this.v);
    if (this.b) this.b = f(this.b);
    if (this.a) this.a = f(this.a);
    if (this.bs) this.bs = f(this.bs);
    if (this.as) this.as = f(this.as);
    this.capacity = n;
  }
}
