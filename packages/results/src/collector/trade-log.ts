import type { ExitReason, Money, SymbolId, Trade, TradeContext, TradeDirection } from '@ml4t/core';
import {
  idCode,
  idOf,
  isInt32,
  lazily,
  MoneyPool,
  type MoneyReader,
  RowStore,
  StringTable,
} from './compact-columns.js';
import { hasKeys } from './order-log.js';

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

/** The money fields, in key order (their slot is their index here). */
const MONEY_KEYS = [
  'entryCommission',
  'exitCommission',
  'commission',
  'entrySlippage',
  'exitSlippage',
  'slippage',
  'entryImpact',
  'exitImpact',
  'impact',
  'pnlGross',
  'pnlNet',
] as const;
const MONEY_SLOTS = MONEY_KEYS.length;

// Float64 columns (stride NF).
const F_QUANTITY = 0;
const F_MULTIPLIER = 1;
const F_ENTRY_TIME = 2;
const F_EXIT_TIME = 3;
const F_ENTRY_PRICE = 4;
const F_EXIT_PRICE = 5;
const F_ENTRY_SLIP_UNIT = 6;
const F_EXIT_SLIP_UNIT = 7;
const F_RETURN = 8;
const F_NET_RETURN = 9;
const F_DURATION = 10;
const F_MFE = 11;
const F_MAE = 12;
const NF = 13;
// Int32 columns (stride NI); the money offsets follow at I_MONEY + slot.
const I_ID = 0;
const I_POSITION = 1;
const I_SYMBOL = 2;
const I_SYMBOL_ID = 3;
const I_DIRECTION = 4;
const I_ENTRY_INDEX = 5;
const I_EXIT_INDEX = 6;
const I_EXIT_ORDER = 7;
const I_EXIT_REASON = 8;
const I_EXIT_RULE = 9;
const I_BARS = 10;
const I_ENTRY_ORDER = 11;
const I_FLAGS = 12;
const I_MONEY = 13;
const NI = I_MONEY + MONEY_SLOTS;

/** Flag bits (bit 0 is the store's RAW_ROW). */
const OPEN = 2;
/** `entryOrderIds` is kept as it came (in `entryOrderIds`), not coded as its single `O<n>` id. */
const IDS_KEPT = 4;

const T = 84;
const P = 80;
const O = 79;

function isCanonicalTrade(trade: Trade): boolean {
  if (
    !(
      Object.getPrototypeOf(trade) === Object.prototype &&
      !Object.isFrozen(trade) &&
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
      (trade.exitRule === undefined || typeof trade.exitRule === 'string') &&
      typeof trade.returnPct === 'number' &&
      typeof trade.netReturnPct === 'number' &&
      isInt32(trade.barsHeld) &&
      typeof trade.durationMs === 'number' &&
      typeof trade.mfe === 'number' &&
      typeof trade.mae === 'number' &&
      typeof trade.isOpen === 'boolean'
    )
  ) {
    return false;
  }
  for (const key of MONEY_KEYS) if (!MoneyPool.fits(trade[key])) return false;
  return true;
}

/** True if `ids` is a fresh-looking plain array holding one `O<n>` id (rebuilt as `[id]`). */
function isSingleOrderId(ids: readonly string[]): boolean {
  return (
    Array.isArray(ids) &&
    ids.length === 1 &&
    Object.getPrototypeOf(ids) === Array.prototype &&
    !Object.isFrozen(ids) &&
    typeof ids[0] === 'string' &&
    Object.keys(ids).length === 1
  );
}

interface TradeStrings {
  readonly ids: StringTable;
  readonly symbol: StringTable;
  readonly direction: StringTable;
  readonly exitReason: StringTable;
  readonly exitRule: StringTable;
}

interface TradeView {
  readonly entryOrderIds: ReadonlyMap<number, readonly string[]>;
  readonly entryContext: readonly (TradeContext | undefined)[];
  readonly exitContext: readonly (TradeContext | undefined)[];
  readonly strings: TradeStrings;
  readonly money: MoneyReader;
}

