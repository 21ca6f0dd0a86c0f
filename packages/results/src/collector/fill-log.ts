import type { ExitReason, FillEvent, OrderSide, OrderType, SymbolId } from '@ml4t/core';
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

/** The keys of a fill event in the simulated broker's order (the last three are optional). */
const FILL_KEYS: readonly string[] = [
  'id',
  'orderId',
  'timestamp',
  'sliceIndex',
  'symbol',
  'symbolId',
  'side',
  'orderType',
  'quantity',
  'price',
  'basePrice',
  'slippagePerUnit',
  'impactPerUnit',
  'slippage',
  'impact',
  'commission',
  'notional',
  'multiplier',
  'signalPrice',
  'priceRule',
  'liquidity',
  'exitReason',
  'rule',
  'tag',
  'settleAt',
];
const REQUIRED_FILL_KEYS = 22;

// Float64 columns (stride NF).
const F_TIMESTAMP = 0;
const F_QUANTITY = 1;
const F_PRICE = 2;
const F_BASE = 3;
const F_SLIP_UNIT = 4;
const F_IMPACT_UNIT = 5;
const F_MULTIPLIER = 6;
const F_SIGNAL = 7;
const F_SETTLE = 8;
const NF = 9;
// Int32 columns (stride NI).
const I_ID = 0;
const I_ORDER = 1;
const I_SLICE = 2;
const I_SYMBOL = 3;
const I_SYMBOL_ID = 4;
const I_SIDE = 5;
const I_TYPE = 6;
const I_RULE_PRICE = 7;
const I_LIQUIDITY = 8;
const I_EXIT = 9;
const I_RULE = 10;
const I_TAG = 11;
const I_FLAGS = 12;
const I_SLIPPAGE = 13;
const I_IMPACT = 14;
const I_COMMISSION = 15;
const I_NOTIONAL = 16;
const NI = 17;
/** Money slots (for the pool's identity sharing). */
const M_SLIPPAGE = 0;
const M_IMPACT = 1;
const M_COMMISSION = 2;
const M_NOTIONAL = 3;
const MONEY_SLOTS = 4;

/** Flag bits (bit 0 is the store's RAW_ROW). */
const HAS_SETTLE = 2;

const F = 70;
const O = 79;

function isCanonicalFill(fill: FillEvent): boolean {
  return (
    Object.getPrototypeOf(fill) === Object.prototype &&
    !Object.isFrozen(fill) &&
    hasKeys(fill, FILL_KEYS, REQUIRED_FILL_KEYS) &&
    typeof fill.id === 'string' &&
    typeof fill.orderId === 'string' &&
    typeof fill.timestamp === 'number' &&
    isInt32(fill.sliceIndex) &&
    typeof fill.symbol === 'string' &&
    isInt32(fill.symbolId) &&
    typeof fill.side === 'string' &&
    typeof fill.orderType === 'string' &&
    typeof fill.quantity === 'number' &&
    typeof fill.price === 'number' &&
    typeof fill.basePrice === 'number' &&
    typeof fill.slippagePerUnit === 'number' &&
    typeof fill.impactPerUnit === 'number' &&
    MoneyPool.fits(fill.slippage) &&
    MoneyPool.fits(fill.impact) &&
    MoneyPool.fits(fill.commission) &&
    MoneyPool.fits(fill.notional) &&
    typeof fill.multiplier === 'number' &&
    typeof fill.signalPrice === 'number' &&
    typeof fill.priceRule === 'string' &&
    typeof fill.liquidity === 'string' &&
    typeof fill.exitReason === 'string' &&
    (fill.rule === undefined || typeof fill.rule === 'string') &&
    (fill.tag === undefined || typeof fill.tag === 'string') &&
    (fill.settleAt === undefined || typeof fill.settleAt === 'number')
  );
}

/** The strings of the fill columns, one table per field. */
interface FillStrings {
  readonly ids: StringTable;
  readonly symbol: StringTable;
  readonly side: StringTable;
  readonly orderType: StringTable;
  readonly priceRule: StringTable;
  readonly liquidity: StringTable;
  readonly exitReason: StringTable;
  readonly rule: StringTable;
  readonly tag: StringTable;
}

/**
 * The collector's fills, compact: per fill one row of float and int columns (strings as indices into per-field
 * tables, ids `F<n>`/`O<n>` as their numbers, money as decimal.js digit words in a {@link MoneyPool}) instead of
 * the broker's object with its four Decimals (about 0.6 KB). {@link FillLog.materialize} rebuilds equal objects
 * (same keys in the same order, Decimals equal by value) on first use. Fills the columns cannot represent
 * exactly (extra keys, another key order, another Decimal class…) are kept as they came.
 */
export class FillLog extends RowStore<FillEvent> {
  private readonly money = new MoneyPool(MONEY_SLOTS);
  private readonly strings: FillStrings = {
    ids: new StringTable(),
    symbol: new StringTable(),
    side: new StringTable(),
    orderType: new StringTable(),
    priceRule: new StringTable(),
    liquidity: new StringTable(),
    exitReason: new StringTable(),
    rule: new StringTable(),
    tag: new StringTable(),
  };

  /** @param chunkRows - rows per storage chunk */
  constructor(chunkRows = 4096) {
    super(chunkRows, NF, NI, I_FLAGS);
  }

