import { type Observable, Subject } from 'rxjs';
import { IdMap } from '../collections/id-map.js';
import type { Broker, BrokerContext } from '../contracts/broker.js';
import type { OrderBus, OrderModification } from '../contracts/order-bus.js';
import type { PortfolioRule } from '../contracts/portfolio-rule.js';
import type { ResultSink, RunInfo, RunSummary } from '../contracts/result-sink.js';
import type { Strategy, StrategyContext } from '../contracts/strategy.js';
import type { CorporateAction } from '../domain/corporate-action.js';
import { ExitReason } from '../domain/exit-reason.js';
import type { FillEvent } from '../domain/fill-event.js';
import type { Order, OrderUpdate } from '../domain/order.js';
import type { OrderEvent } from '../domain/order-event.js';
import { type OrderReason, ReasonCode } from '../domain/order-reason.js';
import { isFinalStatus, OrderStatus } from '../domain/order-status.js';
import type { PortfolioSnapshot } from '../domain/portfolio-snapshot.js';
import { SymbolTable } from '../domain/symbol-table.js';
import type { TimeSlice } from '../domain/time-slice.js';
import type { Trade, TradeContext } from '../domain/trade.js';
import { validateOrder } from '../domain/validate-order.js';
import { ConfigError } from '../errors/config-error.js';
import { InvalidOrderError } from '../errors/invalid-order-error.js';
import { Ml4tError } from '../errors/ml4t-error.js';
import { StrategyError } from '../errors/strategy-error.js';
import { type FillTiming, Portfolio } from '../ledger/portfolio.js';
import { EMPTY_TRADE_CONTEXT } from '../ledger/trade-context.js';
import { toMoney } from '../money/decimal.js';
import { BarCursor } from './bar-cursor.js';
import { Clock } from './clock.js';
import { ClockFeatureView } from './clock-feature-view.js';
import type { EngineConfig } from './engine-config.js';
import { HistoryBuffer } from './history-buffer.js';
import { MarketState } from './market-state.js';
import { OrderGate } from './order-gate.js';
import { PositionRiskStep } from './position-risk.js';
import { rejectedOrder } from './rejected-order.js';
import { SliceBuffer } from './slice-buffer.js';
import { strategyFromOperator } from './strategy-from-operator.js';

/**
 * Runs a backtest: merges the feeds with a {@link Clock} and, for each timestamp, runs the event loop of
 * DESIGN §3 — mark, fill at the open, position rules, strategy, portfolio rules, fill at the close, snapshot.
 *
 * Every stage is observable: `market$` (one {@link TimeSlice} per timestamp), `orders$`, `fills$`, `trades$` and
 * `portfolio$`. Result sinks receive the same events synchronously. An engine runs once.
 *
 * @example
 * ```ts
 * const engine = new Engine({ initialCash: 100_000, feeds: [feed], strategy, broker: new SimulatedBroker() });
 * engine.fills$.subscribe((f) => console.log(f.symbol, f.price));
 * const summary = await engine.run();
 * ```
 */
export class Engine {
  /** The run's symbol dictionary (every feed's symbols, in feed order). */
  readonly symbols = new SymbolTable();
  private readonly marketSubject = new Subject<TimeSlice>();
  private readonly orderSubject = new Subject<OrderUpdate>();
  private readonly fillSubject = new Subject<FillEvent>();
  private readonly tradeSubject = new Subject<Trade>();
  private readonly portfolioSubject = new Subject<PortfolioSnapshot>();
  /** One {@link TimeSlice} per timestamp, after the open fills and risk exits, as the strategy sees it. */
  readonly market$: Observable<TimeSlice> = this.marketSubject.asObservable();
  /** Every order lifecycle transition. */
  readonly orders$: Observable<OrderUpdate> = this.orderSubject.asObservable();
  readonly fills$: Observable<FillEvent> = this.fillSubject.asObservable();
  /** Closed trade records (partial exits included); positions open at the end are in the run summary. */
  readonly trades$: Observable<Trade> = this.tradeSubject.asObservable();
  readonly portfolio$: Observable<PortfolioSnapshot> = this.portfolioSubject.asObservable();

