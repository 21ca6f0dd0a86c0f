import type { FillEvent, Money, Trade, TradeContext } from '@ml4t/core';
import { isSum } from './exact-sum.js';
import type { EntryFill, FillLinks } from './fill-links.js';
import type { FillLog } from './fill-log.js';
import { lazily } from './lazily.js';
import { isMoney, writeMoney } from './money-words.js';
import { type Constructed, hasKeys, isInt32 } from './record-keys.js';
import { idCode, idNumber, StringTable } from './string-table.js';
import { SymbolNames } from './symbol-names.js';
import { TradeDecoder, type TradeStore } from './trade-decoder.js';
import {
  BARS,
  COMMISSION_SUM,
  DURATION,
  ENTRY,
  ENTRY_COSTS,
  EXIT,
  EXIT_COSTS,
  GROSS_LONG,
  GROSS_SHORT,
  ID_SEQUENTIAL,
  IMPACT_SUM,
  MONEY_FLAGS,
  MONEY_KEYS,
  NET,
  NEW_ENTRY_CONTEXT,
  NEW_EXIT_CONTEXT,
  ONE_ORDER,
  OPEN,
  QUANTITY_EXIT,
  RAW,
  ROW_MAX_INTS,
  ROW_MAX_NUMS,
  SLIPPAGE_SUM,
  SYMBOL_BY_ID,
} from './trade-row.js';
import { TupleTable } from './tuple-table.js';
import { WordStream } from './word-stream.js';

/** The keys of a trade record in the portfolio's order (all present; `exitRule` may be undefined). */
const TRADE_KEYS: readonly string[] = [
  'id',
  'positionId',
  'symbol',
  'symbolId',
  'direction',
  'quantity',
  'multiplier',
  'entryTime',
  'exitTime',
  'entryIndex',
  'exitIndex',
  'entryPrice',
  'exitPrice',
  'entryCommission',
  'exitCommission',
  'commission',
  'entrySlippagePerUnit',
  'exitSlippagePerUnit',
  'entrySlippage',
  'exitSlippage',
  'slippage',
  'entryImpact',
  'exitImpact',
  'impact',
  'entryOrderIds',
  'exitOrderId',
  'exitReason',
  'exitRule',
  'pnlGross',
  'pnlNet',
  'returnPct',
  'netReturnPct',
  'barsHeld',
  'durationMs',
  'mfe',
  'mae',
  'entryContext',
  'exitContext',
  'isOpen',
];

const T = 84;
const P = 80;
const O = 79;

/**
 * True if `trade` is a plain record with exactly the {@link Trade} fields in the portfolio's order, of the types
 * the rows hold. An amount that is the exit fill's (`exit`) or the entry fill's (`entry`) object, validated when
 * that fill was coded, is not checked again.
 */
function isCanonicalTrade(trade: Trade, exit: FillEvent | undefined, entry: EntryFill | undefined): boolean {
  return (
    (trade as Constructed).constructor === Object &&
    Object.isExtensible(trade) &&
    hasKeys(trade, TRADE_KEYS, TRADE_KEYS.length) &&
    typeof trade.id === 'string' &&
    typeof trade.positionId === 'string' &&
    typeof trade.symbol === 'string' &&
    isInt32(trade.symbolId) &&
    typeof trade.direction === 'string' &&
    typeof trade.quantity === 'number' &&
    typeof trade.multiplier === 'number' &&
    typeof trade.entryTime === 'number' &&
    typeof trade.exitTime === 'number' &&
    isInt32(trade.entryIndex) &&
    isInt32(trade.exitIndex) &&
    typeof trade.entryPrice === 'number' &&
    typeof trade.exitPrice === 'number' &&
    typeof trade.entrySlippagePerUnit === 'number' &&
    typeof trade.exitSlippagePerUnit === 'number' &&
    typeof trade.exitOrderId === 'string' &&
    typeof trade.exitReason === 'string' &&
    typeof trade.returnPct === 'number' &&
    typeof trade.netReturnPct === 'number' &&
    isInt32(trade.barsHeld) &&
    typeof trade.durationMs === 'number' &&
    typeof trade.mfe === 'number' &&
    typeof trade.mae === 'number' &&
    typeof trade.isOpen === 'boolean' &&
    hasUserValues(trade, exit, entry, false)
  );
}

