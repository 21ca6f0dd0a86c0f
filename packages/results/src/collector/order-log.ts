import {
  type Order,
  type OrderEvent,
  type OrderReason,
  type OrderSide,
  OrderStatus,
  type OrderType,
  type OrderUpdate,
  type SymbolId,
  type TimeInForce,
} from '@ml4t/core';
import type { OrderRecord } from './order-record.js';

/** Status codes of the log's columns (index into this table). */
const STATUSES: readonly OrderStatus[] = [
  OrderStatus.Submitted,
  OrderStatus.Accepted,
  OrderStatus.PartiallyFilled,
  OrderStatus.Filled,
  OrderStatus.Cancelled,
  OrderStatus.Rejected,
  OrderStatus.Expired,
];
/** Code of an absent `previousStatus`. */
const NO_STATUS = 254;
/** Code of a status outside {@link STATUSES} (the update is then kept as it came). */
const UNKNOWN = 255;

function statusCode(status: OrderStatus | undefined): number {
  switch (status) {
    case OrderStatus.Submitted:
      return 0;
    case OrderStatus.Accepted:
      return 1;
    case OrderStatus.PartiallyFilled:
      return 2;
    case OrderStatus.Filled:
      return 3;
    case OrderStatus.Cancelled:
      return 4;
    case OrderStatus.Rejected:
      return 5;
    case OrderStatus.Expired:
      return 6;
    case undefined:
      return NO_STATUS;
    default:
      return UNKNOWN;
  }
}

