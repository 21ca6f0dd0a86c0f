import type { Order, OrderEvent, OrderUpdate } from '@ml4t/core';
import { FirstUpdates } from './first-updates.js';
import { FlatRecords } from './flat-record.js';
import { OrderDecoder, type OrderStore } from './order-decoder.js';
import type { OrderRecord } from './order-record.js';
import {
  FILLED,
  FILLED_ALL,
  FIRST_FINAL,
  ID_SEQUENTIAL,
  NEW,
  NO_STATUS,
  OCO,
  ORDER_KEYS,
  ORDER_REASON,
  PARENT,
  PREVIOUS_SHIFT,
  QUANTITY,
  RAW,
  REQUEST,
  REQUEST_BASE_KEYS,
  REQUEST_KEPT,
  REQUIRED_ORDER_KEYS,
  ROW_MAX_INTS,
  ROW_MAX_NUMS,
  SAME_INDEX,
  SAME_TIME,
  SHARED_REASON,
  STATUS_SHIFT,
  STOP,
  STOP_NAN,
  SUBMITTED_NOW,
  SYMBOL_BY_ID,
  statusCode,
  TRIGGERED,
  UPDATE_KEYS,
  UPDATE_REASON,
} from './order-row.js';
import { type Constructed, hasKeys, isInt32 } from './record-keys.js';
import { idNumber, StringTable } from './string-table.js';
import { SymbolNames } from './symbol-names.js';
import { TupleTable } from './tuple-table.js';
import { WordStream } from './word-stream.js';

/** Char code of `O`, the prefix of the simulated broker's order ids. */
const O = 79;
/** Slots of the ring of working orders (a power of two; see {@link OrderLog}). */
const LIVE_SLOTS = 4096;
/** The keys of the usual request, a literal `{ type, symbol, side, quantity }`, all of them order fields. */
const OWN_REQUEST_KEYS: readonly string[] = ['type', 'symbol', 'side', 'quantity'];

/**
 * The collector's order log, compact: one variable-length row of words per update (see `order-row.ts`)
 * instead of every update object with its frozen order snapshot (about 0.4 KB per update). An order's fixed
 * fields (id, request, symbol, side, type, submission…) are stored once, in its first row; later rows hold
 * what changed (status, fills, quantity, stop level, reasons). Requests and reasons are coded as flat records,
 * their values equal to the order's fields taken from it. {@link OrderLog.materialize} rebuilds equal
 * objects on request: same fields in the broker's order, frozen order copies, each record's `order` the same
 * object as its last update's.
 *
 * An update the rows cannot represent exactly (e.g. from a custom broker with extra fields, or after its
 * order's final status) is kept as it came, and so is a request that is not a flat record. To compare later
 * updates with, the log keeps the first update's order object of each order still working (not of finished
 * ones) and the quantity, stop level and request it had then.
 *
 * {@link OrderLog.pushLive} takes updates whose order is the broker's live record (see
 * `ResultSink.onOrderLive`): the same rows, without the checks of key order and frozenness that a copy needs,
 * and with a frozen copy kept when the rows cannot represent one.
 *
 * Everything is append-only, so a materialized view stays valid while the log goes on.
 */
export class OrderLog {
  private readonly store: OrderStore;
  private n = 0;
  private orders = 0;
  /** Order index by id, for ids other than `O<index + 1>`. */
  private readonly byId = new Map<string, number>();
  /** Indices of the orders in {@link OrderLog.byId}. */
  private readonly irregular = new Set<number>();
  /**
   * The first update of each coded order not yet in a final status, which its later updates are compared with.
   * An order still working when an order 4,096 later takes its slot loses it: its later updates are kept as
   * they came.
   */
  private readonly firsts = new FirstUpdates(LIVE_SLOTS);
  /** Timestamp of the last coded row. */
  private time = Number.NaN;
  /** Submitted index of the last coded new order. */
  private lastIndex = -1;
  /** Id and index of the order of the last update. */
  private lastId: string | undefined;
  private lastOrder = -1;
  /** Request shape indices of {@link OWN_REQUEST_KEYS}, mutable and frozen (−1 until first seen). */
  private ownRequest = -1;
  private frozenOwnRequest = -1;

  /** @param chunkWords - the largest storage chunk, in words */
  constructor(chunkWords?: number) {
    this.store = {
      stream: new WordStream(chunkWords),
      ids: new StringTable(),
      symbols: new StringTable(),
      labels: new StringTable(),
      names: new SymbolNames(),
      tuples: new TupleTable(),
      requests: new FlatRecords<Order>(REQUEST_BASE_KEYS, requestField, orderField),
      reasons: new FlatRecords(),
      raw: [],
      kept: [],
    };
  }

