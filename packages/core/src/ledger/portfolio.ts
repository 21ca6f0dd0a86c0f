import type { MarketView } from '../contracts/market-view.js';
import type { PortfolioView } from '../contracts/portfolio-view.js';
import type { CorporateAction } from '../domain/corporate-action.js';
import { ExitReason } from '../domain/exit-reason.js';
import type { FillEvent } from '../domain/fill-event.js';
import { OrderSide } from '../domain/order-side.js';
import type { Position } from '../domain/position.js';
import { addQuantity } from '../domain/quantity.js';
import type { SymbolId, SymbolTable } from '../domain/symbol-table.js';
import type { Timestamp } from '../domain/timestamp.js';
import type { Trade, TradeContext } from '../domain/trade.js';
import { type Money, type MoneyInput, proRata, toMoney, ZERO } from '../money/decimal.js';
import { decimalToNumber, numberToDecimal } from '../money/number-conversion.js';
import { moneyMinus, moneyPlus } from '../money/word-arithmetic.js';
import { PositionState } from './position-state.js';

interface Unsettled {
  readonly settleAt: Timestamp;
  readonly amount: Money;
}

/** Where a fill happened in the event loop; decides whether the entry bar's range belongs to the position. */
export type FillTiming = 'open' | 'close';

/**
 * The exact ledger: Decimal cash, positions with average cost, realised P&L and trade records.
 *
 * Every fill updates cash at once (`buy: cash −= notional + commission`, `sell: cash += notional − commission`).
 * A fill that reduces a position closes a {@link Trade} record for the quantity it closes, at the average cost,
 * with entry commission and slippage allocated pro rata; a fill that crosses zero closes the old position and
 * opens the other side with the rest (commission split pro rata by quantity). Everything is exact, so
 * `initial cash + Σ trade pnlNet + Σ dividends + open P&L = equity` holds to the last digit.
 */
export class Portfolio implements PortfolioView {
  readonly initialCash: Money;
  private cashBalance: Money;
  /**
   * `cashBalance` as a float; converted when read after a change (once per read, not per fill). Like `peak`,
   * declared with a double: V8 then rewrites it in place, where a field that first held `undefined` (a class
   * field declared without a value) gets a new heap number per write.
   */
  private cashNumber = Number.NaN;
  private cashStale = false;
  private readonly bySymbol: (PositionState | undefined)[] = [];
  private readonly open: PositionState[] = [];
  private readonly qty: Float64Array;
  private unsettled: Unsettled[] = [];
  private unsettledTotal: Money = ZERO;
  private tradeCounter = 0;
  private positionCounter = 0;
  private dividendTotal: Money = ZERO;
  private peak = Number.NaN;

  constructor(
    initialCash: MoneyInput,
    private readonly symbols: SymbolTable,
    private readonly market: MarketView,
  ) {
    this.initialCash = toMoney(initialCash);
    this.cashBalance = this.initialCash;
    this.cashNumber = decimalToNumber(this.initialCash);
    this.peak = this.cashNumber;
    this.qty = new Float64Array(Math.max(1, symbols.size));
  }

  get cash(): Money {
    return this.cashBalance;
  }

  get settledCash(): Money {
    return this.unsettled.length === 0 ? this.cashBalance : this.cashBalance.minus(this.unsettledTotal);
  }

  get cashValue(): number {
    if (this.cashStale) {
      this.cashNumber = decimalToNumber(this.cashBalance);
      this.cashStale = false;
    }
    return this.cashNumber;
  }

  /** Σ dividends credited (negative when paid on shorts). */
  get dividends(): Money {
    return this.dividendTotal;
  }

  get positionsValue(): number {
    let v = 0;
    for (const p of this.open) v += p.marketValue;
    return v;
  }

  get equity(): number {
    return this.cashValue + this.positionsValue;
  }

  get peakEquity(): number {
    return this.peak;
  }

  get grossExposure(): number {
    let v = 0;
    for (const p of this.open) v += Math.abs(p.marketValue);
    return v;
  }

  get netExposure(): number {
    return this.positionsValue;
  }

  get openPositionCount(): number {
    return this.open.length;
  }

  quantity(symbol: SymbolId): number {
    return this.qty[symbol] ?? 0;
  }

  position(symbol: SymbolId | string): Position | undefined {
    const id = typeof symbol === 'string' ? this.symbols.id(symbol) : symbol;
    return id < 0 ? undefined : this.bySymbol[id];
  }

  positions(): readonly Position[] {
    return this.open;
  }

