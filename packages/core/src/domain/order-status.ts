/**
 * The order lifecycle. Transitions:
 * `SUBMITTED → ACCEPTED → PARTIALLY_FILLED → FILLED`, and from any non-final state to `CANCELLED`,
 * `EXPIRED` or `REJECTED`. `FILLED`, `CANCELLED`, `EXPIRED` and `REJECTED` are final.
 */
export const OrderStatus = {
  Submitted: 'SUBMITTED',
  Accepted: 'ACCEPTED',
  PartiallyFilled: 'PARTIALLY_FILLED',
  Filled: 'FILLED',
  Cancelled: 'CANCELLED',
  Rejected: 'REJECTED',
  Expired: 'EXPIRED',
} as const;

/** One of the values of {@link OrderStatus}. */
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** True for the statuses an order never leaves. */
export function isFinalStatus(status: OrderStatus): boolean {
  return (
    status === OrderStatus.Filled ||
    status === OrderStatus.Cancelled ||
    status === OrderStatus.Rejected ||
    status === OrderStatus.Expired
  );
}