  /** Number of updates logged. */
  get length(): number {
    return this.n;
  }

  /** Appends one update (a frozen copy of its order, as `ResultSink.onOrder` receives). */
  push(update: OrderUpdate): void {
    this.append(update, false);
  }

  /**
   * Appends one update whose order is the broker's live record and whose object the broker may reuse (as
   * `ResultSink.onOrderLive` receives): the update is not kept, and the order record only to recognise the
   * order's later updates, its changing fields copied.
   */
  pushLive(update: OrderUpdate): void {
    this.append(update, true);
  }

  private append(update: OrderUpdate, live: boolean): void {
    const order = update.order;
    const s = this.store.stream;
    s.reserve(ROW_MAX_INTS, ROW_MAX_NUMS);
    const at = s.ip;
    const fat = s.fp;
    let o: number;
    let isNew = false;
    if (order.id === this.lastId && this.lastOrder >= 0) {
      // The same order as the previous update (e.g. accepted right after its submission): no id to parse.
      o = this.lastOrder;
    } else {
      const number = idNumber(order.id, O);
      o = this.find(order.id, number);
      isNew = o < 0;
      if (isNew) o = this.register(order.id, number);
      this.lastId = order.id;
      this.lastOrder = o;
    }
    const bits = headerBits(update, order, live);
    if (!(bits >= 0 && (isNew ? this.codeNew(update, order, o, bits, live) : this.codeNext(update, order, o, bits)))) {
      s.ip = at;
      s.fp = fat;
      s.ints[s.ip++] = isNew ? RAW | NEW : RAW;
      if (!isNew) s.ints[s.ip++] = o;
      this.store.raw.push(live ? updateCopy(update) : update);
    }
    this.n++;
  }

  /**
   * The log so far as objects: every update in event order and one record per order (its latest snapshot and
   * its updates) in order of first appearance. Built on the first call of either getter of the returned value;
   * later pushes do not change it.
   */
  materialize(): { readonly log: () => readonly OrderUpdate[]; readonly orders: () => readonly OrderRecord[] } {
    const n = this.n;
    const store = this.store;
    let built: { log: OrderUpdate[]; orders: OrderRecord[] } | undefined;
    const build = () => {
      built ??= new OrderDecoder(store).rebuild(n);
      return built;
    };
    return { log: () => build().log, orders: () => build().orders };
  }

  /** The index of the order with id `id` (whose {@link idNumber} is `n`), −1 if it is new. */
  private find(id: string, n: number): number {
    if (this.byId.size > 0) {
      const o = this.byId.get(id);
      if (o !== undefined) return o;
    }
    return n > 0 && n <= this.orders && (this.irregular.size === 0 || !this.irregular.has(n - 1)) ? n - 1 : -1;
  }

  /** Adds an order with id `id` (whose {@link idNumber} is `n`); returns its index. */
  private register(id: string, n: number): number {
    const o = this.orders++;
    if (n !== o + 1) {
      this.byId.set(id, o);
      this.irregular.add(o);
    }
    return o;
  }

  /**
   * Codes the first update of order `o` with its fixed fields (`bits`: its {@link headerBits}; `live`: a live
   * update); false if the rows cannot represent it.
   */
  private codeNew(update: OrderUpdate, order: Order, o: number, bits: number, live: boolean): boolean {
    if (
      (!live &&
        ((update as Constructed).constructor !== Object ||
          !Object.isExtensible(update) ||
          (order as Constructed).constructor !== Object)) ||
      !isInt32(order.symbolId) ||
      !isInt32(order.submittedIndex) ||
      typeof order.symbol !== 'string' ||
      typeof order.side !== 'string' ||
      typeof order.type !== 'string' ||
      typeof order.timeInForce !== 'string' ||
      (order.parentId !== undefined && typeof order.parentId !== 'string') ||
      (order.ocoGroup !== undefined && typeof order.ocoGroup !== 'string')
    ) {
      return false;
    }
    const st = this.store;
    const s = st.stream;
    const ints = s.ints;
    const nums = s.nums;
    const at = s.ip;
    let ip = at + 2;
    let fp = s.fp;
    const time = update.timestamp;
    let h = NEW | bits;
    let fixed = 0;
    if (Object.is(time, this.time)) h |= SAME_TIME;
    else nums[fp++] = time;
    if (this.irregular.size === 0 || !this.irregular.has(o)) fixed |= ID_SEQUENTIAL;
    else ints[ip++] = st.ids.code(order.id);
    ints[ip++] = order.symbolId;
    if (st.names.matches(order.symbolId, order.symbol)) fixed |= SYMBOL_BY_ID;
    else ints[ip++] = st.symbols.code(order.symbol);
    ints[ip++] = st.tuples.code(order.side, order.type, order.timeInForce);
    if (order.submittedIndex === this.lastIndex) fixed |= SAME_INDEX;
    else ints[ip++] = order.submittedIndex;
    if (order.parentId !== undefined) {
      fixed |= PARENT;
      ints[ip++] = st.labels.code(order.parentId);
    }
    if (order.ocoGroup !== undefined) {
      fixed |= OCO;
      ints[ip++] = st.labels.code(order.ocoGroup);
    }
    if (Object.is(order.submittedAt, time)) fixed |= SUBMITTED_NOW;
    else nums[fp++] = order.submittedAt;
    nums[fp++] = order.signalPrice;
    nums[fp++] = order.quantity;
    if (Number.isNaN(order.stopLevel)) fixed |= STOP_NAN;
    else nums[fp++] = order.stopLevel;
    const filled = filledBits(order);
    s.ip = ip;
    s.fp = writeFilled(order, filled, nums, fp);
    h = this.codeRecords(update, order, h | filled, true);
    if (h < 0) return false;
    ints[at] = h;
    ints[at + 1] = fixed;
    this.time = time;
    this.lastIndex = order.submittedIndex;
    if (((bits >> STATUS_SHIFT) & 15) < FIRST_FINAL) this.firsts.remember(o, order);
    return true;
  }

