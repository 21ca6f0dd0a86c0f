import type { Observable } from 'rxjs';
import type { MarketEvent } from '../domain/market-event.js';
import type { Timestamp } from '../domain/timestamp.js';

/**
 * Where a feed writes the bars of one timestamp on the fast path (see {@link DataFeed.drain}).
 * `symbol` is the index of the bar's symbol in the feed's {@link DataFeed.symbols} list.
 */
export interface BarSink {
  /** Appends one bar. Quotes are `NaN` when absent. */
  push(
    symbol: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    bid: number,
    ask: number,
    bidSize: number,
    askSize: number,
  ): void;
  /**
   * Optional bulk form of {@link BarSink.push} for bars without quotes: appends rows `from … to − 1` of the
   * columns, one call per feed and timestamp instead of one per bar.
   */
  pushBars?(
    symbol: Int32Array,
    open: Float64Array,
    high: Float64Array,
    low: Float64Array,
    close: Float64Array,
    volume: Float64Array,
    from: number,
    to: number,
  ): void;
}

/**
 * A pull-based, seekable source of bars, sorted by timestamp. The clock k-way-merges many feeds by
 * timestamp; bars with equal timestamps keep feed registration order, then the feed's own order (FIFO).
 *
 * Implementations must be deterministic and restartable (`reset`, `seek`). `@ml4t/feeds` has columnar,
 * CSV, Parquet, Arrow and multi-symbol feeds; a live feed is just an `Observable<MarketEvent>`.
 */
export interface DataFeed {
  /** Name used in error messages (usually the file path). */
  readonly name: string;
  /** Every symbol the feed can emit, in a fixed order; {@link BarSink.push} refers to these by index. */
  readonly symbols: readonly string[];
  /** True when no bar is left. */
  readonly isExhausted: boolean;
  /** Timestamp of the next bar, or `Infinity` when exhausted. */
  peekNextTimestamp(): Timestamp;
  /** The next bar as an object (slow path), or `undefined` when exhausted. */
  next(): MarketEvent | undefined;
  /**
   * Optional fast path: pushes every bar stamped exactly `ts` into `sink` and advances past them; returns the
   * number pushed. The clock calls it only with `ts === peekNextTimestamp()`. Without it the clock uses `next()`.
   */
  drain?(ts: Timestamp, sink: BarSink): number;
  /** Rewinds to the first bar. */
  reset(): void;
  /** Positions the feed so that the next bar is the first one stamped at or after `ts`. */
  seek(ts: Timestamp): void;
  /** The remaining bars as an Observable (for pipelines and tests). */
  toObservable(): Observable<MarketEvent>;
}
