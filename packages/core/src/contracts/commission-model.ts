import type { AssetClass } from '../domain/instrument-spec.js';
import type { OrderSide } from '../domain/order-side.js';
import type { OrderType } from '../domain/order-type.js';
import type { Timestamp } from '../domain/timestamp.js';
import type { Money } from '../money/decimal.js';

/** What a {@link CommissionModel} sees for one fill (or one part of a fill). */
export interface CommissionInput {
  readonly symbol: string;
  readonly timestamp: Timestamp;
  readonly side: OrderSide;
  readonly orderType: OrderType;
  /** Positive quantity. */
  readonly quantity: number;
  /** Per-unit fill price (after slippage). */
  readonly price: number;
  readonly multiplier: number;
  readonly assetClass: AssetClass;
  /** `maker` for a resting limit filled at its level, `taker` otherwise. */
  readonly liquidity: 'maker' | 'taker';
  /**
   * True when the broker only estimates the commission of an order that has not filled (e.g. a cash check at
   * submission). Stateful models (monthly volume tiers) must not record an estimate.
   */
  readonly preview?: boolean;
}

/**
 * Computes the commission of a fill in dollars (exact, ≥ 0). Models may keep state (e.g. monthly volume tiers),
 * updated only by calls without `preview`: the broker previews the commission of a fill for its account check
 * and calls again without `preview` only for a fill that goes through, so a rejected fill leaves no trace.
 */
export interface CommissionModel {
  readonly name: string;
  /**
   * True if the commission depends on the input alone (the model keeps no state): the broker then computes it
   * once per fill instead of previewing it for the account check first. Leave it unset for a stateful model.
   */
  readonly pure?: boolean;
  commission(input: CommissionInput): Money;
}