  /** The mutable state of every open position, for the engine's per-bar bookkeeping. @internal */
  openStates(): readonly PositionState[] {
    return this.open;
  }

  /** Records the equity of a snapshot for {@link PortfolioView.peakEquity}. @internal */
  notePeak(equity: number): void {
    if (equity > this.peak) this.peak = equity;
  }

  /** Releases proceeds whose settlement time has come (DESIGN §3 step 1). */
  settle(now: Timestamp): void {
    if (this.unsettled.length === 0) return;
    const keep: Unsettled[] = [];
    let total = ZERO;
    for (const u of this.unsettled) {
      if (u.settleAt > now) {
        keep.push(u);
        total = total.plus(u.amount);
      }
    }
    this.unsettled = keep;
    this.unsettledTotal = total;
  }

  /**
   * Applies one fill and returns the trade records it closes (none, or one).
   *
   * @param context - what is known at this fill (recorded as entry or exit context)
   * @param timing - whether the fill happened in the open or the close phase of the bar
   */
  applyFill(fill: FillEvent, context: TradeContext, timing: FillTiming): Trade[] {
    const buy = fill.side === OrderSide.Buy;
    if (buy) {
      this.setCash(moneyMinus(this.cashBalance, moneyPlus(fill.notional, fill.commission)));
    } else {
      const proceeds = moneyMinus(fill.notional, fill.commission);
      this.setCash(moneyPlus(this.cashBalance, proceeds));
      if (fill.settleAt !== undefined && fill.settleAt > fill.timestamp && proceeds.gt(0)) {
        this.unsettled.push({ settleAt: fill.settleAt, amount: proceeds });
        this.unsettledTotal = this.unsettledTotal.plus(proceeds);
      }
    }

    const sid = fill.symbolId;
    const signed = buy ? fill.quantity : -fill.quantity;
    const pos = this.bySymbol[sid];
    if (pos === undefined) {
      this.openPosition(fill, signed, fill.notional, fill.commission, fill.slippage, fill.impact, context, timing);
      return [];
    }
    if (Math.sign(pos.quantity) === Math.sign(signed)) {
      pos.quantity = addQuantity(pos.quantity, signed);
      pos.costBasis = moneyPlus(pos.costBasis, fill.notional);
      pos.openCommission = moneyPlus(pos.openCommission, fill.commission);
      pos.openSlippage = plusMoney(pos.openSlippage, fill.slippage);
      pos.openImpact = plusMoney(pos.openImpact, fill.impact);
      pos.entryOrderIds.push(fill.orderId);
      this.qty[sid] = pos.quantity;
      return [];
    }
    const held = Math.abs(pos.quantity);
    // What the fill leaves after closing the position, on the quantity grid: a fill that matches the holding but
    // for binary residue (0.3 held, 0.1 + 0.2 sold) closes it, and opens nothing on the other side.
    const rest = addQuantity(fill.quantity, -held);
    if (rest <= 0) {
      const quantity = rest === 0 ? held : fill.quantity;
      return [this.reduce(pos, fill, quantity, fill.notional, fill.commission, fill.slippage, fill.impact, context)];
    }
    // Crossing zero: close the whole position with a pro-rata part of the fill, open the rest.
    const closeNotional = proRata(fill.notional, held, fill.quantity);
    const closeCommission = proRata(fill.commission, held, fill.quantity);
    const closeSlippage = proRata(fill.slippage, held, fill.quantity);
    const closeImpact = proRata(fill.impact, held, fill.quantity);
    const trade = this.reduce(pos, fill, held, closeNotional, closeCommission, closeSlippage, closeImpact, context);
    this.openPosition(
      fill,
      buy ? rest : -rest,
      fill.notional.minus(closeNotional),
      fill.commission.minus(closeCommission),
      fill.slippage.minus(closeSlippage),
      minusMoney(fill.impact, closeImpact),
      context,
      timing,
    );
    return [trade];
  }

  /** Applies a split or a dividend to the position of its symbol (DESIGN §3 step 1). */
  applyCorporateAction(action: CorporateAction): void {
    const id = this.symbols.id(action.symbol);
    const pos = id < 0 ? undefined : this.bySymbol[id];
    if (pos === undefined) return;
    if (action.kind === 'dividend') {
      const amount = numberToDecimal(action.amount).times(pos.quantity).times(pos.multiplier);
      this.dividendTotal = this.dividendTotal.plus(amount);
      this.setCash(this.cashBalance.plus(amount));
      return;
    }
    pos.quantity *= action.ratio;
    pos.highWater /= action.ratio;
    pos.lowWater /= action.ratio;
    pos.highClose /= action.ratio;
    pos.lowClose /= action.ratio;
    this.qty[id] = pos.quantity;
  }

