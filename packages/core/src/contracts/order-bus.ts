import type { Order } from '../domain/order.js';
import type { OrderEvent } from '../domain/order-event.js';
import type { OrderReason } from '../domain/order-reason.js';
import type { SymbolId } from '../domain/symbol-table.js';

/** Changes accepted by {@link OrderBus.modify}: any of quantity and price levels. */
export interface OrderModification {
  readonly quantity?: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
}

/**
 * Where strategies publish orders. `submit` runs the portfolio rules (DESIGN §3 step 5) and hands the order to
 * the broker; the returned {@link Order} shows whether it was accepted or rejected, and why.
 */
export interface OrderBus {
  submit(order: OrderEvent): Order;
  /** Cancels a working order; false if it is unknown or already final. */
  cancel(orderId: string, reason?: OrderReason): boolean;
  /** Changes a working order's quantity or levels; false if it is unknown or final. */
  modify(orderId: string, changes: OrderModification): boolean;
  /** Working orders, optionally of one symbol. */
  openOrders(symbol?: SymbolId): readonly Order[];
}