/**
 * The part of {@link isCanonicalTrade} that a record in canonical form (`RunInfo.canonicalRecords`) still
 * needs: the values user code supplies (the amounts of the cost models, the rule's name). With `ledgerSums`
 * the totals and the net P&L are the ledger's sums of those ({@link LEDGER_SUMS}) and are not checked.
 */
function hasUserValues(
  trade: Trade,
  exit: FillEvent | undefined,
  entry: EntryFill | undefined,
  ledgerSums: boolean,
): boolean {
  const e = entry?.coded ? entry : undefined;
  return (
    (trade.exitRule === undefined || typeof trade.exitRule === 'string') &&
    isAmount(trade.entryCommission, e?.commission) &&
    isAmount(trade.exitCommission, exit?.commission) &&
    isAmount(trade.entrySlippage, e?.slippage) &&
    isAmount(trade.exitSlippage, exit?.slippage) &&
    isAmount(trade.entryImpact, e?.impact) &&
    isAmount(trade.exitImpact, exit?.impact) &&
    isMoney(trade.pnlGross) &&
    (ledgerSums ||
      (isMoney(trade.commission) &&
        isMoney(trade.slippage) &&
        isAmount(trade.impact, trade.exitImpact) &&
        isMoney(trade.pnlNet)))
  );
}

/** True if `value` is `valid` (an amount already checked) or is money ({@link isMoney}). */
function isAmount(value: unknown, valid: Money | undefined): boolean {
  return (value === valid && valid !== undefined) || isMoney(value);
}

/**
 * True if `ids` is a fresh-looking plain array holding one string (rebuilt as a new one-element array);
 * `known` is a string it may hold (compared first, which spares the type check).
 */
function isSingleId(ids: readonly string[], known: string | undefined): boolean {
  return (
    Array.isArray(ids) &&
    ids.length === 1 &&
    ((known !== undefined && ids[0] === known) || typeof ids[0] === 'string') &&
    (ids as { constructor?: unknown }).constructor === Array &&
    Object.isExtensible(ids) &&
    Object.keys(ids).length === 1
  );
}

/**
 * The amounts of a record in canonical form that are sums by construction: the ledger computes the total
 * commission, slippage and impact as entry plus exit with core's `moneyPlus` (or a shortcut equal to it, sign of
 * zero included) and the net P&L as gross minus commission with `moneyMinus`, the very functions the decoder
 * rebuilds them with — so they are equal whatever their digits, rounding beyond 34 digits included (ADR 0014).
 */
const LEDGER_SUMS = COMMISSION_SUM | SLIPPAGE_SUM | IMPACT_SUM | NET;

/** The {@link LEDGER_SUMS} bits of the amounts of `trade` that are proven exact sums (see {@link isSum}). */
function provenSums(trade: Trade): number {
  let bits = 0;
  if (isSum(trade.commission, trade.entryCommission, trade.exitCommission, false)) bits |= COMMISSION_SUM;
  if (isSum(trade.slippage, trade.entrySlippage, trade.exitSlippage, false)) bits |= SLIPPAGE_SUM;
  if (isSum(trade.impact, trade.entryImpact, trade.exitImpact, false)) bits |= IMPACT_SUM;
  if (isSum(trade.pnlNet, trade.pnlGross, trade.commission, true)) bits |= NET;
  return bits;
}

/**
 * The bits of the amounts that are exact sums of others: total commission, slippage and impact (entry plus
 * exit), gross P&L (exit fill's notional minus entry fill's, or the reverse for a short, when both fills are
 * the trade's and coded) and net P&L (gross minus commission). `ledgerSums`: the record is in canonical form,
 * and only the gross P&L is checked ({@link LEDGER_SUMS}).
 */
function derivedBits(
  trade: Trade,
  exit: FillEvent | undefined,
  entry: EntryFill | undefined,
  ledgerSums: boolean,
): number {
  let bits = ledgerSums ? LEDGER_SUMS : provenSums(trade);
  if (exit !== undefined && entry?.coded) {
    const short = trade.direction === 'SHORT';
    const exitNotional = exit.notional;
    const entryNotional = entry.notional as Money;
    const ok = short
      ? isSum(trade.pnlGross, entryNotional, exitNotional, true)
      : isSum(trade.pnlGross, exitNotional, entryNotional, true);
    if (ok) bits |= short ? GROSS_SHORT : GROSS_LONG;
  }
  return bits;
}

