import type { FillEvent, Money, OrderUpdate, RunInfo, RunSummary, Trade } from '@ml4t/core';
import type { OrderRecord } from './collector/order-record.js';
import { computeMetrics } from './metrics/compute-metrics.js';
import type { EquityCurve } from './metrics/equity-curve.js';
import type { MetricsOptions } from './metrics/metrics-options.js';
import type { PerformanceMetrics } from './metrics/performance-metrics.js';

/** Everything a {@link BacktestResults} is built from (what a {@link ResultsCollector} gathered). */
export interface BacktestResultsData {
  readonly info: RunInfo;
  readonly summary: RunSummary;
  /** Closed trade records in the order they were closed. */
  readonly closedTrades: readonly Trade[];
  readonly fills: readonly FillEvent[];
  /** One record per order, in order of first appearance. */
  readonly orders: readonly OrderRecord[];
  /** Every order update in event order. */
  readonly orderLog: readonly OrderUpdate[];
  readonly curve: EquityCurve;
  /** Defaults for {@link BacktestResults.getMetrics}; per-call options override them key by key. */
  readonly metricsDefaults?: MetricsOptions;
}

/** Options of {@link BacktestResults.getTrades}. */
export interface TradeQuery {
  /** Include the positions still open at the end as trade records marked to the last price. @defaultValue true */
  readonly includeOpen?: boolean;
}

/**
 * The outcome of one run: trades, fills, orders, the equity curve and the metrics computed from them.
 * Immutable; everything it returns is computed from data collected during the run.
 *
 * @example
 * ```ts
 * const collector = new ResultsCollector();
 * await new Engine({ ...config, sinks: [collector] }).run();
 * const results = collector.results();
 * console.log(results.getMetrics({ periodsPerYear: 252 }).sharpe);
 * ```
 */
export class BacktestResults {
  /** Facts about the run (initial cash, symbols, configuration summary). */
  readonly info: RunInfo;
  /** The run's totals; `summary.error` is set when the run stopped early (results up to then are complete). */
  readonly summary: RunSummary;
  private readonly data: BacktestResultsData;
  private defaultMetrics: PerformanceMetrics | undefined;

  constructor(data: BacktestResultsData) {
    this.data = data;
    this.info = data.info;
    this.summary = data.summary;
  }

  /** The configured initial cash every return is measured from. */
  get initialCapital(): Money {
    return this.summary.initialCash;
  }

  /**
   * Trade records: closed ones in the order they closed (partial exits are separate records), then, unless
   * `includeOpen` is false, the positions open at the end (`isOpen: true`, exit reason `END_OF_DATA`).
   *
   * `initialCash + Σ pnlNet (all records) + dividends = finalEquity` up to float rounding of the marks, and
   * exactly `finalCash` when nothing is open.
   */
  getTrades(query?: TradeQuery): readonly Trade[] {
    if (query?.includeOpen === false) return this.data.closedTrades;
    return [...this.data.closedTrades, ...this.summary.openTrades];
  }

  /** Every fill in execution order. */
  getFills(): readonly FillEvent[] {
    return this.data.fills;
  }

  /** Every order with its final state and its full update history, in order of first appearance. */
  getOrders(): readonly OrderRecord[] {
    return this.data.orders;
  }

  /** Every order update of the run, in event order. */
  getOrderLog(): readonly OrderUpdate[] {
    return this.data.orderLog;
  }

  /** The per-bar equity, cash and exposure columns (one point per timestamp). */
  getEquityCurve(): EquityCurve {
    return this.data.curve;
  }

  /**
   * Performance metrics. `options` override the collector's defaults key by key; without options the result
   * is computed once and cached.
   *
   * @throws ConfigError when an option is invalid.
   */
  getMetrics(options?: MetricsOptions): PerformanceMetrics {
    if (options === undefined) {
      this.defaultMetrics ??= this.compute(this.data.metricsDefaults);
      return this.defaultMetrics;
    }
    return this.compute({ ...this.data.metricsDefaults, ...options });
  }

  private compute(options: MetricsOptions | undefined): PerformanceMetrics {
    return computeMetrics(
      {
        initialCapital: this.summary.initialCash,
        curve: this.data.curve,
        trades: this.getTrades(),
        fills: this.data.fills,
      },
      options,
    );
  }
}
