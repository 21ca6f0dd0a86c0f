import type { Order, OrderEvent } from '@ml4t/core';

/**
 * What the order log compares an order's later updates with, per working order in a ring of `slots` (a power of
 * two) indexed by order index: the order object of its first update, and the quantity, stop level and request
 * it had then. The order object is a frozen snapshot, or the broker's own record when the update came live
 * (whose fixed fields do not change: see `BrokerContext.publishLive`); quantity, stop level and request are kept
 * as values because a live record changes them.
 */
export class FirstUpdates {
  private readonly mask: number;
  private readonly index: Int32Array;
  private readonly order: (Order | undefined)[];
  /** Quantity of each slot's first update. */
  readonly quantity: Float64Array;
  /** Stop level of each slot's first update. */
  readonly stopLevel: Float64Array;
  /** Request of each slot's first update. */
  readonly request: (OrderEvent | undefined)[];

  constructor(slots: number) {
    this.mask = slots - 1;
    this.index = new Int32Array(slots).fill(-1);
    this.order = new Array<Order | undefined>(slots).fill(undefined);
    this.quantity = new Float64Array(slots);
    this.stopLevel = new Float64Array(slots);
    this.request = new Array<OrderEvent | undefined>(slots).fill(undefined);
  }

  /** Remembers the first update's `order` of order index `o`, taking the slot from an order 4,096 earlier. */
  remember(o: number, order: Order): void {
    const k = o & this.mask;
    this.index[k] = o;
    this.order[k] = order;
    this.quantity[k] = order.quantity;
    this.stopLevel[k] = order.stopLevel;
    this.request[k] = order.request;
  }

  /** The slot of order index `o` if its first update is remembered, −1 if not. */
  slotOf(o: number): number {
    const k = o & this.mask;
    return this.index[k] === o ? k : -1;
  }

  /**
   * True if `order`'s fixed fields (symbol, side, type, time in force, submission, parent, OCO group) are those
   * of slot `k`'s first update: at once when it is the same live record.
   */
  sameFixed(k: number, order: Order): boolean {
    const first = this.order[k] as Order;
    return (
      order === first ||
      (order.symbol === first.symbol &&
        order.symbolId === first.symbolId &&
        order.side === first.side &&
        order.type === first.type &&
        order.timeInForce === first.timeInForce &&
        Object.is(order.submittedAt, first.submittedAt) &&
        order.submittedIndex === first.submittedIndex &&
        Object.is(order.signalPrice, first.signalPrice) &&
        order.parentId === first.parentId &&
        order.ocoGroup === first.ocoGroup)
    );
  }

  /** Forgets slot `k` (its order reached a final status), dropping its references. */
  forget(k: number): void {
    this.index[k] = -1;
    this.order[k] = undefined;
    this.request[k] = undefined;
  }
}