/**
 * The collector's closed trade records, compact: per record one row of float and int columns (strings as
 * indices, ids as their numbers, the eleven money amounts as decimal.js digit words in a {@link MoneyPool}) and
 * the two context objects as they came (usually shared: the empty context, or the position's entry context),
 * instead of the portfolio's 39-field object with its Decimals and boxed doubles (about 0.9 KB).
 * {@link TradeLog.materialize} rebuilds equal records on first use; records the columns cannot represent
 * exactly are kept as they came.
 */
export class TradeLog extends RowStore<Trade> {
  private readonly money = new MoneyPool(MONEY_SLOTS);
  private readonly entryOrderIds = new Map<number, readonly string[]>();
  private readonly entryContext: (TradeContext | undefined)[] = [];
  private readonly exitContext: (TradeContext | undefined)[] = [];
  private readonly strings: TradeStrings = {
    ids: new StringTable(),
    symbol: new StringTable(),
    direction: new StringTable(),
    exitReason: new StringTable(),
    exitRule: new StringTable(),
  };

  /** @param chunkRows - rows per storage chunk */
  constructor(chunkRows = 4096) {
    super(chunkRows, NF, NI, I_FLAGS);
  }

  /** Appends `trade` (coded into the columns, or kept as it came if they cannot represent it exactly). */
  push(trade: Trade): void {
    if (this.append(trade, isCanonicalTrade(trade))) {
      encodeTrade(
        trade,
        this.row,
        this.numChunk,
        this.numAt,
        this.intChunk,
        this.intAt,
        this.strings,
        this.money,
        this.entryOrderIds,
      );
      this.entryContext.push(trade.entryContext);
      this.exitContext.push(trade.exitContext);
    } else {
      this.entryContext.push(undefined);
      this.exitContext.push(undefined);
    }
  }

  /** The records so far as objects, built on the first call of the returned function (later pushes do not change it). */
  materialize(): () => readonly Trade[] {
    const n = this.length;
    const view: TradeView = {
      entryOrderIds: this.entryOrderIds,
      entryContext: this.entryContext,
      exitContext: this.exitContext,
      strings: this.strings,
      money: this.money.reader(MONEY_SLOTS),
    };
    return lazily(() => this.rebuild(n, (num, b, int, a, flags, i) => decodeTrade(num, b, int, a, flags, i, view)));
  }
}

/** Codes `trade` (row `i`) into its row (`b`, `a`: the row's float and int offsets in `num`, `int`). */
function encodeTrade(
  trade: Trade,
  i: number,
  num: Float64Array,
  b: number,
  int: Int32Array,
  a: number,
  s: TradeStrings,
  money: MoneyPool,
  entryOrderIds: Map<number, readonly string[]>,
): void {
  num[b + F_QUANTITY] = trade.quantity;
  num[b + F_MULTIPLIER] = trade.multiplier;
  num[b + F_ENTRY_TIME] = trade.entryTime;
  num[b + F_EXIT_TIME] = trade.exitTime;
  num[b + F_ENTRY_PRICE] = trade.entryPrice;
  num[b + F_EXIT_PRICE] = trade.exitPrice;
  num[b + F_ENTRY_SLIP_UNIT] = trade.entrySlippagePerUnit;
  num[b + F_EXIT_SLIP_UNIT] = trade.exitSlippagePerUnit;
  num[b + F_RETURN] = trade.returnPct;
  num[b + F_NET_RETURN] = trade.netReturnPct;
  num[b + F_DURATION] = trade.durationMs;
  num[b + F_MFE] = trade.mfe;
  num[b + F_MAE] = trade.mae;
  int[a + I_ID] = idCode(trade.id, T, s.ids);
  int[a + I_POSITION] = idCode(trade.positionId, P, s.ids);
  int[a + I_SYMBOL] = s.symbol.code(trade.symbol);
  int[a + I_SYMBOL_ID] = trade.symbolId;
  int[a + I_DIRECTION] = s.direction.code(trade.direction);
  int[a + I_ENTRY_INDEX] = trade.entryIndex;
  int[a + I_EXIT_INDEX] = trade.exitIndex;
  int[a + I_EXIT_ORDER] = idCode(trade.exitOrderId, O, s.ids);
  int[a + I_EXIT_REASON] = s.exitReason.code(trade.exitReason);
  int[a + I_EXIT_RULE] = trade.exitRule === undefined ? -1 : s.exitRule.code(trade.exitRule);
  int[a + I_BARS] = trade.barsHeld;
  let flags = trade.isOpen ? OPEN : 0;
  const ids = trade.entryOrderIds;
  if (isSingleOrderId(ids)) {
    int[a + I_ENTRY_ORDER] = idCode(ids[0] as string, O, s.ids);
  } else {
    flags |= IDS_KEPT;
    entryOrderIds.set(i, ids);
  }
  int[a + I_FLAGS] = flags;
  const m = money;
  for (let k = 0; k < MONEY_SLOTS; k++) int[a + I_MONEY + k] = m.store(trade[MONEY_KEYS[k] as 'pnlNet'], k);
}

