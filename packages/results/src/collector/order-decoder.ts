import type {
  Order,
  OrderEvent,
  OrderReason,
  OrderSide,
  OrderStatus,
  OrderType,
  OrderUpdate,
  SymbolId,
  TimeInForce,
} from '@ml4t/core';
import type { FlatRecords } from './flat-record.js';
import type { OrderRecord } from './order-record.js';
import {
  FILLED,
  FILLED_ALL,
  ID_SEQUENTIAL,
  NEW,
  NO_STATUS,
  OCO,
  ORDER_REASON,
  PARENT,
  PREVIOUS_SHIFT,
  QUANTITY,
  RAW,
  REQUEST,
  REQUEST_KEPT,
  ROW_MAX_INTS,
  ROW_MAX_NUMS,
  SAME_INDEX,
  SAME_TIME,
  SHARED_REASON,
  STATUS_SHIFT,
  STATUSES,
  STOP,
  STOP_NAN,
  SUBMITTED_NOW,
  SYMBOL_BY_ID,
  TRIGGERED,
  UPDATE_REASON,
} from './order-row.js';
import type { StringTable } from './string-table.js';
import type { SymbolNames } from './symbol-names.js';
import type { TupleTable } from './tuple-table.js';
import { WordCursor, type WordStream } from './word-stream.js';

/** The storage of an order log: its rows, the tables their codes index, and what was kept as it came. */
export interface OrderStore {
  readonly stream: WordStream;
  /** Ids other than `O<index + 1>`. */
  readonly ids: StringTable;
  /** Symbols other than their id's learned name. */
  readonly symbols: StringTable;
  /** Parent ids and OCO groups. */
  readonly labels: StringTable;
  readonly names: SymbolNames;
  /** (side, type, time in force) of each order. */
  readonly tuples: TupleTable;
  readonly requests: FlatRecords<Order>;
  readonly reasons: FlatRecords;
  /** The updates kept as they came, in row order. */
  readonly raw: OrderUpdate[];
  /** The requests kept as they came, in row order. */
  readonly kept: OrderEvent[];
}

/** The fields of an order that never change. */
type Fixed = Pick<
  Order,
  'id' | 'symbol' | 'symbolId' | 'side' | 'type' | 'timeInForce' | 'submittedAt' | 'submittedIndex' | 'signalPrice'
> & { readonly parentId?: string | undefined; readonly ocoGroup?: string | undefined };
type MutableOrder = { -readonly [K in keyof Order]: Order[K] };

/** Rebuilds an order log's updates from its rows, reading them in order (see `order-row.ts`). */
export class OrderDecoder {
  private readonly c: WordCursor;
  /** The rebuilt first snapshot of each order (undefined for an order kept as it came). */
  private readonly firsts: (Order | undefined)[] = [];
  private time = Number.NaN;
  private lastIndex = -1;
  private raw = 0;
  private kept = 0;

  constructor(private readonly store: OrderStore) {
    this.c = new WordCursor(store.stream);
  }

  /** The first `n` updates, and one record per order they cover, in order of first appearance. */
  rebuild(n: number): { log: OrderUpdate[]; orders: OrderRecord[] } {
    const c = this.c;
    const log: OrderUpdate[] = new Array(n);
    const own: OrderUpdate[][] = [];
    for (let i = 0; i < n; i++) {
      c.reserve(ROW_MAX_INTS, ROW_MAX_NUMS);
      const h = c.int();
      let o: number;
      if ((h & NEW) !== 0) {
        o = own.length;
        own.push([]);
        this.firsts.push(undefined);
      } else {
        o = c.int();
      }
      const update = (h & RAW) !== 0 ? (this.store.raw[this.raw++] as OrderUpdate) : this.update(h, o);
      log[i] = update;
      (own[o] as OrderUpdate[]).push(update);
    }
    const orders = own.map((updates) => ({ order: (updates[updates.length - 1] as OrderUpdate).order, updates }));
    return { log, orders };
  }

