import type { OrderEvent } from './order-event.js';
import type { OrderReason } from './order-reason.js';
import type { OrderSide } from './order-side.js';
import type { OrderStatus } from './order-status.js';
import type { OrderType } from './order-type.js';
import type { SymbolId } from './symbol-table.js';
import type { TimeInForce } from './time-in-force.js';
import type { Timestamp } from './timestamp.js';

/**
 * A live order as the broker tracks it: the request plus its lifecycle state. Read-only to users; every
 * change is published as an {@link OrderUpdate}.
 */
export interface Order {
  /** Deterministic id (`O1`, `O2`, … in submission order). */
  readonly id: string;
  readonly request: OrderEvent;
  readonly symbol: string;
  readonly symbolId: SymbolId;
  readonly side: OrderSide;
  readonly type: OrderType;
  /** Requested quantity (after any resize by a portfolio rule). */
  readonly quantity: number;
  readonly timeInForce: TimeInForce;
  readonly status: OrderStatus;
  readonly filledQuantity: number;
  /** Quantity-weighted average fill price; `NaN` before the first fill. */
  readonly avgFillPrice: number;
  readonly submittedAt: Timestamp;
  /** Index of the slice on which the order was submitted. */
  readonly submittedIndex: number;
  /** Close of the symbol's bar when the order was created (the "signal close"); `NaN` if it had none. */
  readonly signalPrice: number;
  /** For stop and trailing orders: the current trigger level. */
  readonly stopLevel: number;
  /** For stop-limit orders: true once the stop has triggered and the order rests as a limit. */
  readonly triggered: boolean;
  /** Set on children of a one-triggers-other parent. */
  readonly parentId?: string;
  readonly ocoGroup?: string;
  /** Why the order was rejected, cancelled or expired. */
  readonly reason?: OrderReason;
}

/** One lifecycle transition of an order, published on `orders$`. */
export interface OrderUpdate {
  readonly timestamp: Timestamp;
  readonly status: OrderStatus;
  readonly previousStatus: OrderStatus | undefined;
  /** A frozen copy of the order as of this transition. */
  readonly order: Order;
  readonly reason?: OrderReason;
}
