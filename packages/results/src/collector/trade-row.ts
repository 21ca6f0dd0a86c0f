import { MONEY_MAX_INTS } from './money-words.js';

/*
 * The row layout of the trade log's `WordStream`, shared by its writer (`TradeLog`) and reader
 * (`TradeDecoder`). One row per record:
 *
 * - ints: header; id code unless sequential; position id code; (direction, exit reason, exit rule) tuple; the
 *   exit fill's row if `EXIT`, else symbol id, symbol code unless learned, exit index and exit order id code;
 *   the entry fill's row if `ENTRY` or `ENTRY_COSTS`; unless `ENTRY`, the entry index and the entry order id
 *   code if `ONE_ORDER` (else the ids are kept); bars held unless `BARS`; the amounts of `MONEY_KEYS` whose
 *   flag is not set, as money words.
 * - floats: quantity unless `QUANTITY_EXIT`; multiplier unless `EXIT`; entry time unless `ENTRY`; exit time
 *   unless `EXIT`; entry price; exit price unless `EXIT`; entry slippage per unit; exit slippage per unit
 *   unless `EXIT`; return and net return; duration unless `DURATION`; MFE and MAE.
 */

/** The record is kept as it came (the next one in the raw list). */
export const RAW = 1;
/** The id is `T<row + 1>`. */
export const ID_SEQUENTIAL = 2;
/** Symbol, symbol id, multiplier, exit time, index, price, slippage per unit and order id are the exit fill's. */
export const EXIT = 4;
/** Exit commission, slippage and impact are the exit fill's amounts. */
export const EXIT_COSTS = 8;
/** Entry time and index are the entry fill's, and the entry order ids are its order id alone. */
export const ENTRY = 16;
/** Entry commission, slippage and impact are the entry fill's amounts. */
export const ENTRY_COSTS = 32;
/** Commission is entry plus exit commission, exactly. */
export const COMMISSION_SUM = 64;
/** Slippage is entry plus exit slippage, exactly. */
export const SLIPPAGE_SUM = 128;
/** Impact is entry plus exit impact, exactly. */
export const IMPACT_SUM = 256;
/** Gross P&L is the exit fill's notional minus the entry fill's, exactly. */
export const GROSS_LONG = 512;
/** Gross P&L is the entry fill's notional minus the exit fill's, exactly. */
export const GROSS_SHORT = 1024;
/** Net P&L is gross P&L minus commission, exactly. */
export const NET = 2048;
/** Duration is exit time minus entry time. */
export const DURATION = 4096;
/** Bars held is exit index minus entry index. */
export const BARS = 8192;
/** Quantity is the exit fill's. */
export const QUANTITY_EXIT = 16384;
export const OPEN = 32768;
/** The entry order ids are one coded id (with neither this nor `ENTRY`, they are kept as they came). */
export const ONE_ORDER = 65536;
export const SYMBOL_BY_ID = 1 << 17;
/** The entry context differs from the previous coded row's (the next kept context). */
export const NEW_ENTRY_CONTEXT = 1 << 18;
/** The exit context differs from the previous coded row's (the next kept context). */
export const NEW_EXIT_CONTEXT = 1 << 19;

/** The money fields, in row order (an amount comes after those it may be the sum of). */
export const MONEY_KEYS = [
  'entryCommission',
  'entrySlippage',
  'entryImpact',
  'exitCommission',
  'exitSlippage',
  'exitImpact',
  'commission',
  'slippage',
  'impact',
  'pnlGross',
  'pnlNet',
] as const;
/** Per money field: the header bits that derive it (it is stored when none is set). */
export const MONEY_FLAGS: readonly number[] = [
  ENTRY_COSTS,
  ENTRY_COSTS,
  ENTRY_COSTS,
  EXIT_COSTS,
  EXIT_COSTS,
  EXIT_COSTS,
  COMMISSION_SUM,
  SLIPPAGE_SUM,
  IMPACT_SUM,
  GROSS_LONG | GROSS_SHORT,
  NET,
];

/** Most ints and floats of one row. */
export const ROW_MAX_INTS = 12 + MONEY_KEYS.length * MONEY_MAX_INTS;
export const ROW_MAX_NUMS = 13;
