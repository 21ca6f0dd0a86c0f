import { type BarSink, type DataFeed, DataValidationError, type MarketEvent, type Timestamp } from '@ml4t/core';
import { Observable } from 'rxjs';
import type { BarColumns } from './bar-columns.js';
import { lowerBound } from './order-bars.js';

/** Options of {@link ColumnarFeed}. */
export interface ColumnarFeedOptions {
  /**
   * Name used in error messages (usually the file the bars came from).
   * @defaultValue `'columnar'`
   */
  readonly name?: string;
}

/**
 * A {@link DataFeed} replaying bars held in memory as typed-array columns: the workhorse every other source
 * (CSV, Parquet, Arrow, {@link MultiSymbolDataFeed}, the synthetic market) loads into.
 *
 * The rows must be sorted by timestamp, then symbol index, with at most one bar per (timestamp, symbol); the
 * constructor checks this in O(n) and throws {@link DataValidationError} (`unsorted`, `duplicate-bar`,
 * `unknown-symbol`, `column-length`) otherwise. It does not check prices: run {@link validateBars} for that
 * (every loader does). The fast path {@link ColumnarFeed.drain} allocates nothing per bar; memory is the
 * columns themselves, whatever the number of replays.
 */
export class ColumnarFeed implements DataFeed {
  readonly name: string;
  readonly symbols: readonly string[];
  /** The columns this feed replays (shared, not copied: do not mutate). */
  readonly columns: BarColumns;
  private readonly ts: Float64Array;
  private readonly sym: Int32Array;
  private readonly o: Float64Array;
  private readonly h: Float64Array;
  private readonly l: Float64Array;
  private readonly c: Float64Array;
  private readonly v: Float64Array;
  private readonly b: Float64Array | undefined;
  private readonly a: Float64Array | undefined;
  private readonly bs: Float64Array | undefined;
  private readonly as: Float64Array | undefined;
  private readonly hasQuotes: boolean;
  private readonly n: number;
  private cursor = 0;

  /** @throws DataValidationError when the columns are not in (timestamp, symbol) order or lengths differ. */
  constructor(columns: BarColumns, options: ColumnarFeedOptions = {}) {
    this.name = options.name ?? 'columnar';
    this.columns = columns;
    this.symbols = columns.symbols;
    this.ts = columns.timestamp;
    this.sym = columns.symbol;
    this.o = columns.open;
    this.h = columns.high;
    this.l = columns.low;
    this.c = columns.close;
    this.v = columns.volume;
    this.b = columns.bid;
    this.a = columns.ask;
    this.bs = columns.bidSize;
    this.as = columns.askSize;
    this.hasQuotes = this.b !== undefined || this.a !== undefined || this.bs !== undefined || this.as !== undefined;
    this.n = columns.timestamp.length;
    checkStructure(columns, this.name);
  }

  /** Total number of bars. */
  get length(): number {
    return this.n;
  }

  /** Index of the next bar to replay (0 … length). */
  get position(): number {
    return this.cursor;
  }

  get isExhausted(): boolean {
    return this.cursor >= this.n;
  }

  peekNextTimestamp(): Timestamp {
    return this.cursor < this.n ? (this.ts[this.cursor] as number) : Number.POSITIVE_INFINITY;
  }

  next(): MarketEvent | undefined {
    if (this.cursor >= this.n) return undefined;
    const e = this.event(this.cursor);
    this.cursor++;
    return e;
  }

  drain(ts: Timestamp, sink: BarSink): number {
    const start = this.cursor;
    const n = this.n;
    const times = this.ts;
    let i = start;
    if (this.hasQuotes) {
      const nan = Number.NaN;
      for (; i < n && times[i] === ts; i++) {
        sink.push(
          this.sym[i] as number,
          this.o[i] as number,
          this.h[i] as number,
          this.l[i] as number,
          this.c[i] as number,
          this.v[i] as number,
          this.b ? (this.b[i] as number) : nan,
          this.a ? (this.a[i] as number) : nan,
          this.bs ? (this.bs[i] as number) : nan,
          this.as ? (this.as[i] as number) : nan,
        );
      }
    } else if (sink.pushBars) {
      while (i < n && times[i] === ts) i++;
      sink.pushBars(this.sym, this.o, this.h, this.l, this.c, this.v, start, i);
    } else {
      const nan = Number.NaN;
      for (; i < n && times[i] === ts; i++) {
        sink.push(
          this.sym[i] as number,
          this.o[i] as number,
          this.h[i] as number,
          this.l[i] as number,
          this.c[i] as number,
          this.v[i] as number,
          nan,
          nan,
          nan,
          nan,
        );
      }
    }
    this.cursor = i;
    return i - start;
  }

