import {
  addQuantity,
  type BarView,
  type Broker,
  type BrokerContext,
  ExitReason,
  type ExitRequest,
  exactNotional,
  exactUnits,
  type FillEvent,
  IdMap,
  type InstrumentSpec,
  isFinalStatus,
  type Money,
  moneyMinus,
  moneyPlus,
  moneyTimes,
  numberToDecimal,
  type Order,
  type OrderEvent,
  type OrderModification,
  type OrderReason,
  OrderSide,
  OrderStatus,
  OrderType,
  type OrderUpdate,
  ReasonCode,
  type SubmitMeta,
  type SymbolId,
  TimeInForce,
  ZERO,
} from '@ml4t/core';
import { AccountCheckView } from '../account/account-check-view.js';
import { type ExecutionConfig, resolveExecutionConfig } from '../config/execution-config.js';
import { pathPoints } from '../matching/intrabar-path.js';
import { type BarPath, Match, matchOrder } from '../matching/match-order.js';
import { ratchetTrailing, trailLevelFrom } from '../matching/trailing.js';
import { type OrderPhase, WorkingOrder } from '../orders/working-order.js';
import { type PricedFill, priceFill } from '../pricing/price-fill.js';
import { roundQuantity } from '../pricing/round-quantity.js';

const DAY_MS = 86_400_000;

/** The reused update object of the live path (an {@link OrderUpdate} while published). */
interface LiveUpdate {
  timestamp: number;
  status: OrderStatus;
  previousStatus: OrderStatus | undefined;
  order: WorkingOrder | undefined;
  reason: OrderReason | undefined;
}

interface Unsettled {
  readonly release: number;
  readonly amount: Money;
}

/** A mutable {@link BarView} over the market columns of one symbol, reused for every fill. */
class ColumnBar implements BarView {
  symbolId = -1;
  timestamp = Number.NaN;
  open = Number.NaN;
  high = Number.NaN;
  low = Number.NaN;
  close = Number.NaN;
  volume = Number.NaN;
  bid = Number.NaN;
  ask = Number.NaN;
  bidSize = Number.NaN;
  askSize = Number.NaN;
}

/**
 * The simulated broker: owns working orders and turns them into fills against the bars, with every execution
 * knob of {@link ExecutionConfig}.
 *
 * Per timestamp (DESIGN §3): `onOpen` expires stale DAY orders, runs backtrader's submission cash check when
 * enabled, and tries every order eligible at the open against the bar's intrabar path (market orders at the
 * open; limits, stops, stop-limits and trailing stops at their levels, at the open on a gap); `exit` executes
 * risk exits; `onClose` fills SAME_BAR market orders and market-on-close orders at the close; `onEnd` ratchets
 * trailing stops, expires GTD orders, cancels protective orders of closed positions, ages market impact and
 * answers margin calls.
 *
 * Orders submitted on slice t are first tried on t + 1 (resting orders always; market orders under NEXT_BAR);
 * one-triggers-other children (bracket legs) from the bar after their parent's fill. A fill applies to the
 * ledger at once, so later orders of the same bar see the new cash; a fill cancels the rest of its
 * one-cancels-other group at once. A fill that reverses a position is split into a closing and an opening
 * fill, each with its own commission.
 *
 * @example
 * ```ts
 * const broker = new SimulatedBroker({
 *   slippage: percentageSlippage({ rate: 0.001 }),
 *   commission: perShareCommission({ rate: 0.005, minimum: 1 }),
 * });
 * await new Engine({ initialCash: 100_000, feeds, strategy, broker }).run();
 * ```
 */
export class SimulatedBroker implements Broker {
  /** Every fill is built by one object literal in canonical form (see `Broker.canonicalFills`). */
  readonly canonicalFills = true;
  /** The resolved configuration (defaults applied). */
  readonly config: ExecutionConfig;
  private ctx: BrokerContext | undefined;
  /** Working orders in acceptance order (final ones are dropped by `compact`). */
  private orders: WorkingOrder[] = [];
  private readonly byId = new IdMap<WorkingOrder>();
  private dirty = false;
  private readonly candidates: WorkingOrder[] = [];
  private readonly matches: Match[] = [];
  private readonly sequence: number[] = [];
  private readonly bar: BarPath = {
    open: Number.NaN,
    high: Number.NaN,
    low: Number.NaN,
    close: Number.NaN,
    points: new Float64Array(4),
  };
  private readonly view = new ColumnBar();
  private readonly priced: PricedFill = {
    price: Number.NaN,
    slippagePerUnit: 0,
    impactPerUnit: 0,
    slippageExact: ZERO,
    impactExact: ZERO,
    capped: '',
  };
  private readonly exitMatch = new Match();
  private volumeUsed = new Float64Array(1);
  private volumeIndex = new Int32Array(1).fill(-1);
  private unsettled: Unsettled[] = [];
  private unsettledTotal: Money = ZERO;
  /** The order of the last published update and its snapshot (see `currentSnapshot`). */
  private lastPublished: WorkingOrder | undefined;
  private lastSnapshot: Order | undefined;
  /** The update object of {@link SimulatedBroker.publishLive}, reused. */
  private readonly live: LiveUpdate = {
    timestamp: Number.NaN,
    status: OrderStatus.Submitted,
    previousStatus: undefined,
    order: undefined,
    reason: undefined,
  };
  /** True while {@link SimulatedBroker.live} is published (a nested publish then takes the copying path). */
  private liveBusy = false;