  private readonly config: EngineConfig;
  private readonly clock: Clock;
  private readonly strategy: Strategy;
  private readonly broker: Broker;
  private readonly sinks: readonly ResultSink[];
  /** True when every sink that takes order updates takes live ones (`ResultSink.onOrderLive`). */
  private readonly liveSinks: boolean;
  private readonly market: MarketState;
  private readonly ledger: Portfolio;
  private readonly features: ClockFeatureView;
  private readonly slice: SliceBuffer;
  private readonly history: HistoryBuffer;
  private readonly gate: OrderGate;
  private readonly risk: PositionRiskStep;
  private readonly portfolioRules: readonly PortfolioRule[];
  /** True if a portfolio rule implements `onSnapshot` (checked once, not per slice). */
  private readonly snapshotRules: boolean;
  private readonly actions: readonly CorporateAction[];
  private readonly context: StrategyContext;
  private readonly pipelineInput: Subject<OrderEvent> | undefined;
  private pipelineResult: Order | undefined;
  private pipelineFailure: { readonly error: unknown } | undefined;
  /** Trade context at the decision of each working strategy order, recorded on the trade it opens or closes. */
  private readonly decisions = new IdMap<TradeContext>();
  private orderCounter = 0;
  private fillCounter = 0;
  private fillCount = 0;
  private tradeCount = 0;
  private barCount = 0;
  private sliceCount = 0;
  private firstTimestamp = Number.NaN;
  private phase: FillTiming = 'open';
  private started = false;

  constructor(config: EngineConfig) {
    validateConfig(config);
    this.config = config;
    this.clock = new Clock(config.feeds, this.symbols);
    for (const [name, spec] of Object.entries(config.instruments ?? {})) this.symbols.register(name, spec);
    const n = this.symbols.size;
    this.market = new MarketState(n);
    this.ledger = new Portfolio(config.initialCash, this.symbols, this.market);
    config.features?.bind(this.symbols);
    this.features = new ClockFeatureView(config.features, this.symbols);
    this.slice = new SliceBuffer(this.symbols, this.features, Math.max(16, n), this.market);
    this.strategy = typeof config.strategy === 'function' ? strategyFromOperator(config.strategy) : config.strategy;
    this.history = new HistoryBuffer(this.strategy.historyLength ?? 0, n);
    this.portfolioRules = config.portfolioRules ?? [];
    this.snapshotRules = this.portfolioRules.some((r) => Boolean(r.onSnapshot));
    this.gate = new OrderGate(
      this.portfolioRules,
      this.ledger,
      this.market,
      this.features,
      config.blockReentryAfterExit ?? true,
      this.symbols,
    );
    this.risk = new PositionRiskStep(
      config.positionRules ?? [],
      this.market,
      new BarCursor(this.market),
      this.features,
      config.riskOnEntryBar ?? true,
    );
    this.broker = config.broker;
    this.sinks = config.sinks ?? [];
    this.liveSinks = this.sinks.every((sink) => sink.onOrder === undefined || sink.onOrderLive !== undefined);
    this.actions = [...(config.corporateActions ?? [])].sort((a, b) => a.timestamp - b.timestamp);
    const bus: OrderBus = {
      submit: (order) => this.submitFromStrategy(order),
      cancel: (id, reason) => this.broker.cancel(id, reason ?? userCancel()),
      modify: (id, changes: OrderModification) => this.broker.modify(id, changes),
      openOrders: (symbol) => this.broker.openOrders(symbol),
    };
    this.context = {
      symbols: this.symbols,
      portfolio: this.ledger,
      market: this.market,
      features: this.features,
      history: this.history,
      bus,
    };
    if (config.orderPipeline) {
      const input = new Subject<OrderEvent>();
      input.pipe(config.orderPipeline).subscribe({
        next: (order) => {
          try {
            this.pipelineResult = this.gateAndSubmit(order);
          } catch (error) {
            this.pipelineFailure = { error };
          }
        },
        error: (error: unknown) => {
          this.pipelineFailure = { error };
        },
      });
      this.pipelineInput = input;
    }
  }

  /** The live account (read-only view). */
  get portfolio(): Portfolio {
    return this.ledger;
  }

  /**
   * Runs the backtest to the end of the data. Resolves with the run's totals. If a strategy, rule or feed fails,
   * the run stops at that timestamp, sinks receive `onEnd` with the error (results so far stay readable), and
   * the returned promise rejects with the typed error.
   */
  async run(): Promise<RunSummary> {
    return this.runSync();
  }

