import type { SymbolId } from '../domain/symbol-table.js';

/**
 * A rolling window of past closes per symbol (the current bar included), kept by the engine when the strategy
 * asks for it with `historyLength`. Older values fall off; nothing after the current timestamp is ever present.
 */
export interface HistoryView {
  /** Window length configured for the run (0 when history is off). */
  readonly length: number;
  /** The close `lag` bars ago (0 = current bar) of `symbol`; `NaN` when not available. */
  close(symbol: SymbolId, lag?: number): number;
  /** The last `n` closes of `symbol`, oldest first (fewer when the symbol has fewer bars). Allocates. */
  closes(symbol: SymbolId, n: number): Float64Array;
}
