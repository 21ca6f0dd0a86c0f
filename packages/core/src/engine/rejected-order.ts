import type { Order } from '../domain/order.js';
import type { OrderEvent } from '../domain/order-event.js';
import type { OrderReason } from '../domain/order-reason.js';
import { OrderStatus } from '../domain/order-status.js';
import { TimeInForce } from '../domain/time-in-force.js';
import type { Timestamp } from '../domain/timestamp.js';

/**
 * The frozen {@link Order} for a request refused before it reached the broker (invalid, unknown symbol,
 * a portfolio rule).
 *
 * @internal
 */
export function rejectedOrder(
  id: string,
  request: OrderEvent,
  symbolId: number,
  reason: OrderReason,
  now: Timestamp,
  index: number,
  signalPrice: number,
): Order {
  const stop = 'stopPrice' in request && typeof request.stopPrice === 'number' ? request.stopPrice : Number.NaN;
  return Object.freeze({
    id,
    request,
    symbol: String(request.symbol),
    symbolId,
    side: request.side,
    type: request.type,
    quantity: request.quantity,
    timeInForce: request.timeInForce ?? TimeInForce.Gtc,
    status: OrderStatus.Rejected,
    filledQuantity: 0,
    avgFillPrice: Number.NaN,
    submittedAt: now,
    submittedIndex: index,
    signalPrice,
    stopLevel: stop,
    triggered: false,
    ...(request.ocoGroup !== undefined ? { ocoGroup: request.ocoGroup } : {}),
    reason,
  });
}