  reset(): void {
    this.cursor = 0;
  }

  seek(ts: Timestamp): void {
    this.cursor = lowerBound(this.ts, this.n, ts);
  }

  /**
   * The bars from the current position to the end, as an Observable of {@link MarketEvent} objects. Each
   * subscription replays from the position at subscription time and does not move this feed's cursor.
   */
  toObservable(): Observable<MarketEvent> {
    return new Observable<MarketEvent>((subscriber) => {
      for (let i = this.cursor; i < this.n && !subscriber.closed; i++) subscriber.next(this.event(i));
      subscriber.complete();
    });
  }

  /** Row `i` as a {@link MarketEvent} (allocates). */
  event(i: number): MarketEvent {
    return {
      kind: 'bar',
      timestamp: this.ts[i] as number,
      symbol: this.symbols[this.sym[i] as number] as string,
      open: this.o[i] as number,
      high: this.h[i] as number,
      low: this.l[i] as number,
      close: this.c[i] as number,
      volume: this.v[i] as number,
      bid: this.b ? (this.b[i] as number) : Number.NaN,
      ask: this.a ? (this.a[i] as number) : Number.NaN,
      bidSize: this.bs ? (this.bs[i] as number) : Number.NaN,
      askSize: this.as ? (this.as[i] as number) : Number.NaN,
    };
  }
}

/**
 * Builds a {@link ColumnarFeed} over `columns` (already sorted and validated).
 *
 * @example
 * ```ts
 * const feed = columnarFeed(validateBars(raw).bars, { name: 'prices' });
 * ```
 */
export function columnarFeed(columns: BarColumns, options: ColumnarFeedOptions = {}): ColumnarFeed {
  return new ColumnarFeed(columns, options);
}

function checkStructure(c: BarColumns, file: string): void {
  const n = c.timestamp.length;
  const cols = { symbol: c.symbol, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume };
  const quotes = { bid: c.bid, ask: c.ask, bidSize: c.bidSize, askSize: c.askSize };
  for (const [column, arr] of Object.entries({ ...cols, ...quotes })) {
    if (arr !== undefined && arr.length !== n) {
      throw new DataValidationError({
        file,
        column,
        rule: 'column-length',
        value: String(arr.length),
        message: `column ${column} has ${arr.length} rows, timestamp has ${n}`,
      });
    }
  }
  const bad = firstDisorder(c.timestamp, c.symbol, c.symbols.length);
  if (bad >= 0) throw disorderError(c, file, bad);
}

/**
 * The first row whose symbol index is outside `0 … nSym − 1` or which does not follow the row before it in
 * (timestamp, symbol) order; −1 if none. It takes the columns themselves, not the object holding them, so
 * its optimized code depends on nothing but typed-array loads and allocates nothing per row.
 */
function firstDisorder(times: Float64Array, syms: Int32Array, nSym: number): number {
  const n = times.length;
  if (n === 0) return -1;
  let prevTs = times[0] as number;
  let prevSym = syms[0] as number;
  if (!(prevSym >= 0 && prevSym < nSym) || Number.isNaN(prevTs)) return 0;
  for (let i = 1; i < n; i++) {
    const s = syms[i] as number;
    const t = times[i] as number;
    if (!(s >= 0 && s < nSym)) return i;
    if (t === prevTs) {
      if (s <= prevSym) return i;
    } else if (!(t > prevTs)) return i;
    prevTs = t;
    prevSym = s;
  }
  return -1;
}

/** The error for row `i`, which {@link firstDisorder} found out of place. */
function disorderError(c: BarColumns, file: string, i: number): DataValidationError {
  const t = c.timestamp[i] as number;
  const s = c.symbol[i] as number;
  const nSym = c.symbols.length;
  if (!(s >= 0 && s < nSym)) {
    return new DataValidationError({
      file,
      row: i + 1,
      column: 'symbol',
      rule: 'unknown-symbol',
      value: String(s),
      message: `symbol index ${s} is outside the ${nSym} symbols`,
    });
  }
  const duplicate = i > 0 && t === c.timestamp[i - 1] && s === c.symbol[i - 1];
  return new DataValidationError({
    file,
    row: i + 1,
    column: 'timestamp',
    symbol: c.symbols[s] as string,
    rule: duplicate ? 'duplicate-bar' : 'unsorted',
    value: String(t),
    message: duplicate
      ? `second bar for ${c.symbols[s]} at the same timestamp`
      : 'rows must be sorted by timestamp, then symbol index',
  });
}