/** `n` for an id `O<n>` (n ≥ 1, no leading zero, at most 9 digits), −1 for any other id. */
function orderNumber(id: string): number {
  const len = id.length;
  if (len < 2 || len > 10 || id.charCodeAt(0) !== 79) return -1;
  let value = 0;
  for (let k = 1; k < len; k++) {
    const digit = id.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9 || (k === 1 && digit === 0)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Flag bits of the `flags` column. */
const TRIGGERED = 1;
/** The update was kept as an object (see {@link OrderLog.push}); its columns are unused. */
const RAW = 2;

/** The keys of a canonical order snapshot, in order: the broker's (and the rebuilt copies') field order. */
const ORDER_KEYS: readonly string[] = [
  'id',
  'request',
  'symbol',
  'symbolId',
  'side',
  'type',
  'quantity',
  'timeInForce',
  'status',
  'filledQuantity',
  'avgFillPrice',
  'submittedAt',
  'submittedIndex',
  'signalPrice',
  'stopLevel',
  'triggered',
  'parentId',
  'ocoGroup',
  'reason',
];
/** Number of keys every canonical snapshot has (the last three are optional). */
const REQUIRED_ORDER_KEYS = 16;
const UPDATE_KEYS: readonly string[] = ['timestamp', 'status', 'previousStatus', 'order', 'reason'];

/**
 * True if the own enumerable keys of `value` are `keys[0..required)` followed by a subsequence of the rest, in
 * that order, and every optional key present has a defined value (the rebuilt copies omit undefined ones).
 */
export function hasKeys(value: object, keys: readonly string[], required: number): boolean {
  let k = 0;
  for (const key in value) {
    if (k < required) {
      if (key !== keys[k]) return false;
      k++;
      continue;
    }
    while (k < keys.length && keys[k] !== key) k++;
    if (k === keys.length || (value as Record<string, unknown>)[key] === undefined) return false;
    k++;
  }
  return k >= required;
}

/**
 * True if `order` is a frozen plain object with exactly the {@link Order} fields in the broker's order (optional
 * ones absent rather than `undefined`), so that the log can rebuild an equal copy from its columns.
 */
function isCanonical(order: Order, first: boolean): boolean {
  // The prototype is checked at an order's first snapshot (the later ones come from the same broker).
  if (!Object.isFrozen(order) || (first && Object.getPrototypeOf(order) !== Object.prototype)) return false;
  return (
    hasKeys(order, ORDER_KEYS, REQUIRED_ORDER_KEYS) &&
    typeof order.id === 'string' &&
    typeof order.symbolId === 'number' &&
    typeof order.quantity === 'number' &&
    statusCode(order.status) < NO_STATUS &&
    typeof order.filledQuantity === 'number' &&
    typeof order.avgFillPrice === 'number' &&
    typeof order.submittedAt === 'number' &&
    typeof order.submittedIndex === 'number' &&
    typeof order.signalPrice === 'number' &&
    typeof order.stopLevel === 'number' &&
    typeof order.triggered === 'boolean'
  );
}

/** True if `update` is a plain object with exactly the {@link OrderUpdate} fields, in the broker's order. */
function isCanonicalUpdate(update: OrderUpdate, first: boolean): boolean {
  if (first && (Object.getPrototypeOf(update) !== Object.prototype || Object.isFrozen(update))) return false;
  return (
    hasKeys(update, UPDATE_KEYS, 4) &&
    typeof update.timestamp === 'number' &&
    update.status === update.order.status &&
    statusCode(update.previousStatus) !== UNKNOWN
  );
}

/** The fields of an order that never change, one entry per order (in order of first appearance). */
interface FixedColumns {
  readonly id: string[];
  /** The request of the order's first snapshot (later ones are stored per row where they differ). */
  readonly request: OrderEvent[];
  readonly symbol: string[];
  readonly symbolId: number[];
  readonly side: OrderSide[];
  readonly type: OrderType[];
  readonly timeInForce: TimeInForce[];
  readonly submittedAt: number[];
  readonly submittedIndex: number[];
  readonly signalPrice: number[];
  readonly parentId: Map<number, string>;
  readonly ocoGroup: Map<number, string>;
  /** Orders whose first update the columns cannot represent: all their updates are kept as objects. */
  readonly allRaw: Set<number>;
}

/** The log's state as of one moment: row and order counts plus the (append-only) storage. */
interface LogView {
  readonly n: number;
  readonly orderCount: number;
  readonly orderIndex: Int32Array;
  readonly timestamp: Float64Array;
  readonly status: Uint8Array;
  readonly previous: Uint8Array;
  readonly flags: Uint8Array;
  readonly quantity: Float64Array;
  readonly filled: Float64Array;
  readonly avgPrice: Float64Array;
  readonly stopLevel: Float64Array;
  readonly raw: ReadonlyMap<number, OrderUpdate>;
  readonly requests: ReadonlyMap<number, OrderEvent>;
  readonly reasons: ReadonlyMap<number, OrderReason>;
  readonly updateReasons: ReadonlyMap<number, OrderReason>;
  readonly fixed: FixedColumns;
}

/**
 * The collector's order log, compact: per update a row of typed columns (order, timestamp, statuses, the
 * changing quantities, stop level, flags) and per order its fixed fields, instead of every update object with
 * its frozen order snapshot (about 0.4 KB per update). Requests and reasons are stored only where needed.
 * {@link OrderLog.materialize} rebuilds equal objects on request: same fields in the broker's order, frozen
 * order copies, each record's `order` the same object as its last update's. Updates the columns cannot
 * represent exactly (e.g. from a custom broker with extra fields) are kept as they came.
 *
 * Everything is append-only (a column that grows is replaced, not changed), so a materialized view stays valid
 * while the log goes on.
 */
export class OrderLog {
  private n = 0;
  private orderIndex: Int32Array;
  private timestamp: Float64Array;
  private status: Uint8Array;
  private previous: Uint8Array;
  private flags: Uint8Array;
  private quantity: Float64Array;
  private filled: Float64Array;
  private avgPrice: Float64Array;
  private stopLevel: Float64Array;
  private readonly raw = new Map<number, OrderUpdate>();
  private readonly requests = new Map<number, OrderEvent>();
  private readonly reasons = new Map<number, OrderReason>();
  private readonly updateReasons = new Map<number, OrderReason>();
  private readonly fixed: FixedColumns = {
    id: [],
    request: [],
    symbol: [],
    symbolId: [],
    side: [],
    type: [],
    timeInForce: [],
    submittedAt: [],
    submittedIndex: [],
    signalPrice: [],
    parentId: new Map(),
    ocoGroup: new Map(),
    allRaw: new Set(),
  };
  /** Order index + 1 by the number of the id when it is `O<n>` (the simulated broker's ids: no hashing). */
  private readonly numbered: number[] = [0];
  /** Order index by id, for other ids. */
  private readonly ids = new Map<string, number>();

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.orderIndex = new Int32Array(c);
    this.timestamp = new Float64Array(c);
    this.status = new Uint8Array(c);
    this.previous = new Uint8Array(c);
    this.flags = new Uint8Array(c);
    this.quantity = new Float64Array(c);
    this.filled = new Float64Array(c);
    this.avgPrice = new Float64Array(c);
    this.stopLevel = new Float64Array(c);
  }

  /** Number of updates logged. */
  get length(): number {
    return this.n;
  }

  /** Appends one update. */
  push(update: OrderUpdate): void {
    if (this.n === this.orderIndex.length) this.grow();
    const i = this.n;
    const order = update.order;
    const f = this.fixed;
    const number = orderNumber(order.id);
    let o = number > 0 && number < this.numbered.length ? (this.numbered[number] as number) - 1 : -1;
    if (o < 0 && this.ids.size > 0) o = this.ids.get(order.id) ?? -1;
    let canonical: boolean;
    if (o < 0) {
      o = f.id.length;
      if (number > 0 && number === this.numbered.length) this.numbered.push(o + 1);
      else this.ids.set(order.id, o);
      canonical = isCanonicalUpdate(update, true) && isCanonical(order, true);
      f.id.push(order.id);
      f.request.push(order.request);
      f.symbol.push(order.symbol);
      f.symbolId.push(canonical ? order.symbolId : 0);
      f.side.push(order.side);
      f.type.push(order.type);
      f.timeInForce.push(order.timeInForce);
      f.submittedAt.push(canonical ? order.submittedAt : 0);
      f.submittedIndex.push(canonical ? order.submittedIndex : 0);
      f.signalPrice.push(canonical ? order.signalPrice : 0);
      if (order.parentId !== undefined) f.parentId.set(o, order.parentId);
      if (order.ocoGroup !== undefined) f.ocoGroup.set(o, order.ocoGroup);
      if (!canonical) f.allRaw.add(o);
    } else {
      canonical =
        !f.allRaw.has(o) &&
        isCanonicalUpdate(update, false) &&
        isCanonical(order, false) &&
        order.id === f.id[o] &&
        order.symbol === f.symbol[o] &&
        order.symbolId === f.symbolId[o] &&
        order.side === f.side[o] &&
        order.type === f.type[o] &&
        order.timeInForce === f.timeInForce[o] &&
        Object.is(order.submittedAt, f.submittedAt[o]) &&
        Object.is(order.submittedIndex, f.submittedIndex[o]) &&
        Object.is(order.signalPrice, f.signalPrice[o]) &&
        order.parentId === f.parentId.get(o) &&
        order.ocoGroup === f.ocoGroup.get(o);
    }
    this.orderIndex[i] = o;
    if (canonical) {
      if (order.request !== f.request[o]) this.requests.set(i, order.request);
      if (order.reason !== undefined) this.reasons.set(i, order.reason);
      this.timestamp[i] = update.timestamp;
      this.status[i] = statusCode(update.status);
      this.previous[i] = statusCode(update.previousStatus);
      this.flags[i] = order.triggered ? TRIGGERED : 0;
      this.quantity[i] = order.quantity;
      this.filled[i] = order.filledQuantity;
      this.avgPrice[i] = order.avgFillPrice;
      this.stopLevel[i] = order.stopLevel;
      if (update.reason !== undefined) this.updateReasons.set(i, update.reason);
    } else {
      this.flags[i] = RAW;
      this.raw.set(i, update);
    }
    this.n = i + 1;
  }

  /**
   * The log so far as objects: every update in event order and one record per order (its latest snapshot and
   * its updates) in order of first appearance. Built on the first call of either getter of the returned value;
   * later pushes do not change it.
   */
  materialize(): { readonly log: () => readonly OrderUpdate[]; readonly orders: () => readonly OrderRecord[] } {
    const view: LogView = {
      n: this.n,
      orderCount: this.fixed.id.length,
      orderIndex: this.orderIndex,
      timestamp: this.timestamp,
      status: this.status,
      previous: this.previous,
      flags: this.flags,
      quantity: this.quantity,
      filled: this.filled,
      avgPrice: this.avgPrice,
      stopLevel: this.stopLevel,
      raw: this.raw,
      requests: this.requests,
      reasons: this.reasons,
      updateReasons: this.updateReasons,
      fixed: this.fixed,
    };
    let built: { log: OrderUpdate[]; orders: OrderRecord[] } | undefined;
    const build = () => {
      built ??= rebuild(view);
      return built;
    };
    return { log: () => build().log, orders: () => build().orders };
  }

  private grow(): void {
    const c = this.orderIndex.length * 2;
    this.orderIndex = grown(this.orderIndex, new Int32Array(c));
    this.timestamp = grown(this.timestamp, new Float64Array(c));
    this.status = grown(this.status, new Uint8Array(c));
    this.previous = grown(this.previous, new Uint8Array(c));
    this.flags = grown(this.flags, new Uint8Array(c));
    this.quantity = grown(this.quantity, new Float64Array(c));
    this.filled = grown(this.filled, new Float64Array(c));
    this.avgPrice = grown(this.avgPrice, new Float64Array(c));
    this.stopLevel = grown(this.stopLevel, new Float64Array(c));
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(column: T, next: T): T {
  next.set(column);
  return next;
}

function rebuild(v: LogView): { log: OrderUpdate[]; orders: OrderRecord[] } {
  const log: OrderUpdate[] = new Array(v.n);
  const updates: OrderUpdate[][] = [];
  for (let o = 0; o < v.orderCount; o++) updates.push([]);
  for (let i = 0; i < v.n; i++) {
    const o = v.orderIndex[i] as number;
    let update: OrderUpdate;
    if (((v.flags[i] as number) & RAW) !== 0) {
      update = v.raw.get(i) as OrderUpdate;
    } else {
      const order = snapshot(v, i, o);
      const r = v.updateReasons.get(i);
      const prev = v.previous[i] as number;
      const previousStatus = prev === NO_STATUS ? undefined : STATUSES[prev];
      update =
        r === undefined
          ? { timestamp: v.timestamp[i] as number, status: order.status, previousStatus, order }
          : { timestamp: v.timestamp[i] as number, status: order.status, previousStatus, order, reason: r };
    }
    log[i] = update;
    (updates[o] as OrderUpdate[]).push(update);
  }
  const orders: OrderRecord[] = updates.map((own) => ({
    order: (own[own.length - 1] as OrderUpdate).order,
    updates: own,
  }));
  return { log, orders };
}

/** The frozen order copy of row `i` (order `o`), in the broker's field order. */
function snapshot(v: LogView, i: number, o: number): Order {
  const f = v.fixed;
  const copy: { -readonly [K in keyof Order]: Order[K] } = {
    id: f.id[o] as string,
    request: v.requests.get(i) ?? (f.request[o] as OrderEvent),
    symbol: f.symbol[o] as string,
    symbolId: f.symbolId[o] as SymbolId,
    side: f.side[o] as OrderSide,
    type: f.type[o] as OrderType,
    quantity: v.quantity[i] as number,
    timeInForce: f.timeInForce[o] as TimeInForce,
    status: STATUSES[v.status[i] as number] as OrderStatus,
    filledQuantity: v.filled[i] as number,
    avgFillPrice: v.avgPrice[i] as number,
    submittedAt: f.submittedAt[o] as number,
    submittedIndex: f.submittedIndex[o] as number,
    signalPrice: f.signalPrice[o] as number,
    stopLevel: v.stopLevel[i] as number,
    triggered: ((v.flags[i] as number) & TRIGGERED) !== 0,
  };
  const parentId = f.parentId.get(o);
  if (parentId !== undefined) copy.parentId = parentId;
  const ocoGroup = f.ocoGroup.get(o);
  if (ocoGroup !== undefined) copy.ocoGroup = ocoGroup;
  const reason = v.reasons.get(i);
  if (reason !== undefined) copy.reason = reason;
  return Object.freeze(copy);
}