  /** {@link Engine.run}, synchronously. */
  runSync(): RunSummary {
    if (this.started) throw new Ml4tError('ENGINE_STATE', 'an Engine runs once; create a new one for another run');
    this.started = true;
    let error: Ml4tError | undefined;
    try {
      this.start();
      this.loop();
      this.broker.finish();
    } catch (err) {
      error = err instanceof Ml4tError ? err : new StrategyError('engine', this.market.timestamp, undefined, err);
    }
    const summary = this.finish(error);
    if (error) throw error;
    return summary;
  }

  private start(): void {
    const info: RunInfo = {
      initialCash: this.ledger.initialCash,
      symbols: this.symbols,
      config: this.config.describe ?? {},
      canonicalRecords: this.broker.canonicalFills === true,
    };
    for (const sink of this.sinks) sink.onStart?.(info);
    this.broker.init(this.brokerContext());
    this.guard('strategy.onStart', undefined, () => this.strategy.onStart?.(this.context));
  }

  private loop(): void {
    const { slice, market, ledger, clock, strategy } = this;
    const every = Math.max(1, this.config.progressEvery ?? 1000);
    const progress = this.config.onProgress;
    let actionIndex = 0;
    let index = 0;
    while (clock.fill(slice, index)) {
      const ts = slice.timestamp;
      if (index === 0) this.firstTimestamp = ts;
      this.features.timestamp = ts;
      // 1. Mark
      market.load(slice);
      ledger.settle(ts);
      while (actionIndex < this.actions.length && (this.actions[actionIndex] as CorporateAction).timestamp <= ts) {
        ledger.applyCorporateAction(this.actions[actionIndex] as CorporateAction);
        actionIndex += 1;
      }
      for (const pos of ledger.openStates()) {
        if (market.hasBar(pos.symbolId) && pos.entryIndex < index) pos.barsHeld += 1;
      }
      this.history.record(slice);
      // 2. Open
      this.phase = 'open';
      this.broker.onOpen();
      // 3. Risk
      this.risk.run(ledger.openStates(), this.broker, (sid) => this.gate.noteExit(sid));
      // 4. Decide (5. Gate runs inside bus.submit)
      market.markCloses(slice);
      if (this.marketSubject.observed) this.marketSubject.next(slice);
      if (strategy.onTimeSlice)
        this.guard('strategy.onTimeSlice', undefined, () => strategy.onTimeSlice?.(slice, this.context));
      if (strategy.onMarketData) {
        for (let i = 0; i < slice.size; i++) {
          const event = slice.bar(i);
          this.guard('strategy.onMarketData', event.symbol, () => strategy.onMarketData?.(event, this.context));
        }
      }
      // 6. Close
      this.phase = 'close';
      this.broker.onClose();
      // 7. End
      this.broker.onEnd();
      this.endSlice(index);
      this.barCount += slice.size;
      index += 1;
      this.sliceCount = index;
      if (progress && index % every === 0) progress(index, ts);
    }
    if (progress) progress(this.sliceCount, this.market.timestamp);
  }

  /**
   * Step 7's bookkeeping in one pass over the open positions: their water marks (the bar's range, except an
   * entry bar filled at the close, and the close) and the market values of the equity snapshot.
   */
  private endSlice(index: number): void {
    const market = this.market;
    const lastPrice = market.lastPrice;
    let positionsValue = 0;
    let gross = 0;
    for (const pos of this.ledger.openStates()) {
      const s = pos.symbolId;
      if (market.hasBar(s)) {
        const close = market.close[s] as number;
        if (close > pos.highClose) pos.highClose = close;
        if (close < pos.lowClose) pos.lowClose = close;
        if (pos.entryIndex !== index || !pos.entryAtClose) {
          const high = market.high[s] as number;
          const low = market.low[s] as number;
          if (high > pos.highWater) pos.highWater = high;
          if (low < pos.lowWater) pos.lowWater = low;
        }
      }
      // `pos.marketValue`, inlined: the getter's float result was a heap number per open position per slice.
      const v = pos.quantity * (lastPrice[s] ?? Number.NaN) * pos.multiplier;
      positionsValue += v;
      gross += Math.abs(v);
    }
    this.snapshot(positionsValue, gross);
  }

