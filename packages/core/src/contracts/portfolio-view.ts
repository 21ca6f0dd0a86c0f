import type { Position } from '../domain/position.js';
import type { SymbolId } from '../domain/symbol-table.js';
import type { Money } from '../money/decimal.js';

/** Read-only view of the account, given to strategies, rules and brokers. */
export interface PortfolioView {
  readonly initialCash: Money;
  /** Exact cash balance (includes unsettled proceeds). */
  readonly cash: Money;
  /** Cash that has settled and can be spent under a settlement delay. */
  readonly settledCash: Money;
  /** Cash as a float. */
  readonly cashValue: number;
  /** Equity marked at the last known prices (updated after every fill and at every snapshot). */
  readonly equity: number;
  /** Highest equity seen at a snapshot so far. */
  readonly peakEquity: number;
  /** Σ |position value| at the last marks. */
  readonly grossExposure: number;
  /** Σ signed position value at the last marks. */
  readonly netExposure: number;
  /** Number of open positions. */
  readonly openPositionCount: number;
  /** Signed quantity held of `symbol`; 0 when flat. O(1), allocation-free. */
  quantity(symbol: SymbolId): number;
  /** The open position of `symbol` (id or name), or `undefined` when flat. */
  position(symbol: SymbolId | string): Position | undefined;
  /** Every open position. */
  positions(): readonly Position[];
}