/** Writes the amounts the header `h` does not derive at `ints[ip]`, in {@link MONEY_KEYS} order. */
function writeAmounts(trade: Trade, h: number, ints: Int32Array, ip: number): number {
  let p = ip;
  for (let k = 0; k < MONEY_KEYS.length; k++) {
    if ((h & (MONEY_FLAGS[k] as number)) === 0) p = writeMoney(ints, p, trade[MONEY_KEYS[k] as 'pnlNet']);
  }
  return p;
}

/**
 * The collector's closed trade records, compact: per record one variable-length row of words instead of the
 * portfolio's 39-field object with its eleven Decimals and boxed doubles (about 0.9 KB). What the ledger takes
 * from the trade's fills (exit time, price, order, costs…; entry time, order, costs) is stored as a reference
 * to the fill's row when it is the same value; amounts it adds up (total commission, slippage and impact,
 * gross and net P&L) are stored as a flag when they are exactly that sum (see {@link isSum}); the rest as
 * codes, floats and decimal.js digit words. The context objects are kept as they came, once per run of the
 * same object. {@link TradeLog.materialize} rebuilds equal records on first use; records the rows cannot
 * represent exactly are kept as they came.
 */
export class TradeLog {
  private readonly store: TradeStore;
  private readonly links: FillLinks | undefined;
  private n = 0;
  private entryContext: TradeContext | undefined;
  private exitContext: TradeContext | undefined;

  /**
   * @param fills - the fill log of the same run (its fills are logged before the trades they close), or none
   * @param chunkWords - the largest storage chunk, in words
   * @param canonical - the records are in canonical form (`RunInfo.canonicalRecords`): their shape is not
   *   checked
   */
  constructor(
    fills?: FillLog,
    chunkWords?: number,
    private readonly canonical = false,
  ) {
    this.links = fills?.links;
    this.store = {
      stream: new WordStream(chunkWords),
      ids: new StringTable(),
      symbols: new StringTable(),
      names: new SymbolNames(),
      tuples: new TupleTable(),
      contexts: [],
      entryOrderIds: [],
      raw: [],
    };
  }

  /** Number of records logged. */
  get length(): number {
    return this.n;
  }

  /** Appends `trade` (coded into a row, or kept as it came if the rows cannot represent it exactly). */
  push(trade: Trade): void {
    const s = this.store.stream;
    s.reserve(ROW_MAX_INTS, ROW_MAX_NUMS);
    const links = this.links;
    const position = typeof trade.positionId === 'string' ? idNumber(trade.positionId, P) : -1;
    const entry = links?.find(trade.symbolId, trade.positionId, position);
    const exit = links?.lastCoded ? links.last : undefined;
    if (this.canonical ? hasUserValues(trade, exit, entry, true) : isCanonicalTrade(trade, exit, entry)) {
      this.code(trade, this.n, exit, entry, position);
    } else {
      s.ints[s.ip++] = RAW;
      this.store.raw.push(trade);
    }
    links?.traded(trade.symbolId, trade.positionId, position, trade.quantity, entry);
    this.n++;
  }

  /**
   * The records so far as objects, built on the first call of the returned function (later pushes do not change
   * it).
   *
   * @param fills - the materialized fills of the log given to the constructor, taken no earlier than now
   */
  materialize(fills: () => readonly FillEvent[] = () => []): () => readonly Trade[] {
    const n = this.n;
    const store = this.store;
    return lazily(() => new TradeDecoder(store, fills).rebuild(n));
  }

