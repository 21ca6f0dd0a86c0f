import type { Money, Timestamp, TradeDirection } from '@ml4t/core';
import type { BenchmarkMetrics } from './benchmark.js';
import type { TradeStats } from './trade-stats.js';

/**
 * The performance metrics of a run. Definitions are in the README ("Metric definitions"); in short:
 * returns are per bar from the equity curve, measured from the configured initial capital; ratios are
 * annualised with `periodsPerYear`; CAGR uses the elapsed calendar time; money totals are exact.
 */
export interface PerformanceMetrics {
  /** Number of equity points (bars of the run's clock). */
  readonly periods: number;
  /** Annualisation used for volatility, Sharpe, Sortino, turnover and benchmark statistics. */
  readonly periodsPerYear: number;
  /** Epoch ms of the first and last equity point (`NaN` for an empty run). */
  readonly startTime: Timestamp;
  readonly endTime: Timestamp;
  /** Elapsed time from the first to the last point, in years of 365.25 days. */
  readonly years: number;
  /** The configured initial cash. */
  readonly initialCapital: Money;
  /** Equity at the last point (the initial capital for an empty run). */
  readonly finalEquity: number;
  /** `finalEquity / initialCapital − 1`. */
  readonly totalReturn: number;
  /** Compound annual growth rate over the elapsed time. */
  readonly cagr: number;
  /** Annualised standard deviation of the per-bar returns. */
  readonly volatility: number;
  readonly sharpe: number;
  /** Sortino ratio with the standard downside deviation over all periods. */
  readonly sortino: number;
  /** `cagr / |maxDrawdown|`. */
  readonly calmar: number;
  /** Deepest drawdown from a running peak (which starts at the initial capital), as a negative fraction. */
  readonly maxDrawdown: number;
  /** Bars from the peak before the deepest drawdown to its recovery, or to the end if not recovered. */
  readonly maxDrawdownDurationBars: number;
  readonly maxDrawdownDurationMs: number;
  /** Bars of the longest time under water, whatever its depth. */
  readonly longestDrawdownBars: number;
  readonly longestDrawdownMs: number;
  /** Mean gross exposure as a fraction of equity. */
  readonly exposure: number;
  /** Fraction of bars with an open position. */
  readonly timeInMarket: number;
  /** Σ fill notional / mean equity, over the run. */
  readonly turnover: number;
  /** Turnover per year of bars. */
  readonly annualTurnover: number;
  /** Σ commission over all fills, exact. */
  readonly totalCommission: Money;
  /** Σ slippage over all fills (excluding impact), exact. */
  readonly totalSlippage: Money;
  /** Σ market impact over all fills, exact. */
  readonly totalImpact: Money;
  /** Total costs as a fraction of the initial capital. */
  readonly costDrag: number;
  /** Statistics over the closed trade records (plus open ones with `includeOpenTrades`). */
  readonly trades: TradeStats;
  /** The same statistics per symbol. */
  readonly bySymbol: Readonly<Record<string, TradeStats>>;
  /** The same statistics for long and short trades. */
  readonly bySide: Readonly<Record<TradeDirection, TradeStats>>;
  /** Present when a benchmark was given. */
  readonly benchmark?: BenchmarkMetrics;
}
