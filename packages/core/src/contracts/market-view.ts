import type { SymbolId } from '../domain/symbol-table.js';
import type { Timestamp } from '../domain/timestamp.js';

/**
 * Per-symbol market state at the clock's current timestamp, as columns indexed by {@link SymbolId}.
 * A symbol's current-bar columns are meaningful only when `hasBar(symbol)`.
 */
export interface MarketView {
  readonly timestamp: Timestamp;
  /** Index of the current slice. */
  readonly index: number;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly bid: Float64Array;
  readonly ask: Float64Array;
  readonly bidSize: Float64Array;
  readonly askSize: Float64Array;
  /** Last known close per symbol (the mark), `NaN` before its first bar. */
  readonly lastPrice: Float64Array;
  /** Number of bars seen per symbol so far, including the current one. */
  readonly barCount: Int32Array;
  /** True when `symbol` has a bar at the current timestamp. */
  hasBar(symbol: SymbolId): boolean;
}
