import {
  type ExitReason,
  exactNotional,
  type FillEvent,
  type Money,
  type OrderSide,
  type OrderType,
  type SymbolId,
} from '@ml4t/core';
import { FillLinks } from './fill-links.js';
import { lazily } from './lazily.js';
import { isMoney, MONEY_MAX_INTS, readMoney, writeMoney } from './money-words.js';
import { type Constructed, hasKeys, isInt32 } from './record-keys.js';
import { idCode, idNumber, idOf, StringTable } from './string-table.js';
import { SymbolNames } from './symbol-names.js';
import { TupleTable } from './tuple-table.js';
import { WordCursor, WordStream } from './word-stream.js';

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
/** The money fields in key order (a field's slot is its index here). */
const MONEY_KEYS = ['slippage', 'impact', 'commission', 'notional'] as const;

/*
 * Row layout. Ints: header; id code unless sequential; order id code; slice index unless the previous row's
 * time; symbol id; symbol code unless learned; (side, order type, price rule, liquidity, exit reason, rule, tag)
 * tuple; quantity if an int32; the money amounts unless the previous row's (the notional also unless it is
 * core's `exactNotional` of the row's price, quantity and multiplier). Floats: timestamp unless the
 * previous row's; quantity unless an int32; price, base price, slippage per unit; impact per unit unless +0;
 * multiplier unless 1; signal price; settlement time if any.
 */
/** The fill is kept as it came (the next one in the raw list). */
const RAW = 1;
/** The id is `F<row + 1>`. */
const ID_SEQUENTIAL = 2;
/** Timestamp and slice index are the previous coded row's. */
const SAME_TIME = 4;
const SYMBOL_BY_ID = 8;
const QUANTITY_INT = 16;
const NO_IMPACT_UNIT = 32;
const MULTIPLIER_ONE = 64;
const SETTLE = 128;
/** Money slot `k` holds the previous coded row's object (bit `SAME_MONEY << k`). */
const SAME_MONEY = 256;
/** The notional is `exactNotional(price, quantity, multiplier)` (core's remembered product, same object). */
const NOTIONAL_PRODUCT = 4096;
const ROW_MAX_INTS = 8 + MONEY_KEYS.length * MONEY_MAX_INTS;
const ROW_MAX_NUMS = 9;

const F = 70;
const O = 79;

/**
 * True if `fill` is a plain record with exactly the {@link FillEvent} fields in the broker's order, of the types
 * the rows hold.
 */
function isCanonicalFill(fill: FillEvent): boolean {
  return (
    (fill as Constructed).constructor === Object &&
    Object.isExtensible(fill) &&
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
    typeof fill.multiplier === 'number' &&
    typeof fill.signalPrice === 'number' &&
    typeof fill.priceRule === 'string' &&
    typeof fill.liquidity === 'string' &&
    typeof fill.exitReason === 'string' &&
    (fill.settleAt === undefined || typeof fill.settleAt === 'number') &&
    hasUserValues(fill, false)
  );
}

/**
 * True if the notional of `fill` is the object core's `exactNotional` returns for its price, quantity and
 * multiplier, i.e. exactly that product: the broker computed it with `exactNotional` just before (a miss only
 * costs the product, and the notional is then stored).
 */
function isProduct(fill: FillEvent): boolean {
  return fill.notional === exactNotional(fill.price, fill.quantity, fill.multiplier);
}

/**
 * The part of {@link isCanonicalFill} that a fill in canonical form (`RunInfo.canonicalRecords`) still needs:
 * the values user code supplies (the amounts of the cost models, the rule's name, the request's tag).
 * `product`: the notional is {@link isProduct} (and needs no check).
 */
function hasUserValues(fill: FillEvent, product: boolean): boolean {
  return (
    isMoney(fill.slippage) &&
    isMoney(fill.impact) &&
    isMoney(fill.commission) &&
    (product || isMoney(fill.notional)) &&
    (fill.rule === undefined || typeof fill.rule === 'string') &&
    (fill.tag === undefined || typeof fill.tag === 'string')
  );
}

/** The storage of a fill log: its rows, the tables their codes index, and the fills kept as they came. */
interface FillStore {
  readonly stream: WordStream;
  readonly ids: StringTable;
  readonly symbols: StringTable;
  readonly names: SymbolNames;
  readonly tuples: TupleTable;
  readonly raw: FillEvent[];
}