  private update(h: number, o: number): OrderUpdate {
    const c = this.c;
    if ((h & SAME_TIME) === 0) this.time = c.num();
    const isNew = (h & NEW) !== 0;
    // A coded later row belongs to an order whose first row was coded too.
    const previous = isNew ? undefined : (this.firsts[o] as Order);
    let first: Fixed;
    let quantity: number;
    let stopLevel: number;
    if (previous === undefined) {
      const f = this.fixed(o);
      first = f;
      quantity = f.quantity;
      stopLevel = f.stopLevel;
    } else {
      first = previous;
      quantity = (h & QUANTITY) !== 0 ? c.num() : previous.quantity;
      stopLevel = (h & STOP) !== 0 ? c.num() : previous.stopLevel;
    }
    const filled = (h & FILLED) !== 0 ? c.num() : (h & FILLED_ALL) !== 0 ? quantity : 0;
    const avgFillPrice = (h & (FILLED | FILLED_ALL)) !== 0 ? c.num() : Number.NaN;
    const status = STATUSES[(h >> STATUS_SHIFT) & 15] as OrderStatus;
    const copy: MutableOrder = {
      id: first.id,
      request: undefined as unknown as OrderEvent,
      symbol: first.symbol,
      symbolId: first.symbolId,
      side: first.side,
      type: first.type,
      quantity,
      timeInForce: first.timeInForce,
      status,
      filledQuantity: filled,
      avgFillPrice,
      submittedAt: first.submittedAt,
      submittedIndex: first.submittedIndex,
      signalPrice: first.signalPrice,
      stopLevel,
      triggered: (h & TRIGGERED) !== 0,
    };
    if (first.parentId !== undefined) copy.parentId = first.parentId;
    if (first.ocoGroup !== undefined) copy.ocoGroup = first.ocoGroup;
    const { reasons, requests } = this.store;
    if ((h & ORDER_REASON) !== 0) copy.reason = reasons.read(c) as OrderReason;
    const reason =
      (h & SHARED_REASON) !== 0
        ? copy.reason
        : (h & UPDATE_REASON) !== 0
          ? (reasons.read(c) as OrderReason)
          : undefined;
    if (previous === undefined || (h & REQUEST) !== 0) {
      copy.request =
        (h & REQUEST_KEPT) !== 0
          ? (this.store.kept[this.kept++] as OrderEvent)
          : (requests.read(c, copy) as OrderEvent);
    } else {
      copy.request = previous.request;
    }
    const order = Object.freeze(copy);
    if (isNew) this.firsts[o] = order;
    const prev = (h >> PREVIOUS_SHIFT) & 15;
    const previousStatus = prev === NO_STATUS ? undefined : STATUSES[prev];
    const timestamp = this.time;
    return reason === undefined
      ? { timestamp, status, previousStatus, order }
      : { timestamp, status, previousStatus, order, reason };
  }

  /** Reads the fixed fields of new order `o`, its quantity and its stop level. */
  private fixed(o: number): Fixed & { readonly quantity: number; readonly stopLevel: number } {
    const c = this.c;
    const st = this.store;
    const bits = c.int();
    const id = (bits & ID_SEQUENTIAL) !== 0 ? `O${o + 1}` : (st.ids.values[c.int()] as string);
    const symbolId = c.int() as SymbolId;
    const symbol = (bits & SYMBOL_BY_ID) !== 0 ? st.names.name(symbolId) : (st.symbols.values[c.int()] as string);
    const tuple = st.tuples.tuples[c.int()] as readonly string[];
    const submittedIndex = (bits & SAME_INDEX) !== 0 ? this.lastIndex : c.int();
    this.lastIndex = submittedIndex;
    const parentId = (bits & PARENT) !== 0 ? st.labels.values[c.int()] : undefined;
    const ocoGroup = (bits & OCO) !== 0 ? st.labels.values[c.int()] : undefined;
    const submittedAt = (bits & SUBMITTED_NOW) !== 0 ? this.time : c.num();
    const signalPrice = c.num();
    const quantity = c.num();
    const stopLevel = (bits & STOP_NAN) !== 0 ? Number.NaN : c.num();
    return {
      id,
      symbol,
      symbolId,
      side: tuple[0] as OrderSide,
      type: tuple[1] as OrderType,
      timeInForce: tuple[2] as TimeInForce,
      submittedAt,
      submittedIndex,
      signalPrice,
      parentId,
      ocoGroup,
      quantity,
      stopLevel,
    };
  }
}
