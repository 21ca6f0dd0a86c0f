import {
  addQuantity,
  type ExitReason,
  type Order,
  type OrderEvent,
  type OrderReason,
  type OrderSide,
  OrderStatus,
  OrderType,
  type SymbolId,
  type TimeInForce,
  type Timestamp,
} from '@ml4t/core';
import { transition } from './order-state-machine.js';

/** In which phase of the event loop an order is tried: the open (DESIGN §3 step 2) or the close (step 6). */
export type OrderPhase = 'open' | 'close';

/**
 * The broker's mutable record of one order. Implements core's {@link Order}; users only ever see frozen
 * copies made by {@link WorkingOrder.snapshot}. Status changes go through the order state machine.
 *
 * @internal
 */
export class WorkingOrder implements Order {
  readonly id: string;
  request: OrderEvent;
  readonly symbol: string;
  readonly symbolId: SymbolId;
  readonly side: OrderSide;
  readonly type: OrderType;
  quantity: number;
  readonly timeInForce: TimeInForce;
  status: OrderStatus = OrderStatus.Submitted;
  filledQuantity = 0;
  avgFillPrice = Number.NaN;
  readonly submittedAt: Timestamp;
  readonly submittedIndex: number;
  readonly signalPrice: number;
  // Declared with a double (V8 then rewrites it in place; a field first `undefined` boxes every write): trailing
  // stops move it every bar.
  stopLevel = Number.NaN;
  triggered = false;
  readonly parentId?: string;
  readonly ocoGroup?: string;
  reason?: OrderReason;

  /** Limit price for limit and stop-limit orders (`NaN` otherwise). */
  limitPrice: number;
  phase: OrderPhase;
  activeFrom: number;
  readonly exitReason: ExitReason;
  readonly rule?: string;
  /** Calendar day (UTC, days since epoch) of the session a DAY order belongs to; `NaN` until known. */
  sessionDay = Number.NaN;
  /** True once the submission cash check (backtrader's) has run. */
  submissionChecked = false;
  /** Reduce-only orders: true once the position they protect existed. */
  armed = false;
  /** Slice index on which the order was last tried against a bar (−1 never). */
  lastTriedIndex = -1;
  /** Ids of the one-triggers-other children created so far (none until the first child). */
  childIds: string[] | undefined = undefined;
  private fillValue = 0;

  /**
   * @param activeFrom - first slice index on which the order may be tried
   * @param rule - name of the risk rule behind an exit order
   */
  constructor(
    id: string,
    request: OrderEvent,
    symbolId: SymbolId,
    quantity: number,
    submittedAt: Timestamp,
    submittedIndex: number,
    signalPrice: number,
    phase: OrderPhase,
    activeFrom: number,
    exitReason: ExitReason,
    parentId?: string,
    rule?: string,
  ) {
    const r = request;
    this.id = id;
    this.request = r;
    this.symbol = r.symbol;
    this.symbolId = symbolId;
    this.side = r.side;
    this.type = r.type;
    this.quantity = quantity;
    this.timeInForce = r.timeInForce ?? 'GTC';
    this.submittedAt = submittedAt;
    this.submittedIndex = submittedIndex;
    this.signalPrice = signalPrice;
    this.stopLevel = r.type === OrderType.Stop || r.type === OrderType.StopLimit ? r.stopPrice : Number.NaN;
    this.limitPrice = r.type === OrderType.Limit || r.type === OrderType.StopLimit ? r.limitPrice : Number.NaN;
    this.phase = phase;
    this.activeFrom = activeFrom;
    this.exitReason = exitReason;
    if (parentId !== undefined) this.parentId = parentId;
    if (r.ocoGroup !== undefined) this.ocoGroup = r.ocoGroup;
    if (rule !== undefined) this.rule = rule;
  }

  /** Quantity still to fill. */
  get remaining(): number {
    return addQuantity(this.quantity, -this.filledQuantity);
  }

  /** True while the order can still fill. */
  get isWorking(): boolean {
    return this.status === OrderStatus.Accepted || this.status === OrderStatus.PartiallyFilled;
  }

  /** Moves to `to` through the state machine (throws on an illegal transition). Returns the previous status. */
  moveTo(to: OrderStatus, reason?: OrderReason): OrderStatus {
    const previous = this.status;
    this.status = transition(this.id, previous, to);
    if (reason !== undefined) this.reason = reason;
    return previous;
  }

  /** Books a fill of `quantity` at `price` and moves to PARTIALLY_FILLED or FILLED. Returns the previous status. */
  recordFill(quantity: number, price: number): OrderStatus {
    this.fillValue += quantity * price;
    this.filledQuantity = addQuantity(this.filledQuantity, quantity);
    this.avgFillPrice = this.fillValue / this.filledQuantity;
    const done = this.remaining <= 0;
    return this.moveTo(done ? OrderStatus.Filled : OrderStatus.PartiallyFilled);
  }

  /** A frozen copy as of now, as published on `orders$`. */
  snapshot(): Order {
    // Optional fields are assigned after the literal, not spread into it: same object, far cheaper to build.
    const copy: { -readonly [K in keyof Order]: Order[K] } = {
      id: this.id,
      request: this.request,
      symbol: this.symbol,
      symbolId: this.symbolId,
      side: this.side,
      type: this.type,
      quantity: this.quantity,
      timeInForce: this.timeInForce,
      status: this.status,
      filledQuantity: this.filledQuantity,
      avgFillPrice: this.avgFillPrice,
      submittedAt: this.submittedAt,
      submittedIndex: this.submittedIndex,
      signalPrice: this.signalPrice,
      stopLevel: this.stopLevel,
      triggered: this.triggered,
    };
    if (this.parentId !== undefined) copy.parentId = this.parentId;
    if (this.ocoGroup !== undefined) copy.ocoGroup = this.ocoGroup;
    if (this.reason !== undefined) copy.reason = this.reason;
    return Object.freeze(copy);
  }
}
