import type { Money } from '../money/decimal.js';
import type { ExitReason } from './exit-reason.js';
import type { OrderSide } from './order-side.js';
import type { OrderType } from './order-type.js';
import type { SymbolId } from './symbol-table.js';
import type { Timestamp } from './timestamp.js';

/**
 * One execution. Per-unit amounts are `number`s in price units; dollar amounts are exact {@link Money}.
 *
 * `price = basePrice + sign × (slippagePerUnit + impactPerUnit)` where sign is +1 for buys and −1 for sells:
 * slippage and impact are recorded as adverse costs (a negative value is a price improvement).
 * Dollar slippage is `slippagePerUnit × quantity × multiplier`; likewise for impact.
 */
export interface FillEvent {
  /** Deterministic id (`F1`, `F2`, …). */
  readonly id: string;
  readonly orderId: string;
  readonly timestamp: Timestamp;
  /** Index of the slice (bar) on which the fill happened. */
  readonly sliceIndex: number;
  readonly symbol: string;
  readonly symbolId: SymbolId;
  readonly side: OrderSide;
  readonly orderType: OrderType;
  /** Positive quantity filled. */
  readonly quantity: number;
  /** Per-unit price paid or received, after slippage and impact (before commission). */
  readonly price: number;
  /** Per-unit reference price before costs (the open, the close, the stop or limit level…). */
  readonly basePrice: number;
  /** Per-unit slippage (adverse > 0), excluding market impact. */
  readonly slippagePerUnit: number;
  /** Per-unit market impact (adverse > 0). */
  readonly impactPerUnit: number;
  /** Dollar slippage: `slippagePerUnit × quantity × multiplier`. */
  readonly slippage: Money;
  /** Dollar impact: `impactPerUnit × quantity × multiplier`. */
  readonly impact: Money;
  /** Commission in dollars (≥ 0). */
  readonly commission: Money;
  /** `quantity × price × multiplier`, exact. */
  readonly notional: Money;
  readonly multiplier: number;
  /** Close of the bar on which the order was created (`NaN` if unknown). */
  readonly signalPrice: number;
  /** How the price was found, e.g. `market@open`, `stop gap@open`, `stop@level`, `limit@level`, `close`. */
  readonly priceRule: string;
  /** `maker` for resting limit fills at their level, `taker` otherwise. */
  readonly liquidity: 'maker' | 'taker';
  /** Exit reason recorded on the trade this fill closes, if it closes one. */
  readonly exitReason: ExitReason;
  /** Name of the risk rule that caused the fill, if any. */
  readonly rule?: string;
  readonly tag?: string;
  /** When the cash of this fill settles (settlement delay); absent means immediately. */
  readonly settleAt?: Timestamp;
}
