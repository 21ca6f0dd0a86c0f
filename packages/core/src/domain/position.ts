import type { Money } from '../money/decimal.js';
import type { SymbolId } from './symbol-table.js';
import type { Timestamp } from './timestamp.js';

/**
 * An open position, as seen by strategies and rules (read-only). Quantity is signed: negative for shorts.
 */
export interface Position {
  readonly symbol: string;
  readonly symbolId: SymbolId;
  /** Signed quantity in units. */
  readonly quantity: number;
  /** Average entry price per unit (after slippage). */
  readonly avgPrice: number;
  /** Exact cost basis of the open quantity: Σ quantity × price × multiplier (positive for longs and shorts). */
  readonly costBasis: Money;
  /** Entry commission not yet allocated to closed trade records. */
  readonly openCommission: Money;
  /** Id shared by the trade records of this position's life. */
  readonly positionId: string;
  /** Time and slice index of the fill that opened the position. */
  readonly entryTime: Timestamp;
  readonly entryIndex: number;
  /** Close of the bar on which the opening order was created (backtrader's stop basis). */
  readonly entrySignalPrice: number;
  /** Bars of this symbol seen since entry (0 on the entry bar). */
  readonly barsHeld: number;
  /** Last known price of the symbol. */
  readonly lastPrice: number;
  /** Highest high and lowest low since entry (water marks; include the entry bar after the entry). */
  readonly highWater: number;
  readonly lowWater: number;
  /** Highest and lowest close since entry. */
  readonly highClose: number;
  readonly lowClose: number;
  /** `quantity × lastPrice × multiplier`. */
  readonly marketValue: number;
  /** `marketValue − signed cost basis`. */
  readonly unrealizedPnl: number;
}