  /**
   * Codes a later update of order `o` as what changed since its first (`bits`: its {@link headerBits}); false if
   * the rows cannot represent it.
   */
  private codeNext(update: OrderUpdate, order: Order, o: number, bits: number): boolean {
    const firsts = this.firsts;
    const slot = firsts.slotOf(o);
    if (slot < 0 || !firsts.sameFixed(slot, order)) return false;
    const s = this.store.stream;
    const ints = s.ints;
    const nums = s.nums;
    const at = s.ip;
    let fp = s.fp;
    const time = update.timestamp;
    const filled = filledBits(order);
    let h = bits | filled;
    if (Object.is(time, this.time)) h |= SAME_TIME;
    else nums[fp++] = time;
    if (!Object.is(order.quantity, firsts.quantity[slot])) {
      h |= QUANTITY;
      nums[fp++] = order.quantity;
    }
    if (!Object.is(order.stopLevel, firsts.stopLevel[slot])) {
      h |= STOP;
      nums[fp++] = order.stopLevel;
    }
    ints[at + 1] = o;
    s.ip = at + 2;
    s.fp = writeFilled(order, filled, nums, fp);
    h = this.codeRecords(update, order, order.request === firsts.request[slot] ? h : h | REQUEST, false);
    if (h < 0) return false;
    ints[at] = h;
    this.time = time;
    if (((bits >> STATUS_SHIFT) & 15) >= FIRST_FINAL) firsts.forget(slot);
    return true;
  }

  /**
   * Codes the order's and the update's reasons and, for a new order or with {@link REQUEST} in `h`, the
   * request. Returns the header with their bits, or −1 if a reason is not a flat record.
   */
  private codeRecords(update: OrderUpdate, order: Order, h: number, isNew: boolean): number {
    const st = this.store;
    const s = st.stream;
    let bits = h;
    if (order.reason !== undefined) {
      if (!st.reasons.write(order.reason, s)) return -1;
      bits |= ORDER_REASON;
    }
    if (update.reason !== undefined) {
      if (update.reason === order.reason) bits |= SHARED_REASON;
      else if (st.reasons.write(update.reason, s)) bits |= UPDATE_REASON;
      else return -1;
    }
    if (isNew || (bits & REQUEST) !== 0) {
      const shape = this.ownRequestShape(order);
      if (shape >= 0) {
        st.requests.writeBased(shape, s);
      } else if (!st.requests.write(order.request, s, order)) {
        st.kept.push(order.request as OrderEvent);
        bits |= REQUEST_KEPT;
      }
    }
    return bits;
  }

  /**
   * The request shape of `order`'s request if it is a plain `{ type, symbol, side, quantity }` record whose
   * values are the order's (most requests: a market order the broker did not resize), −1 otherwise. Such a
   * request is coded as its shape alone, as {@link FlatRecords.write} would code it, with four loads instead of
   * its generic reads.
   */
  private ownRequestShape(order: Order): number {
    const r = order.request;
    if (
      (r as Constructed).constructor !== Object ||
      !hasKeys(r, OWN_REQUEST_KEYS, OWN_REQUEST_KEYS.length) ||
      r.type !== order.type ||
      r.symbol !== order.symbol ||
      r.side !== order.side ||
      !Object.is(r.quantity, order.quantity)
    ) {
      return -1;
    }
    const frozen = !Object.isExtensible(r) && Object.isFrozen(r);
    const known = frozen ? this.frozenOwnRequest : this.ownRequest;
    if (known >= 0) return known;
    const index = this.store.requests.shapeIndexOf(OWN_REQUEST_KEYS, frozen);
    if (frozen) this.frozenOwnRequest = index;
    else this.ownRequest = index;
    return index;
  }
}