  /** Appends `fill` (coded into the columns, or kept as it came if they cannot represent it exactly). */
  push(fill: FillEvent): void {
    if (this.append(fill, isCanonicalFill(fill))) {
      encodeFill(fill, this.numChunk, this.numAt, this.intChunk, this.intAt, this.strings, this.money);
    }
  }

  /** The fills so far as objects, built on the first call of the returned function (later pushes do not change it). */
  materialize(): () => readonly FillEvent[] {
    const n = this.length;
    const s = this.strings;
    const money = this.money.reader(MONEY_SLOTS);
    return lazily(() => this.rebuild(n, (num, b, int, a, flags) => decodeFill(num, b, int, a, flags, s, money)));
  }
}

/** Codes `fill` into its row (`b`, `a`: the row's float and int offsets in `num`, `int`). */
function encodeFill(
  fill: FillEvent,
  num: Float64Array,
  b: number,
  int: Int32Array,
  a: number,
  s: FillStrings,
  money: MoneyPool,
): void {
  num[b + F_TIMESTAMP] = fill.timestamp;
  num[b + F_QUANTITY] = fill.quantity;
  num[b + F_PRICE] = fill.price;
  num[b + F_BASE] = fill.basePrice;
  num[b + F_SLIP_UNIT] = fill.slippagePerUnit;
  num[b + F_IMPACT_UNIT] = fill.impactPerUnit;
  num[b + F_MULTIPLIER] = fill.multiplier;
  num[b + F_SIGNAL] = fill.signalPrice;
  int[a + I_ID] = idCode(fill.id, F, s.ids);
  int[a + I_ORDER] = idCode(fill.orderId, O, s.ids);
  int[a + I_SLICE] = fill.sliceIndex;
  int[a + I_SYMBOL] = s.symbol.code(fill.symbol);
  int[a + I_SYMBOL_ID] = fill.symbolId;
  int[a + I_SIDE] = s.side.code(fill.side);
  int[a + I_TYPE] = s.orderType.code(fill.orderType);
  int[a + I_RULE_PRICE] = s.priceRule.code(fill.priceRule);
  int[a + I_LIQUIDITY] = s.liquidity.code(fill.liquidity);
  int[a + I_EXIT] = s.exitReason.code(fill.exitReason);
  int[a + I_RULE] = fill.rule === undefined ? -1 : s.rule.code(fill.rule);
  int[a + I_TAG] = fill.tag === undefined ? -1 : s.tag.code(fill.tag);
  let flags = 0;
  if (fill.settleAt !== undefined) {
    flags |= HAS_SETTLE;
    num[b + F_SETTLE] = fill.settleAt;
  }
  int[a + I_FLAGS] = flags;
  const m = money;
  int[a + I_SLIPPAGE] = m.store(fill.slippage, M_SLIPPAGE);
  int[a + I_IMPACT] = m.store(fill.impact, M_IMPACT);
  int[a + I_COMMISSION] = m.store(fill.commission, M_COMMISSION);
  int[a + I_NOTIONAL] = m.store(fill.notional, M_NOTIONAL);
}

/** The fill of a coded row (`b`, `a`: its float and int offsets in `num`, `int`). */
function decodeFill(
  num: Float64Array,
  b: number,
  int: Int32Array,
  a: number,
  flags: number,
  s: FillStrings,
  money: MoneyReader,
): FillEvent {
  const fill: { -readonly [K in keyof FillEvent]: FillEvent[K] } = {
    id: idOf(int[a + I_ID] as number, 'F', s.ids),
    orderId: idOf(int[a + I_ORDER] as number, 'O', s.ids),
    timestamp: num[b + F_TIMESTAMP] as number,
    sliceIndex: int[a + I_SLICE] as number,
    symbol: s.symbol.values[int[a + I_SYMBOL] as number] as string,
    symbolId: int[a + I_SYMBOL_ID] as SymbolId,
    side: s.side.values[int[a + I_SIDE] as number] as OrderSide,
    orderType: s.orderType.values[int[a + I_TYPE] as number] as OrderType,
    quantity: num[b + F_QUANTITY] as number,
    price: num[b + F_PRICE] as number,
    basePrice: num[b + F_BASE] as number,
    slippagePerUnit: num[b + F_SLIP_UNIT] as number,
    impactPerUnit: num[b + F_IMPACT_UNIT] as number,
    slippage: money.read(int[a + I_SLIPPAGE] as number, M_SLIPPAGE),
    impact: money.read(int[a + I_IMPACT] as number, M_IMPACT),
    commission: money.read(int[a + I_COMMISSION] as number, M_COMMISSION),
    notional: money.read(int[a + I_NOTIONAL] as number, M_NOTIONAL),
    multiplier: num[b + F_MULTIPLIER] as number,
    signalPrice: num[b + F_SIGNAL] as number,
    priceRule: s.priceRule.values[int[a + I_RULE_PRICE] as number] as string,
    liquidity: s.liquidity.values[int[a + I_LIQUIDITY] as number] as 'maker' | 'taker',
    exitReason: s.exitReason.values[int[a + I_EXIT] as number] as ExitReason,
  };
  const rule = int[a + I_RULE] as number;
  if (rule >= 0) fill.rule = s.rule.values[rule] as string;
  const tag = int[a + I_TAG] as number;
  if (tag >= 0) fill.tag = s.tag.values[tag] as string;
  if ((flags & HAS_SETTLE) !== 0) fill.settleAt = num[b + F_SETTLE] as number;
  return fill;
}