/**
 * The collector's fills, compact: per fill one variable-length row of words (strings as codes, a fill's
 * categorical fields as one tuple code, ids `F<n>`/`O<n>` as their numbers, money as decimal.js digit words,
 * repeated values as flags) instead of the broker's object with its four Decimals (about 0.6 KB).
 * {@link FillLog.materialize} rebuilds equal objects (same keys in the same order, Decimals equal by value)
 * on first use. Fills the rows cannot represent exactly (extra keys, another key order, another Decimal
 * class…) are kept as they came.
 */
export class FillLog {
  /** Where the trade log finds a trade's entry and exit fills. */
  readonly links = new FillLinks();
  private readonly store: FillStore;
  private n = 0;
  /** Timestamp and slice index of the last coded row. */
  private time = Number.NaN;
  private slice = -1;
  /** The last coded fill (for its amounts: one reference instead of four). */
  private previous: FillEvent | undefined;

  /**
   * @param chunkWords - the largest storage chunk, in words
   * @param canonical - the fills are in canonical form (`RunInfo.canonicalRecords`): their shape is not checked
   */
  constructor(
    chunkWords?: number,
    private readonly canonical = false,
  ) {
    this.store = {
      stream: new WordStream(chunkWords),
      ids: new StringTable(),
      symbols: new StringTable(),
      names: new SymbolNames(),
      tuples: new TupleTable(),
      raw: [],
    };
  }

  /** Number of fills logged. */
  get length(): number {
    return this.n;
  }

  /** Appends `fill` (coded into a row, or kept as it came if the rows cannot represent it exactly). */
  push(fill: FillEvent): void {
    const s = this.store.stream;
    s.reserve(ROW_MAX_INTS, ROW_MAX_NUMS);
    const row = this.n;
    // Canonical fills come from a broker that computes the notional with core's `exactNotional` (a custom one
    // may not: its notional is then stored).
    const product = this.canonical && isProduct(fill);
    const coded = this.canonical ? hasUserValues(fill, product) : isCanonicalFill(fill);
    if (coded) {
      this.code(fill, row, product);
    } else {
      s.ints[s.ip++] = RAW;
      this.store.raw.push(fill);
    }
    this.links.fill(fill, row, coded);
    this.n = row + 1;
  }

  /** The fills so far as objects, built on the first call of the returned function (later pushes do not change it). */
  materialize(): () => readonly FillEvent[] {
    const n = this.n;
    const store = this.store;
    return lazily(() => new FillDecoder(store).rebuild(n));
  }

  /** Codes `fill` into row `row` (`product`: its notional is {@link isProduct}). */
  private code(fill: FillEvent, row: number, product: boolean): void {
    const st = this.store;
    const s = st.stream;
    const ints = s.ints;
    const nums = s.nums;
    const at = s.ip;
    let ip = at + 1;
    let fp = s.fp;
    let h = 0;
    if (idNumber(fill.id, F) === row + 1) h |= ID_SEQUENTIAL;
    else ints[ip++] = idCode(fill.id, F, st.ids);
    ints[ip++] = idCode(fill.orderId, O, st.ids);
    if (Object.is(fill.timestamp, this.time) && fill.sliceIndex === this.slice) {
      h |= SAME_TIME;
    } else {
      nums[fp++] = fill.timestamp;
      ints[ip++] = fill.sliceIndex;
      this.time = fill.timestamp;
      this.slice = fill.sliceIndex;
    }
    ints[ip++] = fill.symbolId;
    if (st.names.matches(fill.symbolId, fill.symbol)) h |= SYMBOL_BY_ID;
    else ints[ip++] = st.symbols.code(fill.symbol);
    ints[ip++] = st.tuples.code(
      fill.side,
      fill.orderType,
      fill.priceRule,
      fill.liquidity,
      fill.exitReason,
      fill.rule,
      fill.tag,
    );
    if (isInt32(fill.quantity)) {
      h |= QUANTITY_INT;
      ints[ip++] = fill.quantity;
    } else {
      nums[fp++] = fill.quantity;
    }
    nums[fp++] = fill.price;
    nums[fp++] = fill.basePrice;
    nums[fp++] = fill.slippagePerUnit;
    if (Object.is(fill.impactPerUnit, 0)) h |= NO_IMPACT_UNIT;
    else nums[fp++] = fill.impactPerUnit;
    if (Object.is(fill.multiplier, 1)) h |= MULTIPLIER_ONE;
    else nums[fp++] = fill.multiplier;
    nums[fp++] = fill.signalPrice;
    if (fill.settleAt !== undefined) {
      h |= SETTLE;
      nums[fp++] = fill.settleAt;
    }
    // Amounts that are the previous coded fill's objects (e.g. a shared zero impact) are flagged, not written.
    const prev = this.previous;
    let same = 0;
    if (fill.slippage === prev?.slippage) same |= 1;
    else ip = writeMoney(ints, ip, fill.slippage);
    if (fill.impact === prev?.impact) same |= 2;
    else ip = writeMoney(ints, ip, fill.impact);
    if (fill.commission === prev?.commission) same |= 4;
    else ip = writeMoney(ints, ip, fill.commission);
    if (fill.notional === prev?.notional) same |= 8;
    else if (product) h |= NOTIONAL_PRODUCT;
    else ip = writeMoney(ints, ip, fill.notional);
    this.previous = fill;
    h |= same * SAME_MONEY;
    ints[at] = h;
    s.ip = ip;
    s.fp = fp;
  }
}