/** The amount in money slot `slot` of the row at int offset `a`. */
function moneyAt(money: MoneyReader, int: Int32Array, a: number, slot: number): Money {
  return money.read(int[a + I_MONEY + slot] as number, slot);
}

/** The record of coded row `i` (`b`, `a`: its float and int offsets in `num`, `int`). */
function decodeTrade(
  num: Float64Array,
  b: number,
  int: Int32Array,
  a: number,
  flags: number,
  i: number,
  v: TradeView,
): Trade {
  const { strings: s, money } = v;
  const exitRule = int[a + I_EXIT_RULE] as number;
  return {
    id: idOf(int[a + I_ID] as number, 'T', s.ids),
    positionId: idOf(int[a + I_POSITION] as number, 'P', s.ids),
    symbol: s.symbol.values[int[a + I_SYMBOL] as number] as string,
    symbolId: int[a + I_SYMBOL_ID] as SymbolId,
    direction: s.direction.values[int[a + I_DIRECTION] as number] as TradeDirection,
    quantity: num[b + F_QUANTITY] as number,
    multiplier: num[b + F_MULTIPLIER] as number,
    entryTime: num[b + F_ENTRY_TIME] as number,
    exitTime: num[b + F_EXIT_TIME] as number,
    entryIndex: int[a + I_ENTRY_INDEX] as number,
    exitIndex: int[a + I_EXIT_INDEX] as number,
    entryPrice: num[b + F_ENTRY_PRICE] as number,
    exitPrice: num[b + F_EXIT_PRICE] as number,
    entryCommission: moneyAt(money, int, a, 0),
    exitCommission: moneyAt(money, int, a, 1),
    commission: moneyAt(money, int, a, 2),
    entrySlippagePerUnit: num[b + F_ENTRY_SLIP_UNIT] as number,
    exitSlippagePerUnit: num[b + F_EXIT_SLIP_UNIT] as number,
    entrySlippage: moneyAt(money, int, a, 3),
    exitSlippage: moneyAt(money, int, a, 4),
    slippage: moneyAt(money, int, a, 5),
    entryImpact: moneyAt(money, int, a, 6),
    exitImpact: moneyAt(money, int, a, 7),
    impact: moneyAt(money, int, a, 8),
    entryOrderIds:
      (flags & IDS_KEPT) !== 0
        ? (v.entryOrderIds.get(i) as readonly string[])
        : [idOf(int[a + I_ENTRY_ORDER] as number, 'O', s.ids)],
    exitOrderId: idOf(int[a + I_EXIT_ORDER] as number, 'O', s.ids),
    exitReason: s.exitReason.values[int[a + I_EXIT_REASON] as number] as ExitReason,
    exitRule: exitRule < 0 ? undefined : s.exitRule.values[exitRule],
    pnlGross: moneyAt(money, int, a, 9),
    pnlNet: moneyAt(money, int, a, 10),
    returnPct: num[b + F_RETURN] as number,
    netReturnPct: num[b + F_NET_RETURN] as number,
    barsHeld: int[a + I_BARS] as number,
    durationMs: num[b + F_DURATION] as number,
    mfe: num[b + F_MFE] as number,
    mae: num[b + F_MAE] as number,
    entryContext: v.entryContext[i] as TradeContext,
    exitContext: v.exitContext[i] as TradeContext,
    isOpen: (flags & OPEN) !== 0,
  };
}
