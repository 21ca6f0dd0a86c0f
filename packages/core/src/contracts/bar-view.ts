import type { SymbolId } from '../domain/symbol-table.js';
import type { Timestamp } from '../domain/timestamp.js';

/** One symbol's bar at the current timestamp, as plain numbers (quotes `NaN` when absent). */
export interface BarView {
  readonly symbolId: SymbolId;
  readonly timestamp: Timestamp;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly bid: number;
  readonly ask: number;
  readonly bidSize: number;
  readonly askSize: number;
}