  /**
   * Trade records for the positions still open, marked at their last price (`isOpen: true`,
   * exit reason `END_OF_DATA`). They are not closed: the ledger is unchanged.
   */
  openTrades(now: Timestamp, index: number, context: (symbolId: SymbolId) => TradeContext): Trade[] {
    return this.open.map((pos) => {
      const held = Math.abs(pos.quantity);
      const price = pos.lastPrice;
      const exitNotional = numberToDecimal(price).times(held).times(pos.multiplier);
      return this.record(pos, {
        id: `${pos.positionId}-open`,
        quantity: held,
        exitPrice: price,
        exitNotional,
        basis: pos.costBasis,
        entryCommission: pos.openCommission,
        exitCommission: ZERO,
        entrySlippage: pos.openSlippage,
        exitSlippage: ZERO,
        entryImpact: pos.openImpact,
        exitImpact: ZERO,
        exitSlippagePerUnit: 0,
        exitTime: now,
        exitIndex: index,
        exitOrderId: '',
        exitReason: ExitReason.EndOfData,
        exitRule: undefined,
        exitContext: context(pos.symbolId),
        isOpen: true,
      });
    });
  }

  private setCash(value: Money): void {
    this.cashBalance = value;
    this.cashStale = true;
  }

  private openPosition(
    fill: FillEvent,
    signedQty: number,
    basis: Money,
    commission: Money,
    slippage: Money,
    impact: Money,
    context: TradeContext,
    timing: FillTiming,
  ): void {
    this.positionCounter += 1;
    const pos = new PositionState(
      fill.symbol,
      fill.symbolId,
      fill.multiplier,
      `P${this.positionCounter}`,
      fill.timestamp,
      fill.sliceIndex,
      fill.signalPrice,
      timing === 'close',
      context,
      this.market,
      signedQty,
      fill.price,
      basis,
      commission,
      slippage,
      impact,
      fill.orderId,
    );
    this.bySymbol[fill.symbolId] = pos;
    this.open.push(pos);
    this.qty[fill.symbolId] = signedQty;
  }

  private reduce(
    pos: PositionState,
    fill: FillEvent,
    quantity: number,
    exitNotional: Money,
    exitCommission: Money,
    exitSlippage: Money,
    exitImpact: Money,
    context: TradeContext,
  ): Trade {
    const held = Math.abs(pos.quantity);
    const left = addQuantity(held, -quantity);
    const whole = left === 0;
    const basis = whole ? pos.costBasis : proRata(pos.costBasis, quantity, held);
    const entryCommission = whole ? pos.openCommission : proRata(pos.openCommission, quantity, held);
    const entrySlippage = whole ? pos.openSlippage : proRata(pos.openSlippage, quantity, held);
    const entryImpact = whole ? pos.openImpact : proRata(pos.openImpact, quantity, held);
    this.tradeCounter += 1;
    const trade = this.record(pos, {
      id: `T${this.tradeCounter}`,
      quantity,
      exitPrice: fill.price,
      exitNotional,
      basis,
      entryCommission,
      exitCommission,
      entrySlippage,
      exitSlippage,
      entryImpact,
      exitImpact,
      exitSlippagePerUnit: fill.slippagePerUnit,
      exitTime: fill.timestamp,
      exitIndex: fill.sliceIndex,
      exitOrderId: fill.orderId,
      exitReason: fill.exitReason,
      exitRule: fill.rule,
      exitContext: context,
      isOpen: false,
    });
    if (whole) {
      this.bySymbol[pos.symbolId] = undefined;
      removeFrom(this.open, pos);
      this.qty[pos.symbolId] = 0;
    } else {
      pos.quantity = pos.quantity > 0 ? left : -left;
      pos.costBasis = moneyMinus(pos.costBasis, basis);
      pos.openCommission = moneyMinus(pos.openCommission, entryCommission);
      pos.openSlippage = minusMoney(pos.openSlippage, entrySlippage);
      pos.openImpact = minusMoney(pos.openImpact, entryImpact);
      this.qty[pos.symbolId] = pos.quantity;
    }
    return trade;
  }