  /** @param options - any subset of the execution knobs; see {@link ExecutionConfig} for the defaults. */
  constructor(options: Partial<ExecutionConfig> = {}) {
    this.config = resolveExecutionConfig(options);
  }

  init(ctx: BrokerContext): void {
    this.ctx = ctx;
    const n = Math.max(1, ctx.symbols.size);
    this.volumeUsed = new Float64Array(n);
    this.volumeIndex = new Int32Array(n).fill(-1);
  }

  submit(request: OrderEvent, meta: SubmitMeta): Order {
    const ctx = this.context();
    const { market } = ctx;
    const sid = meta.symbolId;
    const spec = ctx.symbols.spec(sid);
    const quantity = roundQuantity(request.quantity, spec, this.config.shareType);
    const tif = request.timeInForce ?? TimeInForce.Gtc;
    const closePhase = this.triesAtClose(request.type, tif);
    const order = new WorkingOrder(
      meta.id,
      request,
      sid,
      quantity,
      market.timestamp,
      market.index,
      meta.signalPrice,
      closePhase ? 'close' : 'open',
      this.firstIndex(closePhase, market.index),
      defaultExitReason(request),
    );
    this.publish(order, undefined);
    const reason = this.admissionCheck(order, request);
    if (reason !== undefined) this.publish(order, order.moveTo(OrderStatus.Rejected, reason), reason);
    else this.accept(order);
    return this.currentSnapshot(order);
  }

  cancel(orderId: string, reason?: OrderReason): boolean {
    const order = this.byId.get(orderId);
    if (order === undefined || !order.isWorking) return false;
    this.finalize(
      order,
      OrderStatus.Cancelled,
      reason ?? { code: ReasonCode.UserCancelled, message: 'cancelled by the strategy', source: 'strategy' },
    );
    return true;
  }

  modify(orderId: string, changes: OrderModification): boolean {
    const order = this.byId.get(orderId);
    if (order === undefined || !order.isWorking) return false;
    const spec = this.context().symbols.spec(order.symbolId);
    const quantity =
      changes.quantity === undefined ? undefined : roundQuantity(changes.quantity, spec, this.config.shareType);
    if (quantity !== undefined && !(quantity > order.filledQuantity)) return false;
    const { limitPrice, stopPrice } = changes;
    const hasLimit = order.type === OrderType.Limit || order.type === OrderType.StopLimit;
    const hasStop = order.type === OrderType.Stop || order.type === OrderType.StopLimit;
    if (limitPrice !== undefined && (!hasLimit || !(limitPrice > 0) || !Number.isFinite(limitPrice))) return false;
    if (stopPrice !== undefined && (!hasStop || !(stopPrice > 0) || !Number.isFinite(stopPrice))) return false;
    if (quantity !== undefined) {
      order.quantity = quantity;
      order.request = { ...order.request, quantity };
    }
    if (limitPrice !== undefined) {
      order.limitPrice = limitPrice;
      order.request = { ...order.request, limitPrice } as OrderEvent;
    }
    if (stopPrice !== undefined) {
      order.stopLevel = stopPrice;
      order.request = { ...order.request, stopPrice } as OrderEvent;
    }
    this.publish(order, order.moveTo(order.status));
    return true;
  }

  openOrders(symbol?: SymbolId): readonly Order[] {
    const out: Order[] = [];
    for (const o of this.orders) {
      if (o.isWorking && (symbol === undefined || o.symbolId === symbol)) out.push(o.snapshot());
    }
    return out;
  }

  onOpen(): void {
    const { market } = this.context();
    const index = market.index;
    this.releaseSettled(index);
    this.expireDayOrders(Math.floor(market.timestamp / DAY_MS), index);
    if (this.config.cashCheck === 'submission_running') this.submissionCashCheck();
    this.processPhase('open');
    this.compact();
  }

