import type { Order, OrderUpdate } from '@ml4t/core';

/** One order's history: its final state and every lifecycle transition it went through, in order. */
export interface OrderRecord {
  /** The order as of its last update (final state for a finished run). */
  readonly order: Order;
  /** Every update of this order, oldest first (`SUBMITTED`/`ACCEPTED` … `FILLED`/`CANCELLED`/…). */
  readonly updates: readonly OrderUpdate[];
}