  private record(pos: PositionState, part: TradePart): Trade {
    const long = pos.quantity > 0;
    const units = part.quantity * pos.multiplier;
    // A whole close's basis is the position's cost basis, whose float the position caches.
    const basisNumber = part.basis === pos.costBasis ? pos.costBasisNumber() : decimalToNumber(part.basis);
    const entryPrice = basisNumber / units;
    const pnlGross = long ? moneyMinus(part.exitNotional, part.basis) : moneyMinus(part.basis, part.exitNotional);
    const commission = moneyPlus(part.entryCommission, part.exitCommission);
    const pnlNet = moneyMinus(pnlGross, commission);
    const high = Math.max(pos.highWater, part.exitPrice);
    const low = Math.min(pos.lowWater, part.exitPrice);
    const favourable = long ? (high - entryPrice) / entryPrice : (entryPrice - low) / entryPrice;
    const adverse = long ? (low - entryPrice) / entryPrice : (entryPrice - high) / entryPrice;
    const entrySlippagePerUnit = decimalToNumber(part.entrySlippage) / units;
    const slippage = plusMoney(part.entrySlippage, part.exitSlippage);
    const impact = plusMoney(part.entryImpact, part.exitImpact);
    // A closed position's ids move to its last record; a position that stays open keeps its own array.
    const entryOrderIds =
      part.isOpen || part.quantity !== Math.abs(pos.quantity) ? [...pos.entryOrderIds] : pos.entryOrderIds;
    const returnPct = decimalToNumber(pnlGross) / basisNumber;
    const netReturnPct = decimalToNumber(pnlNet) / basisNumber;
    const direction = long ? 'LONG' : 'SHORT';
    const mfe = Math.max(0, favourable);
    const mae = Math.min(0, adverse);
    // One literal with every key (exitRule may be undefined): the same shape for every record, built cheaply.
    return {
      id: part.id,
      positionId: pos.positionId,
      symbol: pos.symbol,
      symbolId: pos.symbolId,
      direction,
      quantity: part.quantity,
      multiplier: pos.multiplier,
      entryTime: pos.entryTime,
      exitTime: part.exitTime,
      entryIndex: pos.entryIndex,
      exitIndex: part.exitIndex,
      entryPrice,
      exitPrice: part.exitPrice,
      entryCommission: part.entryCommission,
      exitCommission: part.exitCommission,
      commission,
      entrySlippagePerUnit,
      exitSlippagePerUnit: part.exitSlippagePerUnit,
      entrySlippage: part.entrySlippage,
      exitSlippage: part.exitSlippage,
      slippage,
      entryImpact: part.entryImpact,
      exitImpact: part.exitImpact,
      impact,
      entryOrderIds,
      exitOrderId: part.exitOrderId,
      exitReason: part.exitReason,
      exitRule: part.exitRule,
      pnlGross,
      pnlNet,
      returnPct,
      netReturnPct,
      barsHeld: pos.barsHeld,
      durationMs: part.exitTime - pos.entryTime,
      mfe,
      mae,
      entryContext: pos.entryContext,
      exitContext: part.exitContext,
      isOpen: part.isOpen,
    };
  }
}

/** Removes `item` from `list`, keeping the order of the rest (no array allocated, unlike `splice`). */
function removeFrom<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at < 0) return;
  for (let k = at + 1; k < list.length; k++) list[k - 1] = list[k] as T;
  list.pop();
}

/**
 * `a.plus(b)`, reusing `a` when both are zero and the sum is `a` (every case but −0 + +0 = +0): zero costs such
 * as market impact need no new Decimal per fill.
 */
function plusMoney(a: Money, b: Money): Money {
  return a.isZero() && b.isZero() && (!a.isNegative() || b.isNegative()) ? a : moneyPlus(a, b);
}

/** `a.minus(b)`, reusing `a` when both are zero and the difference is `a` (every case but −0 − −0 = +0). */
function minusMoney(a: Money, b: Money): Money {
  return a.isZero() && b.isZero() && !(a.isNegative() && b.isNegative()) ? a : moneyMinus(a, b);
}

interface TradePart {
  readonly id: string;
  readonly quantity: number;
  readonly exitPrice: number;
  readonly exitNotional: Money;
  readonly basis: Money;
  readonly entryCommission: Money;
  readonly exitCommission: Money;
  readonly entrySlippage: Money;
  readonly exitSlippage: Money;
  readonly entryImpact: Money;
  readonly exitImpact: Money;
  readonly exitSlippagePerUnit: number;
  readonly exitTime: Timestamp;
  readonly exitIndex: number;
  readonly exitOrderId: string;
  readonly exitReason: Trade['exitReason'];
  readonly exitRule: string | undefined;
  readonly exitContext: TradeContext;
  readonly isOpen: boolean;
}