  exit(request: ExitRequest): boolean {
    const ctx = this.context();
    const { market, portfolio } = ctx;
    const sid = request.symbolId;
    const held = portfolio.quantity(sid);
    if (held === 0 || !market.hasBar(sid)) return false;
    const side = held > 0 ? OrderSide.Sell : OrderSide.Buy;
    const quantity = Math.min(request.quantity, Math.abs(held));
    if (!(quantity > 0)) return false;
    const m = this.exitMatch.reset();
    this.loadBar(sid);
    const bar = this.bar;
    const sell = side === OrderSide.Sell;
    let deferred = false;
    switch (request.trigger) {
      case 'nextOpen':
        deferred = true;
        break;
      case 'close':
        m.fills = true;
        m.price = bar.close;
        m.rule = 'exit@close';
        m.kind = 'close';
        break;
      case 'limit': {
        const gap = sell ? bar.open >= request.price : bar.open <= request.price;
        const touched = gap || (sell ? bar.high >= request.price : bar.low <= request.price);
        if (!touched) return false;
        m.fills = true;
        m.price = gap ? bar.open : request.price;
        m.rule = gap ? 'limit gap@open' : 'limit@level';
        m.liquidity = gap ? 'taker' : 'maker';
        m.kind = 'limit';
        m.limit = request.price;
        break;
      }
      case 'stop': {
        const gap = sell ? bar.open <= request.price : bar.open >= request.price;
        const touched = gap || (sell ? bar.low <= request.price : bar.high >= request.price);
        if (!touched) return false;
        m.stopLike = true;
        m.kind = 'stop';
        m.fills = true;
        switch (this.config.stopFillMode) {
          case 'stop_price':
            m.price = gap ? bar.open : request.price;
            m.rule = gap ? 'stop gap@open' : 'stop@level';
            break;
          case 'close':
            m.price = bar.close;
            m.rule = 'stop@close';
            break;
          case 'bar_extreme':
            m.price = sell ? bar.low : bar.high;
            m.rule = 'stop@extreme';
            break;
          case 'next_bar_open':
            m.fills = false;
            deferred = true;
            break;
        }
        break;
      }
    }
    const type =
      deferred || request.trigger === 'close'
        ? OrderType.Market
        : request.trigger === 'stop'
          ? OrderType.Stop
          : OrderType.Limit;
    const order = this.internalOrder(sid, side, quantity, type, request.price, request.reason, request.rule, deferred);
    if (deferred) return false;
    const before = order.filledQuantity;
    this.execute(order, m);
    const filled = order.filledQuantity > before;
    if (order.isWorking) {
      // A volume cap left a remainder: it leaves at the next open as a market order.
      order.phase = 'open';
      order.activeFrom = market.index + 1;
      order.triggered = order.type === OrderType.Stop;
    }
    this.compact();
    return filled;
  }

  onClose(): void {
    // Under NEXT_BAR the orders decided on this bar are checked at the next open, as backtrader does.
    if (this.config.cashCheck === 'submission_running' && this.config.fillTiming === 'same_bar') {
      this.submissionCashCheck();
    }
    this.processPhase('close');
    this.compact();
  }

  onEnd(): void {
    const ctx = this.context();
    const { market, portfolio } = ctx;
    const index = market.index;
    for (const o of this.orders) {
      if (!o.isWorking) continue;
      const sid = o.symbolId;
      if (o.type === OrderType.TrailingStop && market.hasBar(sid)) {
        const close = market.close[sid] as number;
        if (Number.isNaN(o.stopLevel)) o.stopLevel = trailLevelFrom(o, close);
        else if (this.config.trailingUpdate === 'close' && o.lastTriedIndex === index && !o.triggered) {
          ratchetTrailing(o, close);
        }
      }
      if (o.timeInForce === TimeInForce.Gtd && market.timestamp > (o.request.expireAt ?? Number.POSITIVE_INFINITY)) {
        this.finalize(o, OrderStatus.Expired, {
          code: ReasonCode.Expired,
          message: 'good-till-date order reached its expiry',
          source: 'timeInForce',
        });
        continue;
      }
      if (o.request.reduceOnly) {
        const held = portfolio.quantity(sid);
        const protects = o.side === OrderSide.Sell ? held > 0 : held < 0;
        if (protects) o.armed = true;
        else if (o.armed) {
          this.finalize(o, OrderStatus.Cancelled, {
            code: ReasonCode.PositionClosed,
            message: 'the position this reduce-only order protected is closed',
            source: 'reduceOnly',
          });
        }
      }
    }
    const impact = this.config.impact;
    if (impact !== undefined) {
      for (let s = 0; s < ctx.symbols.size; s++) if (market.hasBar(s)) impact.onBar(s);
    }
    this.marginCall();
    this.compact();
  }

