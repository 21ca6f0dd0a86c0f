import type { FeatureView } from '../contracts/feature-provider.js';
import type { MarketEvent } from './market-event.js';
import type { SymbolId, SymbolTable } from './symbol-table.js';
import type { Timestamp } from './timestamp.js';

/**
 * Every bar stamped at one timestamp, as columns (a cross-section), plus the features visible at that time.
 *
 * Row `i` (0 ≤ i < `size`) is the bar of symbol `symbolIds[i]`; its prices are `open[i]`, `high[i]`, … .
 * Rows are in clock order: feeds in registration order, then each feed's own order.
 * Symbols without a bar at this timestamp have no row.
 *
 * The engine reuses the column buffers from one timestamp to the next: a slice is valid during the callback
 * that receives it. Call {@link TimeSlice.snapshot} to keep one.
 */
export interface TimeSlice {
  /** The timestamp shared by every row. */
  readonly timestamp: Timestamp;
  /** 0-based position of this slice in the run. */
  readonly index: number;
  /** Number of rows (bars). */
  readonly size: number;
  readonly symbolIds: Int32Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** `NaN` where the feed has no quote. */
  readonly bid: Float64Array;
  readonly ask: Float64Array;
  readonly bidSize: Float64Array;
  readonly askSize: Float64Array;
  /** The run's symbol dictionary. */
  readonly symbols: SymbolTable;
  /** Features and market-wide context stamped at this timestamp (never later). */
  readonly features: FeatureView;
  /** The row of `symbol` in this slice, or −1 when it has no bar at this timestamp. O(1). */
  rowOf(symbol: SymbolId): number;
  /** Row `i` as a {@link MarketEvent} object (allocates). */
  bar(i: number): MarketEvent;
  /** A copy of this slice that stays valid after the callback (features stay bound to this timestamp). */
  snapshot(): TimeSlice;
}
