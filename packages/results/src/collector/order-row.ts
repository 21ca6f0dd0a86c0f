import { OrderStatus } from '@ml4t/core';
import { RECORD_MAX_INTS, RECORD_MAX_NUMS } from './flat-record.js';

/*
 * The row layout of the order log's `WordStream`, shared by its writer (`OrderLog`) and reader
 * (`OrderDecoder`). One row per update:
 *
 * - ints: header; the order index unless `NEW`; for a coded `NEW` row the order's fixed fields (fixed-field
 *   bits, id code unless sequential, symbol id, symbol code unless learned, (side, type, time in force) tuple,
 *   submitted index unless the previous order's, parent id and OCO group codes if any); then the order's
 *   reason, the update's reason and the request as flat records, where flagged.
 * - floats: timestamp unless the previous coded row's; for `NEW` the submission time unless the timestamp,
 *   the signal price, the quantity and the stop level unless NaN, otherwise the quantity and stop level where
 *   they differ from the order's first update; filled quantity and average price as flagged; then the
 *   records' floats.
 */

/** The update is kept as it came (the next one in the log's raw list). */
export const RAW = 1;
/** The first update of a new order: its index is the number of orders so far; its fixed fields follow. */
export const NEW = 2;
/** The timestamp is the previous coded row's. */
export const SAME_TIME = 4;
export const TRIGGERED = 8;
/** The quantity differs from the order's first update (a float follows). */
export const QUANTITY = 16;
/** The stop level differs from the order's first update (a float follows). */
export const STOP = 32;
/** The filled quantity is the quantity: only the average fill price follows. */
export const FILLED_ALL = 64;
/** The filled quantity and the average fill price follow (with neither bit: 0 and NaN). */
export const FILLED = 128;
/** The order has a reason (a record follows). */
export const ORDER_REASON = 256;
/** The update has a reason of its own (a record follows). */
export const UPDATE_REASON = 512;
/** The update's reason is the order's. */
export const SHARED_REASON = 1024;
/** The order's request is not its first update's (a record follows, or it is kept). */
export const REQUEST = 2048;
/** The request of this row is kept as it came (the next one in the log's kept list), not coded. */
export const REQUEST_KEPT = 4096;
/** The header's status field (4 bits, index into {@link STATUSES}). */
export const STATUS_SHIFT = 16;
/** The header's previous-status field (4 bits; {@link NO_STATUS} for none). */
export const PREVIOUS_SHIFT = 20;

// Fixed-field bits (the second int of a coded NEW row).
/** The id is `O<index + 1>`. */
export const ID_SEQUENTIAL = 1;
/** The symbol is the learned name of the symbol id. */
export const SYMBOL_BY_ID = 2;
/** The order was submitted at the update's timestamp. */
export const SUBMITTED_NOW = 4;
/** The submitted index is the previous coded order's. */
export const SAME_INDEX = 8;
/** The stop level is NaN. */
export const STOP_NAN = 16;
export const PARENT = 32;
export const OCO = 64;

/** Most ints and floats of one row. */
export const ROW_MAX_INTS = 9 + 3 * RECORD_MAX_INTS;
export const ROW_MAX_NUMS = 7 + 3 * RECORD_MAX_NUMS;

/** Status codes of the header (index into this table). */
export const STATUSES: readonly OrderStatus[] = [
  OrderStatus.Submitted,
  OrderStatus.Accepted,
  OrderStatus.PartiallyFilled,
  OrderStatus.Filled,
  OrderStatus.Cancelled,
  OrderStatus.Rejected,
  OrderStatus.Expired,
];
/** Code of an absent previous status. */
export const NO_STATUS = 7;
/** Codes from this one on are final statuses: no update is expected after them. */
export const FIRST_FINAL = 3;

/** The code of `status` in {@link STATUSES}, {@link NO_STATUS} for undefined, −1 for anything else. */
export function statusCode(status: OrderStatus | undefined): number {
  // Literal cases: comparisons of interned strings, no property loads.
  switch (status) {
    case 'SUBMITTED':
      return 0;
    case 'ACCEPTED':
      return 1;
    case 'PARTIALLY_FILLED':
      return 2;
    case 'FILLED':
      return 3;
    case 'CANCELLED':
      return 4;
    case 'REJECTED':
      return 5;
    case 'EXPIRED':
      return 6;
    case undefined:
      return NO_STATUS;
    default:
      return -1;
  }
}

/** The keys of a canonical order snapshot, in order: the broker's (and the rebuilt copies') field order. */
export const ORDER_KEYS: readonly string[] = [
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
export const REQUIRED_ORDER_KEYS = 16;
/** The keys of a canonical update (the last one is optional). */
export const UPDATE_KEYS: readonly string[] = ['timestamp', 'status', 'previousStatus', 'order', 'reason'];
/** A request's values equal to its order's field of the same name are taken from the order (not stored). */
export const REQUEST_BASE_KEYS: ReadonlySet<string> = new Set(ORDER_KEYS.filter((key) => key !== 'request'));