  finish(): void {
    for (const o of this.orders) {
      if (!o.isWorking) continue;
      this.finalize(o, OrderStatus.Cancelled, {
        code: ReasonCode.EndOfData,
        message: 'the data ended while the order was working',
        source: 'engine',
      });
    }
    this.compact();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Phases

  private processPhase(phase: OrderPhase): void {
    const { market } = this.context();
    const index = market.index;
    const cands = this.candidates;
    cands.length = 0;
    for (const o of this.orders) {
      if (o.isWorking && o.phase === phase && o.activeFrom <= index && market.hasBar(o.symbolId)) cands.push(o);
    }
    if (cands.length === 0) return;
    while (this.matches.length < cands.length) this.matches.push(new Match());
    for (let i = 0; i < cands.length; i++) {
      const o = cands[i] as WorkingOrder;
      o.lastTriedIndex = index;
      this.loadBar(o.symbolId);
      const m = matchOrder(o, this.bar, phase, this.config, this.matches[i] as Match);
      if (m.deferred) {
        // next_bar_open: the stop has triggered; it leaves as a market order at the next open.
        o.triggered = true;
        o.activeFrom = index + 1;
      }
    }
    this.resolveOcoConflicts(cands.length);
    const seq = this.prioritise(cands.length);
    for (const i of seq) {
      const o = cands[i] as WorkingOrder;
      const m = this.matches[i] as Match;
      if (!o.isWorking || !m.fills) continue;
      this.execute(o, m);
    }
    for (const o of cands) {
      if (!o.isWorking) continue;
      const tif = o.timeInForce;
      if (tif === TimeInForce.Ioc) {
        this.finalize(o, OrderStatus.Cancelled, {
          code: ReasonCode.IocUnfilled,
          message: 'immediate-or-cancel: the rest did not fill on its first bar',
          source: 'timeInForce',
        });
      } else if (tif === TimeInForce.Fok) {
        this.finalize(o, OrderStatus.Cancelled, {
          code: ReasonCode.FokUnfilled,
          message: 'fill-or-kill: could not fill completely on its first bar',
          source: 'timeInForce',
        });
      } else if (tif === TimeInForce.Moo || tif === TimeInForce.Moc) {
        this.finalize(o, OrderStatus.Expired, {
          code: ReasonCode.Expired,
          message: `${tif === TimeInForce.Moo ? 'market-on-open' : 'market-on-close'}: the rest did not fill in its auction`,
          source: 'timeInForce',
        });
      }
    }
  }

  /** When several members of one OCO group trigger on the same bar, only the winner may fill. */
  private resolveOcoConflicts(n: number): void {
    const cands = this.candidates;
    for (let i = 0; i < n; i++) {
      const a = cands[i] as WorkingOrder;
      const ma = this.matches[i] as Match;
      if (a.ocoGroup === undefined || !(ma.fills || ma.deferred)) continue;
      for (let j = i + 1; j < n; j++) {
        const b = cands[j] as WorkingOrder;
        const mb = this.matches[j] as Match;
        if (b.ocoGroup !== a.ocoGroup || !(mb.fills || mb.deferred)) continue;
        const bWins = this.config.bracketConflict === 'path' ? mb.time < ma.time : worse(b.side, mb.rank, ma.rank);
        const loser = bWins ? ma : mb;
        loser.fills = false;
        if (bWins) break;
      }
    }
  }

  /** Candidate indices in processing order (see {@link ExecutionConfig.orderPriority}); allocation-free. */
  private prioritise(n: number): readonly number[] {
    const seq = this.sequence;
    seq.length = 0;
    const mode = this.config.orderPriority;
    if (mode === 'fifo') {
      for (let i = 0; i < n; i++) seq.push(i);
      return seq;
    }
    if (mode === 'sequential') {
      // Insertion sort by trigger time (orders that do not fill last); stable, and n is small.
      for (let i = 0; i < n; i++) {
        const t = this.triggerTime(i);
        let k = seq.length;
        seq.push(i);
        while (k > 0 && this.triggerTime(seq[k - 1] as number) > t) {
          seq[k] = seq[k - 1] as number;
          k -= 1;
        }
        seq[k] = i;
      }
      return seq;
    }
    // exit_first: orders that reduce the position as it stands before the bar's fills, then the rest.
    const { portfolio } = this.context();
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < n; i++) {
        const o = this.candidates[i] as WorkingOrder;
        const held = portfolio.quantity(o.symbolId);
        const reduces = o.side === OrderSide.Sell ? held > 0 : held < 0;
        if (reduces === (pass === 0)) seq.push(i);
      }
    }
    return seq;
  }

  private triggerTime(i: number): number {
    const m = this.matches[i] as Match;
    return m.fills ? m.time : Number.POSITIVE_INFINITY;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Fills

  /** Fills as much of `order` as the position, the volume cap and the account allow, at the match's price. */
  private execute(order: WorkingOrder, m: Match): void {
    const ctx = this.context();
    const { market, portfolio } = ctx;
    const cfg = this.config;
    const sid = order.symbolId;
    const spec = ctx.symbols.spec(sid);
    const buy = order.side === OrderSide.Buy;
    const held = portfolio.quantity(sid);
    let quantity = order.remaining;
    if (order.request.reduceOnly) {
      const reduces = buy ? held < 0 : held > 0;
      if (!reduces) {
        this.finalize(order, OrderStatus.Cancelled, {
          code: ReasonCode.PositionClosed,
          message: 'reduce-only order with no position to reduce',
          source: 'reduceOnly',
        });
        return;
      }
      quantity = Math.min(quantity, Math.abs(held));
    }
    const volume = market.volume[sid] as number;
    if (cfg.volumeLimit !== undefined && Number.isFinite(volume)) {
      if (this.volumeIndex[sid] !== market.index) {
        this.volumeIndex[sid] = market.index;
        this.volumeUsed[sid] = 0;
      }
      const room = addQuantity(cfg.volumeLimit.maxParticipation * volume, -(this.volumeUsed[sid] as number));
      quantity = Math.min(quantity, roundQuantity(Math.max(0, room), spec, cfg.shareType));
    }
    if (order.timeInForce === TimeInForce.Fok && quantity < order.remaining) {
      this.finalize(order, OrderStatus.Cancelled, {
        code: ReasonCode.FokUnfilled,
        message: `fill-or-kill: only ${quantity} of ${order.remaining} could fill`,
        source: 'timeInForce',
      });
      return;
    }
    if (!(quantity > 0)) return;

    this.loadView(sid);
    const priced = priceFill(
      {
        order,
        bar: this.view,
        quantity,
        basePrice: m.price,
        kind: m.kind,
        spec,
        slippage: m.stopLike ? cfg.stopSlippage : cfg.slippage,
        impact: cfg.impact,
        limit: m.limit,
        capToBar: cfg.capSlippageToBar,
      },
      this.priced,
    );
    const price = priced.price;
    const closing = (buy ? held < 0 : held > 0) ? Math.min(quantity, Math.abs(held)) : 0;
    // On the quantity grid: selling 0.1 + 0.2 (0.30000000000000004) against 0.3 held opens no short of 5.6e-17.
    const opening = addQuantity(quantity, -closing);
    // A stateful commission model is only previewed for the account check, and charged once the fill goes through.
    const preview = opening > 0 && cfg.commission.pure !== true;
    let closeCommission = this.commissionFor(order, closing, price, spec, m.liquidity, preview);
    let openCommission = this.commissionFor(order, opening, price, spec, m.liquidity, preview);
    if (opening > 0) {
      const reason = cfg.account.check(
        new AccountCheckView(
          sid,
          order.side,
          quantity,
          opening,
          price,
          spec.multiplier,
          closing > 0 ? moneyPlus(closeCommission, openCommission) : openCommission,
          held,
          this.spendableCash(),
          Math.abs(held * (market.lastPrice[sid] as number) * spec.multiplier),
          portfolio,
        ),
      );
      if (reason !== undefined) {
        this.finalize(order, OrderStatus.Rejected, reason);
        return;
      }
    }
    if (preview) {
      closeCommission = this.commissionFor(order, closing, price, spec, m.liquidity, false);
      openCommission = this.commissionFor(order, opening, price, spec, m.liquidity, false);
    }

    const rule = m.rule + priced.capped;
    const explicitReason = order.request.exitReason;
    if (closing > 0) {
      const reason =
        explicitReason ?? (opening > 0 && order.type === OrderType.Market ? ExitReason.Reversal : order.exitReason);
      this.emitFill(order, closing, closeCommission, rule, m.liquidity, reason, m.price);
    }
    if (opening > 0) this.emitFill(order, opening, openCommission, rule, m.liquidity, order.exitReason, m.price);

    if (cfg.impact !== undefined) {
      cfg.impact.onFill({ symbolId: sid, side: order.side, quantity, basePrice: m.price, barVolume: volume });
    }
    if (cfg.volumeLimit !== undefined) this.volumeUsed[sid] = addQuantity(this.volumeUsed[sid] as number, quantity);
    const previous = order.recordFill(quantity, price);
    this.publish(order, previous);
    if (order.ocoGroup !== undefined) this.cancelOcoSiblings(order);
    if (order.request.onFill !== undefined && order.request.onFill.length > 0) this.spawnChildren(order, quantity);
  }

  /** The commission of `quantity` units of `order` filling at `price` (zero for none), an estimate if `preview`. */
  private commissionFor(
    order: WorkingOrder,
    quantity: number,
    price: number,
    spec: InstrumentSpec,
    liquidity: 'maker' | 'taker',
    preview: boolean,
  ): Money {
    if (!(quantity > 0)) return ZERO;
    return this.config.commission.commission({
      symbol: order.symbol,
      timestamp: this.context().market.timestamp,
      side: order.side,
      orderType: order.type,
      quantity,
      price,
      multiplier: spec.multiplier,
      assetClass: spec.assetClass,
      liquidity,
      preview,
    });
  }

  private emitFill(
    order: WorkingOrder,
    quantity: number,
    commission: Money,
    rule: string,
    liquidity: 'maker' | 'taker',
    exitReason: ExitReason,
    basePrice: number,
  ): void {
    const ctx = this.context();
    const { market } = ctx;
    const spec = ctx.symbols.spec(order.symbolId);
    const priced = this.priced;
    const units =
      spec.multiplier === 1 ? exactUnits(quantity) : moneyTimes(exactUnits(quantity), numberToDecimal(spec.multiplier));
    const notional = exactNotional(priced.price, quantity, spec.multiplier);
    const sell = order.side === OrderSide.Sell;
    let settleAt: number | undefined;
    if (sell && this.config.settlementDelayDays > 0)
      settleAt = market.timestamp + this.config.settlementDelayDays * DAY_MS;
    // Optional fields are assigned after the literal, not spread into it: same object, far cheaper to build.
    const fill: { -readonly [K in keyof FillEvent]: FillEvent[K] } = {
      id: ctx.nextFillId(),
      orderId: order.id,
      timestamp: market.timestamp,
      sliceIndex: market.index,
      symbol: order.symbol,
      symbolId: order.symbolId,
      side: order.side,
      orderType: order.type,
      quantity,
      price: priced.price,
      basePrice,
      slippagePerUnit: priced.slippagePerUnit,
      impactPerUnit: priced.impactPerUnit,
      slippage: moneyTimes(priced.slippageExact, units),
      impact: priced.impactPerUnit === 0 ? ZERO : moneyTimes(priced.impactExact, units),
      commission,
      notional,
      multiplier: spec.multiplier,
      signalPrice: order.signalPrice,
      priceRule: rule,
      liquidity,
      exitReason,
    };
    if (order.rule !== undefined) fill.rule = order.rule;
    if (order.request.tag !== undefined) fill.tag = order.request.tag;
    if (settleAt !== undefined) fill.settleAt = settleAt;
    if (sell && this.config.settlementDelayBars > 0) {
      const proceeds = moneyMinus(notional, commission);
      if (proceeds.gt(0)) {
        this.unsettled.push({ release: market.index + this.config.settlementDelayBars, amount: proceeds });
        this.unsettledTotal = this.unsettledTotal.plus(proceeds);
      }
    }
    ctx.fill(fill);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Order bookkeeping

  /** True if a new order of this type and time in force is tried in the close phase, false for the open. */
  private triesAtClose(type: OrderType, tif: TimeInForce): boolean {
    if (tif === TimeInForce.Moc) return true;
    if (tif === TimeInForce.Moo) return false;
    return type === OrderType.Market && this.config.fillTiming !== 'next_bar';
  }

  /**
   * The first slice index on which a new order may be tried, given its phase ({@link triesAtClose}): the next
   * bar's open; for the close phase, this bar's close when fills are same-bar, else the next bar's close (a
   * market order under `next_close`, a market-on-close order under `next_bar`).
   */
  private firstIndex(closePhase: boolean, index: number): number {
    return closePhase && this.config.fillTiming === 'same_bar' ? index : index + 1;
  }

  /** Checks a new order before acceptance: a quantity left after rounding, and no naked short in a cash account. */
  private admissionCheck(order: WorkingOrder, request: OrderEvent): OrderReason | undefined {
    if (!(order.quantity > 0)) {
      return {
        code: ReasonCode.InvalidOrder,
        message: `quantity ${request.quantity} rounds to 0 (lot size / ${this.config.shareType} shares)`,
        source: 'execution',
      };
    }
    if (order.side === OrderSide.Sell && !request.reduceOnly && !this.config.account.allowsShorts) {
      const { portfolio } = this.context();
      let available = portfolio.quantity(order.symbolId);
      for (const o of this.orders) {
        if (o.isWorking && o.symbolId === order.symbolId && o.side === OrderSide.Buy) {
          available = addQuantity(available, o.remaining);
        }
      }
      if (available <= 0) {
        return {
          code: ReasonCode.ShortNotAllowed,
          message: `${this.config.account.name} account: no position in ${order.symbol} to sell`,
          source: this.config.account.name,
        };
      }
    }
    return undefined;
  }

  private accept(order: WorkingOrder): void {
    this.publish(order, order.moveTo(OrderStatus.Accepted));
    if (order.request.reduceOnly) {
      const held = this.context().portfolio.quantity(order.symbolId);
      order.armed = order.side === OrderSide.Sell ? held > 0 : held < 0;
    }
    this.orders.push(order);
    this.byId.set(order.id, order);
  }

  /** Creates, publishes and accepts an order the broker makes itself (risk exits, margin calls). */
  private internalOrder(
    sid: SymbolId,
    side: OrderSide,
    quantity: number,
    type: OrderType,
    level: number,
    reason: ExitReason,
    rule: string,
    nextOpen: boolean,
  ): WorkingOrder {
    const ctx = this.context();
    const { market } = ctx;
    const symbol = ctx.symbols.name(sid);
    const base = { symbol, side, quantity, reduceOnly: true, exitReason: reason, tag: rule } as const;
    const request: OrderEvent =
      type === OrderType.Stop
        ? { ...base, type, stopPrice: level }
        : type === OrderType.Limit
          ? { ...base, type, limitPrice: level }
          : { ...base, type: OrderType.Market };
    const order = new WorkingOrder(
      ctx.nextOrderId(),
      request,
      sid,
      quantity,
      market.timestamp,
      market.index,
      market.lastPrice[sid] as number,
      'open',
      nextOpen ? market.index + 1 : market.index,
      reason,
      undefined,
      rule,
    );
    order.submissionChecked = true;
    this.publish(order, undefined);
    this.accept(order);
    return order;
  }

  /** One-triggers-other: the first fill creates the children; later partial fills grow those sized by the fill. */
  private spawnChildren(parent: WorkingOrder, filled: number): void {
    const specs = parent.request.onFill ?? [];
    const childIds = parent.childIds;
    if (childIds !== undefined) {
      specs.forEach((spec, k) => {
        if (spec.quantity !== undefined) return;
        const child = this.byId.get(childIds[k] ?? '');
        if (child === undefined || !child.isWorking) return;
        child.quantity += filled;
        child.request = { ...child.request, quantity: child.quantity };
        this.publish(child, child.moveTo(child.status));
      });
      return;
    }
    const ctx = this.context();
    const { market } = ctx;
    const sid = parent.symbolId;
    const ids: string[] = [];
    parent.childIds = ids;
    for (const spec of specs) {
      const request = { ...spec, symbol: parent.symbol, quantity: spec.quantity ?? filled } as OrderEvent;
      const tif = request.timeInForce ?? TimeInForce.Gtc;
      const child = new WorkingOrder(
        ctx.nextOrderId(),
        request,
        sid,
        roundQuantity(request.quantity, ctx.symbols.spec(sid), this.config.shareType),
        market.timestamp,
        market.index,
        market.lastPrice[sid] as number,
        this.triesAtClose(request.type, tif) ? 'close' : 'open',
        // Children are first tried on the bar after the parent's fill (backtrader rule 5).
        market.index + 1,
        defaultExitReason(request),
        parent.id,
      );
      ids.push(child.id);
      this.publish(child, undefined);
      const reason = this.admissionCheck(child, request);
      if (reason !== undefined) this.publish(child, child.moveTo(OrderStatus.Rejected, reason), reason);
      else this.accept(child);
    }
  }

  private cancelOcoSiblings(winner: WorkingOrder): void {
    for (const o of this.orders) {
      if (o === winner || !o.isWorking || o.ocoGroup !== winner.ocoGroup) continue;
      this.finalize(o, OrderStatus.Cancelled, {
        code: ReasonCode.OcoCancelled,
        message: `one-cancels-other: ${winner.id} filled`,
        source: 'oco',
      });
    }
  }

  private finalize(order: WorkingOrder, status: OrderStatus, reason: OrderReason): void {
    this.publish(order, order.moveTo(status, reason), reason);
  }

  private publish(order: WorkingOrder, previous: OrderStatus | undefined, reason?: OrderReason): void {
    if (isFinalStatus(order.status)) this.dirty = true;
    const ctx = this.context();
    if (ctx.publishLive !== undefined && !this.liveBusy && ctx.liveOrders?.() === true) {
      this.publishLive(ctx.publishLive, order, previous, reason);
      return;
    }
    const snapshot = order.snapshot();
    this.lastPublished = order;
    this.lastSnapshot = snapshot;
    const timestamp = ctx.market.timestamp;
    const status = order.status;
    ctx.publish(
      reason === undefined
        ? { timestamp, status, previousStatus: previous, order: snapshot }
        : { timestamp, status, previousStatus: previous, order: snapshot, reason },
    );
  }

  /**
   * Publishes `order` itself, in the one reused update object, when nothing needs a frozen copy (see
   * `BrokerContext.liveOrders`): no snapshot per transition.
   */
  private publishLive(
    publishLive: (update: OrderUpdate) => void,
    order: WorkingOrder,
    previous: OrderStatus | undefined,
    reason: OrderReason | undefined,
  ): void {
    const live = this.live;
    live.timestamp = this.context().market.timestamp;
    live.status = order.status;
    live.previousStatus = previous;
    live.order = order;
    live.reason = reason;
    // `submit` returns a fresh snapshot: nothing was published it could share.
    this.lastPublished = undefined;
    this.liveBusy = true;
    try {
      publishLive(live as unknown as OrderUpdate);
    } finally {
      this.liveBusy = false;
      live.order = undefined;
      live.reason = undefined;
    }
  }

  /**
   * The order as of now, for `submit` to return: the snapshot it just published when nothing was published
   * after it (saves a copy per submission), a fresh one otherwise. Between that publish and the return only
   * the update's callbacks run, and they can change orders only through `cancel`/`modify`, which publish.
   */
  private currentSnapshot(order: WorkingOrder): Order {
    return this.lastPublished === order && this.lastSnapshot !== undefined ? this.lastSnapshot : order.snapshot();
  }

  private compact(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const keep: WorkingOrder[] = [];
    for (const o of this.orders) {
      if (o.isWorking) keep.push(o);
      else this.byId.delete(o.id);
    }
    this.orders = keep;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Time in force, cash checks, margin calls

  /** DAY orders belong to the session (UTC day) of the first slice they are eligible on; later days expire them. */
  private expireDayOrders(day: number, index: number): void {
    for (const o of this.orders) {
      if (!o.isWorking || o.timeInForce !== TimeInForce.Day || o.activeFrom > index) continue;
      if (Number.isNaN(o.sessionDay)) o.sessionDay = day;
      else if (day > o.sessionDay) {
        this.finalize(o, OrderStatus.Expired, {
          code: ReasonCode.Expired,
          message: 'day order: its session ended',
          source: 'timeInForce',
        });
      }
    }
  }

  /**
   * Backtrader's submission check: every order not yet checked is pseudo-executed, in creation order, against
   * a running cash balance starting at the current cash; a buy subtracts size × created price + commission, a
   * sell adds size × created price − commission; an order that leaves the balance negative is rejected and the
   * balance is not restored.
   */
  private submissionCashCheck(): void {
    const ctx = this.context();
    const { market, portfolio } = ctx;
    let running: Money | undefined;
    for (const o of this.orders) {
      if (!o.isWorking || o.submissionChecked) continue;
      o.submissionChecked = true;
      const price = createdPrice(o);
      if (!Number.isFinite(price)) continue;
      running ??= portfolio.cash;
      const spec = ctx.symbols.spec(o.symbolId);
      const value = numberToDecimal(price).times(o.remaining).times(spec.multiplier);
      const commission = this.config.commission.commission({
        symbol: o.symbol,
        timestamp: market.timestamp,
        side: o.side,
        orderType: o.type,
        quantity: o.remaining,
        price,
        multiplier: spec.multiplier,
        assetClass: spec.assetClass,
        liquidity: o.type === OrderType.Limit ? 'maker' : 'taker',
        preview: true,
      });
      running =
        o.side === OrderSide.Buy ? running.minus(value).minus(commission) : running.plus(value).minus(commission);
      if (running.lt(0)) {
        this.finalize(o, OrderStatus.Rejected, {
          code: ReasonCode.InsufficientCash,
          message: `submission check: running cash ${running.toFixed(2)} < 0 at created price ${price}`,
          source: 'submissionCashCheck',
        });
      }
    }
  }

  /** Liquidates positions at the close, largest first, while the account breaches its maintenance margin. */
  private marginCall(): void {
    const account = this.config.account;
    if (account.needsLiquidation === undefined) return;
    const ctx = this.context();
    const { market, portfolio } = ctx;
    if (!account.needsLiquidation(portfolio.equity, portfolio.grossExposure)) return;
    const done = new Set<SymbolId>();
    while (account.needsLiquidation(portfolio.equity, portfolio.grossExposure)) {
      let pick = -1;
      let largest = -1;
      for (const p of portfolio.positions()) {
        const v = Math.abs(p.marketValue);
        if (market.hasBar(p.symbolId) && !done.has(p.symbolId) && v > largest) {
          largest = v;
          pick = p.symbolId;
        }
      }
      if (pick < 0) return;
      done.add(pick);
      const held = portfolio.quantity(pick);
      const side = held > 0 ? OrderSide.Sell : OrderSide.Buy;
      const order = this.internalOrder(
        pick,
        side,
        Math.abs(held),
        OrderType.Market,
        Number.NaN,
        ExitReason.MarginCall,
        'marginCall',
        false,
      );
      const m = this.exitMatch.reset();
      m.fills = true;
      m.price = market.close[pick] as number;
      m.rule = 'margin_call@close';
      m.kind = 'close';
      order.triggered = true;
      this.execute(order, m);
      if (order.isWorking) {
        this.finalize(order, OrderStatus.Cancelled, {
          code: ReasonCode.MarginCall,
          message: 'margin call liquidation could not complete on this bar',
          source: 'marginCall',
        });
      }
    }
  }

  private spendableCash(): Money {
    const settled = this.context().portfolio.settledCash;
    return this.unsettled.length === 0 ? settled : settled.minus(this.unsettledTotal);
  }

  private releaseSettled(index: number): void {
    if (this.unsettled.length === 0) return;
    const keep: Unsettled[] = [];
    let total = ZERO;
    for (const u of this.unsettled) {
      if (u.release > index) {
        keep.push(u);
        total = total.plus(u.amount);
      }
    }
    this.unsettled = keep;
    this.unsettledTotal = total;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Market access

  private loadBar(sid: SymbolId): void {
    const { market } = this.context();
    const b = this.bar;
    b.open = market.open[sid] as number;
    b.high = market.high[sid] as number;
    b.low = market.low[sid] as number;
    b.close = market.close[sid] as number;
    pathPoints(b.open, b.high, b.low, b.close, this.config.intrabarPath, b.points);
  }

  private loadView(sid: SymbolId): void {
    const { market } = this.context();
    const v = this.view;
    v.symbolId = sid;
    v.timestamp = market.timestamp;
    v.open = market.open[sid] as number;
    v.high = market.high[sid] as number;
    v.low = market.low[sid] as number;
    v.close = market.close[sid] as number;
    v.volume = market.volume[sid] as number;
    v.bid = market.bid[sid] as number;
    v.ask = market.ask[sid] as number;
    v.bidSize = market.bidSize[sid] as number;
    v.askSize = market.askSize[sid] as number;
  }

  private context(): BrokerContext {
    if (this.ctx === undefined) throw new Error('SimulatedBroker used before init(); pass it to an Engine');
    return this.ctx;
  }
}

/** The exit reason recorded when an order closes a position and the request names none. */
function defaultExitReason(request: OrderEvent): ExitReason {
  if (request.exitReason !== undefined) return request.exitReason;
  switch (request.type) {
    case OrderType.Market:
      return ExitReason.Signal;
    case OrderType.Limit:
      return ExitReason.LimitOrder;
    case OrderType.Stop:
    case OrderType.StopLimit:
    case OrderType.TrailingStop:
      return ExitReason.StopOrder;
    default: {
      const never: never = request;
      throw new TypeError(`unknown order type ${String((never as { type: unknown }).type)}`);
    }
  }
}

/** The price backtrader's submission check uses: the order's level, or the signal close for market orders. */
function createdPrice(o: WorkingOrder): number {
  switch (o.type) {
    case OrderType.Limit:
    case OrderType.StopLimit:
      return o.limitPrice;
    case OrderType.Stop:
      return o.stopLevel;
    case OrderType.TrailingStop:
      return Number.isNaN(o.stopLevel) ? trailLevelFrom(o, o.signalPrice) : o.stopLevel;
    case OrderType.Market:
      return o.signalPrice;
    default: {
      const never: never = o.type;
      throw new TypeError(`unknown order type ${String(never)}`);
    }
  }
}

/** True when price `a` is worse than `b` for an order of `side` (a sell receiving less, a buy paying more). */
function worse(side: OrderSide, a: number, b: number): boolean {
  return side === OrderSide.Sell ? a < b : a > b;
}