/**
 * The header's status, previous-status and triggered bits of `update`, or −1 unless its fields are of the types
 * the rows hold and, unless `live`, `update` has exactly the {@link OrderUpdate} fields in the broker's order
 * and `order` is a frozen snapshot (as the broker publishes it; checked as not extensible: `Object.isFrozen`
 * walks every property) with exactly the {@link Order} fields (optional ones absent rather than `undefined`).
 * (That both are plain objects is checked at an order's first update; the later ones come from the same
 * broker.) A live update is read field by field and rebuilt as a copy would be.
 */
function headerBits(update: OrderUpdate, order: Order, live: boolean): number {
  const status = statusCode(order.status);
  const previous = statusCode(update.previousStatus);
  return status >= 0 &&
    status < NO_STATUS &&
    previous >= 0 &&
    update.status === order.status &&
    typeof update.timestamp === 'number' &&
    (live ||
      (hasKeys(update, UPDATE_KEYS, 4) &&
        !Object.isExtensible(order) &&
        hasKeys(order, ORDER_KEYS, REQUIRED_ORDER_KEYS))) &&
    typeof order.quantity === 'number' &&
    typeof order.filledQuantity === 'number' &&
    typeof order.avgFillPrice === 'number' &&
    typeof order.submittedAt === 'number' &&
    typeof order.signalPrice === 'number' &&
    typeof order.stopLevel === 'number' &&
    typeof order.triggered === 'boolean'
    ? (status << STATUS_SHIFT) | (previous << PREVIOUS_SHIFT) | (order.triggered ? TRIGGERED : 0)
    : -1;
}

/**
 * A copy of a live update as the simulated broker publishes one: a frozen copy of its order with the
 * {@link Order} fields in their order (optional ones only when defined), the reason only when there is one.
 */
function updateCopy(update: OrderUpdate): OrderUpdate {
  const order = update.order as unknown as Readonly<Record<string, unknown>>;
  const copy: Record<string, unknown> = {};
  ORDER_KEYS.forEach((key, k) => {
    const value = order[key];
    if (k < REQUIRED_ORDER_KEYS || value !== undefined) copy[key] = value;
  });
  const out: { -readonly [K in keyof OrderUpdate]: OrderUpdate[K] } = {
    timestamp: update.timestamp,
    status: update.status,
    previousStatus: update.previousStatus,
    order: Object.freeze(copy) as unknown as Order,
  };
  if (update.reason !== undefined) out.reason = update.reason;
  return out;
}

/** The field `key` of a request: named loads for the fields requests usually have (cheaper than keyed). */
function requestField(request: object, key: string): unknown {
  const r = request as Partial<OrderEvent> & Record<string, unknown>;
  switch (key) {
    case 'type':
      return r.type;
    case 'symbol':
      return r.symbol;
    case 'side':
      return r.side;
    case 'quantity':
      return r.quantity;
    default:
      return r[key];
  }
}

/** The field `key` of an order: named loads for the fields a request repeats. */
function orderField(order: Order, key: string): unknown {
  switch (key) {
    case 'type':
      return order.type;
    case 'symbol':
      return order.symbol;
    case 'side':
      return order.side;
    case 'quantity':
      return order.quantity;
    case 'timeInForce':
      return order.timeInForce;
    default:
      return (order as unknown as Record<string, unknown>)[key];
  }
}

/** The header's fill bits: none for nothing filled (0 and NaN), {@link FILLED_ALL} or {@link FILLED}. */
function filledBits(order: Order): number {
  if (Object.is(order.filledQuantity, 0) && Number.isNaN(order.avgFillPrice)) return 0;
  return Object.is(order.filledQuantity, order.quantity) ? FILLED_ALL : FILLED;
}

/** Writes the floats of the fill bits `bits` at `nums[fp]`; returns the next position. */
function writeFilled(order: Order, bits: number, nums: Float64Array, fp: number): number {
  let p = fp;
  if (bits === FILLED) nums[p++] = order.filledQuantity;
  if (bits !== 0) nums[p++] = order.avgFillPrice;
  return p;
}