  /**
   * Codes `trade` (row `row`; `x`: the last fill if coded, `e`: the candidate entry fill; `position`: the
   * number of its position id or −1) into its row.
   */
  private code(trade: Trade, row: number, x: FillEvent | undefined, e: EntryFill | undefined, position: number): void {
    const st = this.store;
    const s = st.stream;
    const ints = s.ints;
    const nums = s.nums;
    const at = s.ip;
    let ip = at + 1;
    let fp = s.fp;
    // A coded entry fill's order id is a string: an id equal to it needs no type check.
    const oneId = this.canonical
      ? trade.entryOrderIds.length === 1
      : isSingleId(trade.entryOrderIds, e?.coded ? e.orderId : undefined);
    const exit =
      x !== undefined &&
      trade.symbolId === x.symbolId &&
      trade.symbol === x.symbol &&
      Object.is(trade.multiplier, x.multiplier) &&
      Object.is(trade.exitTime, x.timestamp) &&
      trade.exitIndex === x.sliceIndex &&
      Object.is(trade.exitPrice, x.price) &&
      Object.is(trade.exitSlippagePerUnit, x.slippagePerUnit) &&
      trade.exitOrderId === x.orderId;
    const entry =
      e !== undefined &&
      Object.is(trade.entryTime, e.timestamp) &&
      trade.entryIndex === e.sliceIndex &&
      oneId &&
      trade.entryOrderIds[0] === e.orderId;
    const entryCosts =
      e !== undefined &&
      trade.entryCommission === e.commission &&
      trade.entrySlippage === e.slippage &&
      trade.entryImpact === e.impact;
    let h = trade.isOpen ? OPEN : 0;
    if (idNumber(trade.id, T) === row + 1) h |= ID_SEQUENTIAL;
    else ints[ip++] = idCode(trade.id, T, st.ids);
    ints[ip++] = position > 0 ? position : idCode(trade.positionId, P, st.ids);
    ints[ip++] = st.tuples.code(trade.direction, trade.exitReason, trade.exitRule);
    if (exit) {
      h |= EXIT;
      ints[ip++] = (this.links as FillLinks).lastRow;
      if (trade.exitCommission === x.commission && trade.exitSlippage === x.slippage && trade.exitImpact === x.impact) {
        h |= EXIT_COSTS;
      }
      if (Object.is(trade.quantity, x.quantity)) h |= QUANTITY_EXIT;
    } else {
      ints[ip++] = trade.symbolId;
      if (st.names.matches(trade.symbolId, trade.symbol)) h |= SYMBOL_BY_ID;
      else ints[ip++] = st.symbols.code(trade.symbol);
      ints[ip++] = trade.exitIndex;
      ints[ip++] = idCode(trade.exitOrderId, O, st.ids);
    }
    if (entry || entryCosts) {
      h |= (entry ? ENTRY : 0) | (entryCosts ? ENTRY_COSTS : 0);
      ints[ip++] = (e as EntryFill).row;
    }
    if (!entry) {
      ints[ip++] = trade.entryIndex;
      if (oneId) {
        h |= ONE_ORDER;
        ints[ip++] = idCode(trade.entryOrderIds[0] as string, O, st.ids);
      } else {
        st.entryOrderIds.push(trade.entryOrderIds);
      }
    }
    if (trade.barsHeld === trade.exitIndex - trade.entryIndex) h |= BARS;
    else ints[ip++] = trade.barsHeld;
    h |= derivedBits(trade, exit ? x : undefined, entry || entryCosts ? e : undefined, this.canonical);
    ip = writeAmounts(trade, h, ints, ip);
    if ((h & QUANTITY_EXIT) === 0) nums[fp++] = trade.quantity;
    if (!exit) nums[fp++] = trade.multiplier;
    if (!entry) nums[fp++] = trade.entryTime;
    if (!exit) nums[fp++] = trade.exitTime;
    nums[fp++] = trade.entryPrice;
    if (!exit) nums[fp++] = trade.exitPrice;
    nums[fp++] = trade.entrySlippagePerUnit;
    if (!exit) nums[fp++] = trade.exitSlippagePerUnit;
    nums[fp++] = trade.returnPct;
    nums[fp++] = trade.netReturnPct;
    if (Object.is(trade.durationMs, trade.exitTime - trade.entryTime)) h |= DURATION;
    else nums[fp++] = trade.durationMs;
    nums[fp++] = trade.mfe;
    nums[fp++] = trade.mae;
    if (trade.entryContext !== this.entryContext) {
      h |= NEW_ENTRY_CONTEXT;
      st.contexts.push(trade.entryContext);
      this.entryContext = trade.entryContext;
    }
    if (trade.exitContext !== this.exitContext) {
      h |= NEW_EXIT_CONTEXT;
      st.contexts.push(trade.exitContext);
      this.exitContext = trade.exitContext;
    }
    ints[at] = h;
    s.ip = ip;
    s.fp = fp;
  }
}
