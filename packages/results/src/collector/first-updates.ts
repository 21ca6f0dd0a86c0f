import type { Order, OrderEvent } from '@ml4t/core';

/**
 * What the order log compares an order's later updates with: per working order, the fixed fields (symbol,
 * side, type, time in force, submission, parent, OCO group) and the quantity, stop level and request of its
 * first update, in a ring of `slots` (a power of two) indexed by order index. Values, not the update's order:
 * a live update's order is the broker's mutable record, and a snapshot kept here would be retained.
 */
export class FirstUpdates {
  private readonly mask: number;
  private readonly order: Int32Array;
  private readonly symbolId: Int32Array;
  private readonly submittedIndex: Int32Array;
  private readonly submittedAt: Float64Array;
  private readonly signalPrice: Float64Array;
  /** Quantity of each slot's first update. */
  readonly quantity: Float64Array;
  /** Stop level of each slot's first update. */
  readonly stopLevel: Float64Array;
  /** Request of each slot's first update. */
  readonly request: (OrderEvent | undefined)[];
  private readonly symbol: (string | undefined)[];
  private readonly side: (string | undefined)[];
  private readonly type: (string | undefined)[];
  private readonly timeInForce: (string | undefined)[];
  private readonly parentId: (string | undefined)[];
  private readonly ocoGroup: (string | undefined)[];

  constructor(slots: number) {
    this.mask = slots - 1;
    this.order = new Int32Array(slots).fill(-1);
    this.symbolId = new Int32Array(slots);
    this.submittedIndex = new Int32Array(slots);
    this.submittedAt = new Float64Array(slots);
    this.signalPrice = new Float64Array(slots);
    this.quantity = new Float64Array(slots);
    this.stopLevel = new Float64Array(slots);
    this.request = new Array<OrderEvent | undefined>(slots).fill(undefined);
    this.symbol = new Array<string | undefined>(slots).fill(undefined);
    this.side = new Array<string | undefined>(slots).fill(undefined);
    this.type = new Array<string | undefined>(slots).fill(undefined);
    this.timeInForce = new Array<string | undefined>(slots).fill(undefined);
    this.parentId = new Array<string | undefined>(slots).fill(undefined);
    this.ocoGroup = new Array<string | undefined>(slots).fill(undefined);
  }

  /**
   * Remembers the first update's `order` of order index `o` (its int fields checked as int32 and its strings as
   * strings by the caller), taking the slot from an order still working 4,096 orders earlier.
   */
  remember(o: number, order: Order): void {
    const k = o & this.mask;
    this.order[k] = o;
    this.symbolId[k] = order.symbolId;
    this.submittedIndex[k] = order.submittedIndex;
    this.submittedAt[k] = order.submittedAt;
    this.signalPrice[k] = order.signalPrice;
    this.quantity[k] = order.quantity;
    this.stopLevel[k] = order.stopLevel;
    this.request[k] = order.request;
    this.symbol[k] = order.symbol;
    this.side[k] = order.side;
    this.type[k] = order.type;
    this.timeInForce[k] = order.timeInForce;
    this.parentId[k] = order.parentId;
    this.ocoGroup[k] = order.ocoGroup;
  }

  /** The slot of order index `o` if its first update is remembered, −1 if not. */
  slotOf(o: number): number {
    const k = o & this.mask;
    return this.order[k] === o ? k : -1;
  }

  /** True if `order`'s fixed fields are those remembered in slot `k`. */
  sameFixed(k: number, order: Order): boolean {
    return (
      order.symbol === this.symbol[k] &&
      order.symbolId === this.symbolId[k] &&
      order.side === this.side[k] &&
      order.type === this.type[k] &&
      order.timeInForce === this.timeInForce[k] &&
      Object.is(order.submittedAt, this.submittedAt[k]) &&
      order.submittedIndex === this.submittedIndex[k] &&
      Object.is(order.signalPrice, this.signalPrice[k]) &&
      order.parentId === this.parentId[k] &&
      order.ocoGroup === this.ocoGroup[k]
    );
  }

  /** Forgets slot `k` (its order reached a final status), dropping its references. */
  forget(k: number): void {
    this.order[k] = -1;
    this.request[k] = undefined;
    this.symbol[k] = undefined;
    this.parentId[k] = undefined;
    this.ocoGroup[k] = undefined;
  }
}
