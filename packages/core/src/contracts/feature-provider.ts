import type { SymbolId, SymbolTable } from '../domain/symbol-table.js';
import type { Timestamp } from '../domain/timestamp.js';

/**
 * Source of ML scores, per-symbol features and market-wide series (VIX, regime…), point in time.
 *
 * The engine asks only for the clock's current timestamp, so a strategy or rule never sees a value stamped
 * later than the bar it is looking at. Implementations must answer in O(1) (an index, not a scan).
 * `@ml4t/feeds` provides `PrecomputedFeatureProvider`.
 */
export interface FeatureProvider {
  /** Per-symbol feature names (e.g. `score`, `atr`). */
  readonly featureNames: readonly string[];
  /** Market-wide feature names (e.g. `vix`). */
  readonly marketFeatureNames: readonly string[];
  /** Called once before the run with the run's symbol table, so lookups can use dense ids. */
  bind(symbols: SymbolTable): void;
  /** The value of `name` for `symbol` visible at `ts`; `NaN` when absent. */
  value(ts: Timestamp, symbol: SymbolId, name: string): number;
  /**
   * Optional fast path: the values of `name` visible at `ts` for every symbol, indexed by {@link SymbolId}
   * (`NaN` where absent), or `undefined` when nothing is stamped at `ts`. The array may be reused.
   */
  crossSection?(ts: Timestamp, name: string): Float64Array | undefined;
  /** The market-wide value of `name` visible at `ts`; `NaN` when absent. */
  marketValue(ts: Timestamp, name: string): number;
}

/**
 * The features visible at the clock's current timestamp. There is deliberately no way to pass a timestamp:
 * this is what keeps strategies and rules point-in-time.
 */
export interface FeatureView {
  /** The timestamp this view is bound to. */
  readonly timestamp: Timestamp;
  /** Value of feature `name` for `symbol` (id or name); `NaN` when absent or unknown. */
  get(symbol: SymbolId | string, name: string): number;
  /** Market-wide value of `name` (e.g. `'vix'`); `NaN` when absent. */
  market(name: string): number;
  /** All symbols' values of `name`, indexed by {@link SymbolId}; `undefined` when none are stamped now. */
  crossSection(name: string): Float64Array | undefined;
}