/** Rebuilds a fill log's fills from its rows, reading them in order. */
class FillDecoder {
  private readonly c: WordCursor;
  private time = Number.NaN;
  private slice = -1;
  private readonly money: Money[] = [];
  private raw = 0;

  constructor(private readonly store: FillStore) {
    this.c = new WordCursor(store.stream);
  }

  rebuild(n: number): FillEvent[] {
    const out: FillEvent[] = new Array(n);
    const c = this.c;
    for (let i = 0; i < n; i++) {
      c.reserve(ROW_MAX_INTS, ROW_MAX_NUMS);
      const h = c.int();
      out[i] = (h & RAW) !== 0 ? (this.store.raw[this.raw++] as FillEvent) : this.fill(h, i);
    }
    return out;
  }

  private fill(h: number, row: number): FillEvent {
    const c = this.c;
    const st = this.store;
    const id = (h & ID_SEQUENTIAL) !== 0 ? `F${row + 1}` : idOf(c.int(), 'F', st.ids);
    const orderId = idOf(c.int(), 'O', st.ids);
    if ((h & SAME_TIME) === 0) {
      this.time = c.num();
      this.slice = c.int();
    }
    const symbolId = c.int() as SymbolId;
    const symbol = (h & SYMBOL_BY_ID) !== 0 ? st.names.name(symbolId) : (st.symbols.values[c.int()] as string);
    const tuple = st.tuples.tuples[c.int()] as readonly (string | undefined)[];
    const quantity = (h & QUANTITY_INT) !== 0 ? c.int() : c.num();
    const price = c.num();
    const basePrice = c.num();
    const slippagePerUnit = c.num();
    const impactPerUnit = (h & NO_IMPACT_UNIT) !== 0 ? 0 : c.num();
    const multiplier = (h & MULTIPLIER_ONE) !== 0 ? 1 : c.num();
    const signalPrice = c.num();
    const settleAt = (h & SETTLE) !== 0 ? c.num() : undefined;
    const money = this.money;
    const last = MONEY_KEYS.length - 1;
    for (let k = 0; k < last; k++) {
      if ((h & (SAME_MONEY << k)) === 0) money[k] = readMoney(c);
    }
    // The notional is the last amount.
    if ((h & NOTIONAL_PRODUCT) !== 0) money[last] = exactNotional(price, quantity, multiplier);
    else if ((h & (SAME_MONEY << last)) === 0) money[last] = readMoney(c);
    const fill: { -readonly [K in keyof FillEvent]: FillEvent[K] } = {
      id,
      orderId,
      timestamp: this.time,
      sliceIndex: this.slice,
      symbol,
      symbolId,
      side: tuple[0] as OrderSide,
      orderType: tuple[1] as OrderType,
      quantity,
      price,
      basePrice,
      slippagePerUnit,
      impactPerUnit,
      slippage: money[0] as Money,
      impact: money[1] as Money,
      commission: money[2] as Money,
      notional: money[3] as Money,
      multiplier,
      signalPrice,
      priceRule: tuple[2] as string,
      liquidity: tuple[3] as 'maker' | 'taker',
      exitReason: tuple[4] as ExitReason,
    };
    if (tuple[5] !== undefined) fill.rule = tuple[5];
    if (tuple[6] !== undefined) fill.tag = tuple[6];
    if (settleAt !== undefined) fill.settleAt = settleAt;
    return fill;
  }
}