  /** The equity snapshot of the slice, from its open positions' summed market values and absolute values. */
  private snapshot(positionsValue: number, gross: number): void {
    const wanted = this.sinks.length > 0 || this.portfolioSubject.observed || this.snapshotRules;
    const ledger = this.ledger;
    const equity = ledger.cashValue + positionsValue;
    ledger.notePeak(equity);
    if (!wanted) return;
    const snap: PortfolioSnapshot = {
      timestamp: this.market.timestamp,
      index: this.market.index,
      cash: ledger.cash,
      cashValue: ledger.cashValue,
      positionsValue,
      equity,
      grossExposure: gross,
      netExposure: positionsValue,
      openPositions: ledger.openPositionCount,
    };
    for (const rule of this.portfolioRules) rule.onSnapshot?.(snap);
    for (const sink of this.sinks) sink.onSnapshot?.(snap);
    if (this.portfolioSubject.observed) this.portfolioSubject.next(snap);
  }

  private finish(error: Ml4tError | undefined): RunSummary {
    const ts = this.market.timestamp;
    const openTrades = this.ledger.openTrades(ts, this.market.index, (sid) => this.tradeContext(sid));
    const summary: RunSummary = {
      initialCash: this.ledger.initialCash,
      finalCash: this.ledger.cash,
      finalEquity: this.ledger.equity,
      slices: this.sliceCount,
      bars: this.barCount,
      fills: this.fillCount,
      closedTrades: this.tradeCount,
      openTrades,
      dividends: this.ledger.dividends,
      firstTimestamp: this.firstTimestamp,
      lastTimestamp: ts,
      ...(error ? { error } : {}),
    };
    try {
      if (!error) this.strategy.onEnd?.(this.context);
    } finally {
      for (const sink of this.sinks) sink.onEnd?.(summary);
      this.marketSubject.complete();
      this.orderSubject.complete();
      this.fillSubject.complete();
      this.tradeSubject.complete();
      this.portfolioSubject.complete();
    }
    return summary;
  }

  private brokerContext(): BrokerContext {
    return {
      symbols: this.symbols,
      market: this.market,
      portfolio: this.ledger,
      fill: (fill) => this.onFill(fill),
      publish: (update) => this.onOrderUpdate(update),
      liveOrders: () => this.liveOrders(),
      publishLive: (update) => this.onOrderLive(update),
      nextFillId: () => `F${++this.fillCounter}`,
      nextOrderId: () => `O${++this.orderCounter}`,
    };
  }

  private onFill(fill: FillEvent): void {
    const context = this.decisions.get(fill.orderId) ?? this.tradeContext(fill.symbolId);
    const trades = this.ledger.applyFill(fill, context, this.phase);
    this.fillCount += 1;
    for (const sink of this.sinks) sink.onFill?.(fill);
    if (this.fillSubject.observed) this.fillSubject.next(fill);
    for (const trade of trades) {
      this.tradeCount += 1;
      if (trade.exitReason !== ExitReason.Signal && trade.exitReason !== ExitReason.Reversal) {
        this.gate.noteExit(trade.symbolId);
      }
      for (const sink of this.sinks) sink.onTrade?.(trade);
      if (this.tradeSubject.observed) this.tradeSubject.next(trade);
    }
    // Guarded only when implemented: no closure per fill for strategies without the hook.
    if (this.strategy.onFill)
      this.guard('strategy.onFill', fill.symbol, () => this.strategy.onFill?.(fill, this.context));
  }

  private onOrderUpdate(update: OrderUpdate): void {
    if (isFinalStatus(update.status)) this.decisions.delete(update.order.id);
    for (const sink of this.sinks) sink.onOrder?.(update);
    if (this.orderSubject.observed) this.orderSubject.next(update);
    if (this.strategy.onOrderUpdate) {
      this.guard('strategy.onOrderUpdate', update.order.symbol, () =>
        this.strategy.onOrderUpdate?.(update, this.context),
      );
    }
  }

  /** See `BrokerContext.liveOrders`. */
  private liveOrders(): boolean {
    return this.liveSinks && this.strategy.onOrderUpdate === undefined && !this.orderSubject.observed;
  }

  private onOrderLive(update: OrderUpdate): void {
    if (!this.liveOrders()) {
      throw new Ml4tError(
        'LIVE_ORDER_UPDATE',
        `the broker published ${update.order.id} (${update.status}) live while order updates need frozen copies`,
      );
    }
    if (isFinalStatus(update.status)) this.decisions.delete(update.order.id);
    for (const sink of this.sinks) sink.onOrderLive?.(update);
  }

  private tradeContext(symbolId: number): TradeContext {
    const cfg = this.config.tradeContext;
    if (cfg === undefined) return EMPTY_TRADE_CONTEXT;
    const features: Record<string, number> = {};
    for (const name of cfg.features ?? []) features[name] = this.features.get(symbolId, name);
    const market: Record<string, number> = {};
    for (const name of cfg.market ?? []) market[name] = this.features.market(name);
    return {
      score: cfg.score === undefined ? Number.NaN : this.features.get(symbolId, cfg.score),
      features,
      market,
    };
  }

