import {
  ConfigError,
  type FillEvent,
  Ml4tError,
  type OrderUpdate,
  type PortfolioSnapshot,
  type ResultSink,
  type RunInfo,
  type RunSummary,
  type Trade,
} from '@ml4t/core';
import { BacktestResults } from '../backtest-results.js';
import { type MetricsOptions, validateMetricsOptions } from '../metrics/metrics-options.js';
import { resolvePeriodsPerYear } from '../metrics/periods-per-year.js';
import { EquityBuffer } from './equity-buffer.js';
import { FillLog } from './fill-log.js';
import { OrderLog } from './order-log.js';
import type { OrderRecord } from './order-record.js';
import { TradeLog } from './trade-log.js';

/** Options of {@link ResultsCollector}. */
export interface ResultsCollectorOptions {
  /** Default options of `results().getMetrics()` (annualisation, risk-free rate, benchmark…). @defaultValue `{}` */
  readonly metrics?: MetricsOptions;
  /** Initial capacity of the equity columns, in bars; they double when full. @defaultValue 1024 */
  readonly capacity?: number;
}

/**
 * A {@link ResultSink} that collects a run's orders, fills, trades and per-bar equity, and turns them into
 * {@link BacktestResults}. Equity, cash and exposure go into growable typed arrays (no object per bar).
 *
 * Pass it in the engine's `sinks`; after `run()` settles (resolved or rejected), call {@link results}. A
 * collector can be reused: `onStart` clears it.
 *
 * @example
 * ```ts
 * const collector = new ResultsCollector({ metrics: { periodsPerYear: 365 } });
 * await new Engine({ initialCash: 100_000, feeds, strategy, broker, sinks: [collector] }).run();
 * const results = collector.results();
 * ```
 */
export class ResultsCollector implements ResultSink {
  private readonly options: ResultsCollectorOptions;
  private info: RunInfo | undefined;
  private summary: RunSummary | undefined;
  private equity: EquityBuffer;
  private fills = new FillLog();
  private trades = new TradeLog(this.fills);
  private log = new OrderLog();

  /** @throws ConfigError (path `capacity` or `metrics.…`) for invalid options. */
  constructor(options: ResultsCollectorOptions = {}) {
    validateCollectorOptions(options);
    this.options = options;
    this.equity = new EquityBuffer(options.capacity);
  }

  /** True once the run has ended (successfully or not) and {@link results} is available. */
  get isComplete(): boolean {
    return this.summary !== undefined;
  }

  /** Clears the collector and records the run's facts (called by the engine before the first event). */
  onStart(info: RunInfo): void {
    this.info = info;
    this.summary = undefined;
    this.equity = new EquityBuffer(this.options.capacity);
    // Records in canonical form (an engine run with a broker that declares it) need no shape checks.
    const canonical = info.canonicalRecords === true;
    this.fills = new FillLog(undefined, canonical);
    this.trades = new TradeLog(this.fills, undefined, canonical);
    this.log = new OrderLog();
  }

  /**
   * Appends an order update to the log and to its order's history. The log keeps compact rows of numbers, not
   * objects: `results().getOrderLog()` and `getOrders()` rebuild equal objects on first use.
   */
  onOrder(update: OrderUpdate): void {
    this.log.push(update);
  }

  /**
   * Appends an update whose order is the broker's live record (see `ResultSink.onOrderLive`) to the same log,
   * keeping no reference to it: with this hook the simulated broker builds no frozen copy per transition.
   */
  onOrderLive(update: OrderUpdate): void {
    this.log.pushLive(update);
  }

  /** Records a fill as a compact row; `results().getFills()` rebuilds equal objects on first use. */
  onFill(fill: FillEvent): void {
    this.fills.push(fill);
  }

  /**
   * Records a closed trade record as a compact row (what it shares with its fills as references to them);
   * `results().getTrades()` rebuilds it on first use.
   */
  onTrade(trade: Trade): void {
    this.trades.push(trade);
  }

  /** Appends the bar's equity, cash and exposure to the typed-array columns (no allocation). */
  onSnapshot(snapshot: PortfolioSnapshot): void {
    this.equity.push(snapshot);
  }

  /** Records the run's totals; {@link ResultsCollector.results} is available from now on. */
  onEnd(summary: RunSummary): void {
    this.summary = summary;
  }

  /**
   * The collected results.
   *
   * @throws Ml4tError (code `RESULTS_NOT_READY`) before the run has ended.
   */
  results(): BacktestResults {
    const { info, summary } = this;
    if (info === undefined || summary === undefined) {
      throw new Ml4tError('RESULTS_NOT_READY', 'results are available once the run has ended (after onEnd)');
    }
    const log = this.log.materialize();
    const fills = this.fills.materialize();
    const trades = this.trades.materialize(fills);
    return new BacktestResults({
      info,
      summary,
      get closedTrades(): readonly Trade[] {
        return trades();
      },
      get fills(): readonly FillEvent[] {
        return fills();
      },
      get orders(): readonly OrderRecord[] {
        return log.orders();
      },
      get orderLog(): readonly OrderUpdate[] {
        return log.log();
      },
      curve: this.equity.toCurve(),
      ...(this.options.metrics !== undefined ? { metricsDefaults: this.options.metrics } : {}),
    });
  }
}

function validateCollectorOptions(options: ResultsCollectorOptions): void {
  if (options === null || typeof options !== 'object') {
    throw new ConfigError('', 'object', 'results collector options must be an object');
  }
  const { capacity, metrics } = options;
  if (capacity !== undefined && !(Number.isInteger(capacity) && capacity > 0)) {
    throw new ConfigError('capacity', 'positive-integer', `must be a positive integer, got ${String(capacity)}`);
  }
  try {
    validateMetricsOptions(metrics);
    if (metrics?.periodsPerYear !== undefined) resolvePeriodsPerYear(metrics.periodsPerYear, []);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    throw new ConfigError(err.path ? `metrics.${err.path}` : 'metrics', err.rule, err.message.replace(/^[^:]*: /, ''), {
      cause: err,
    });
  }
}
