import { OrderStatus } from '@ml4t/core';

/**
 * The allowed order lifecycle transitions: `from → to[]`.
 *
 * `SUBMITTED → ACCEPTED | REJECTED`; `ACCEPTED → PARTIALLY_FILLED | FILLED | CANCELLED | EXPIRED | REJECTED`;
 * `PARTIALLY_FILLED → PARTIALLY_FILLED | FILLED | CANCELLED | EXPIRED | REJECTED`. Final states have no exits.
 * `ACCEPTED → ACCEPTED` and `PARTIALLY_FILLED → PARTIALLY_FILLED` are allowed for modifications.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = Object.freeze({
  [OrderStatus.Submitted]: [OrderStatus.Accepted, OrderStatus.Rejected],
  [OrderStatus.Accepted]: [
    OrderStatus.Accepted,
    OrderStatus.PartiallyFilled,
    OrderStatus.Filled,
    OrderStatus.Cancelled,
    OrderStatus.Expired,
    OrderStatus.Rejected,
  ],
  [OrderStatus.PartiallyFilled]: [
    OrderStatus.PartiallyFilled,
    OrderStatus.Filled,
    OrderStatus.Cancelled,
    OrderStatus.Expired,
    OrderStatus.Rejected,
  ],
  [OrderStatus.Filled]: [],
  [OrderStatus.Cancelled]: [],
  [OrderStatus.Rejected]: [],
  [OrderStatus.Expired]: [],
});

/** Raised when the broker attempts a transition the lifecycle forbids: always a bug in the broker. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly orderId: string,
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`order ${orderId}: illegal transition ${from} → ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

/** True when `from → to` is an allowed lifecycle transition (see {@link ORDER_TRANSITIONS}). */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/**
 * Checks one lifecycle transition and returns the new status.
 *
 * @throws IllegalTransitionError when the transition is not allowed (a broker bug, never user error).
 */
export function transition(orderId: string, from: OrderStatus, to: OrderStatus): OrderStatus {
  if (!canTransition(from, to)) throw new IllegalTransitionError(orderId, from, to);
  return to;
}