  private submitFromStrategy(order: OrderEvent): Order {
    const input = this.pipelineInput;
    if (input === undefined) return this.gateAndSubmit(order);
    this.pipelineResult = undefined;
    input.next(order);
    const failure = this.pipelineFailure;
    if (failure) {
      this.pipelineFailure = undefined;
      throw failure.error;
    }
    const result = this.pipelineResult as Order | undefined;
    if (result !== undefined) return result;
    return this.reject(order, this.symbols.id(String(order.symbol)), {
      code: ReasonCode.RiskRule,
      message: 'the order pipeline did not pass the order on',
      source: 'orderPipeline',
    });
  }

  private gateAndSubmit(order: OrderEvent): Order {
    try {
      validateOrder(order);
    } catch (err) {
      if (!(err instanceof InvalidOrderError)) throw err;
      return this.reject(order, this.symbols.id(String(order.symbol)), {
        code: ReasonCode.InvalidOrder,
        message: err.message,
        source: 'validateOrder',
      });
    }
    const sid = this.symbols.id(order.symbol);
    if (sid < 0) {
      return this.reject(order, sid, {
        code: ReasonCode.UnknownSymbol,
        message: `no feed provides ${order.symbol}`,
        source: 'engine',
      });
    }
    const verdict = this.gate.check(order, sid);
    if ('reason' in verdict) return this.reject(order, sid, verdict.reason);
    // The mark: the open while fills at the open run, the close from the decision step on (ADR 0004).
    const signalPrice = this.market.lastPrice[sid] as number;
    const id = `O${++this.orderCounter}`;
    if (this.config.tradeContext !== undefined) this.decisions.set(id, this.tradeContext(sid));
    const accepted = this.broker.submit(verdict.order, { id, signalPrice, symbolId: sid });
    if (isFinalStatus(accepted.status)) this.decisions.delete(id);
    return accepted;
  }

  private reject(order: OrderEvent, symbolId: number, reason: OrderReason): Order {
    const signal = symbolId >= 0 ? (this.market.lastPrice[symbolId] ?? Number.NaN) : Number.NaN;
    const rejected = rejectedOrder(
      `O${++this.orderCounter}`,
      order,
      symbolId,
      reason,
      this.market.timestamp,
      this.market.index,
      signal,
    );
    this.onOrderUpdate({
      timestamp: this.market.timestamp,
      status: OrderStatus.Rejected,
      previousStatus: undefined,
      order: rejected,
      reason,
    });
    return rejected;
  }

  /** Runs user code; a throw becomes a {@link StrategyError} naming the stage, time and symbol. */
  private guard(stage: string, symbol: string | undefined, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      if (err instanceof Ml4tError) throw err;
      throw new StrategyError(stage, this.market.timestamp, symbol, err);
    }
  }
}

function userCancel(): OrderReason {
  return { code: ReasonCode.UserCancelled, message: 'cancelled by the strategy', source: 'strategy' };
}

function validateConfig(config: EngineConfig): void {
  if (config === null || typeof config !== 'object')
    throw new ConfigError('', 'object', 'engine config must be an object');
  try {
    const cash = toMoney(config.initialCash);
    if (cash.lte(0)) throw new RangeError('must be positive');
  } catch (err) {
    throw new ConfigError(
      'initialCash',
      'positive-money',
      `must be a positive amount, got ${String(config.initialCash)}`,
      {
        cause: err,
      },
    );
  }
  if (!Array.isArray(config.feeds) || config.feeds.length === 0) {
    throw new ConfigError('feeds', 'non-empty', 'at least one data feed is required');
  }
  if (config.strategy === null || (typeof config.strategy !== 'object' && typeof config.strategy !== 'function')) {
    throw new ConfigError('strategy', 'required', 'a strategy object or operator is required');
  }
  if (config.broker === null || typeof config.broker !== 'object') {
    throw new ConfigError('broker', 'required', 'a broker is required (e.g. SimulatedBroker from @ml4t/execution)');
  }
  if (config.progressEvery !== undefined && !(config.progressEvery >= 1)) {
    throw new ConfigError('progressEvery', 'positive-integer', 'must be ≥ 1');
  }
}
