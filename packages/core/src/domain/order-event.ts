import type { ExitReason } from './exit-reason.js';
import type { OrderSide } from './order-side.js';
import type { OrderType } from './order-type.js';
import type { TimeInForce } from './time-in-force.js';
import type { Timestamp } from './timestamp.js';

/** Fields every order request carries. */
export interface OrderBase {
  readonly symbol: string;
  readonly side: OrderSide;
  /** Positive quantity in units (shares, contracts, coins). */
  readonly quantity: number;
  /** @defaultValue `GTC` */
  readonly timeInForce?: TimeInForce;
  /** Expiry for `GTD` orders: the order expires at the end of the first bar stamped after this time. */
  readonly expireAt?: Timestamp;
  /** Free label, copied to fills and trades. */
  readonly tag?: string;
  /** Orders sharing an OCO group cancel each other: the first fill cancels the rest (one-cancels-other). */
  readonly ocoGroup?: string;
  /**
   * Orders submitted when this one fills (one-triggers-other), sized to the quantity filled. Children of a
   * partially filled parent follow each partial fill. See {@link bracket}.
   */
  readonly onFill?: readonly ContingentOrder[];
  /** Only reduce an existing position: the quantity is capped at the position and never reverses it. */
  readonly reduceOnly?: boolean;
  /** The exit reason recorded on trades closed by this order. @defaultValue `SIGNAL` */
  readonly exitReason?: ExitReason;
}

/** Fills at the next eligible price (the open under NEXT_BAR, the close under SAME_BAR). */
export interface MarketOrder extends OrderBase {
  readonly type: typeof OrderType.Market;
}

/** Fills at `limitPrice` or better. */
export interface LimitOrder extends OrderBase {
  readonly type: typeof OrderType.Limit;
  readonly limitPrice: number;
}

/** Becomes a market order once the price touches `stopPrice` (buy: at or above; sell: at or below). */
export interface StopOrder extends OrderBase {
  readonly type: typeof OrderType.Stop;
  readonly stopPrice: number;
}

/** Becomes a limit order at `limitPrice` once the price touches `stopPrice`. */
export interface StopLimitOrder extends OrderBase {
  readonly type: typeof OrderType.StopLimit;
  readonly stopPrice: number;
  readonly limitPrice: number;
}

/**
 * A stop whose level follows the price at a fixed distance: `trailAmount` in price units or `trailPercent`
 * as a fraction (0.03 = 3 %). Exactly one of the two must be set. The level only ever moves in the
 * position's favour.
 */
export interface TrailingStopOrder extends OrderBase {
  readonly type: typeof OrderType.TrailingStop;
  readonly trailAmount?: number;
  readonly trailPercent?: number;
}

/** An order request, discriminated by `type`. What strategies publish. */
export type OrderEvent = MarketOrder | LimitOrder | StopOrder | StopLimitOrder | TrailingStopOrder;

/** `Omit` that distributes over a union (keeps each member's own fields). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A child order of a one-triggers-other parent: symbol is the parent's, quantity defaults to the parent's
 * filled quantity.
 */
export type ContingentOrder = DistributiveOmit<OrderEvent, 'symbol' | 'quantity'> & { readonly quantity?: number };
