import type { FillEvent, Money, Trade } from '@ml4t/core';
import { alignBenchmark, benchmarkMetrics } from './benchmark.js';
import { statsBySide, statsBySymbol } from './breakdowns.js';
import { costStats } from './costs.js';
import { drawdownStats } from './drawdown.js';
import type { EquityCurve } from './equity-curve.js';
import { exposureStats } from './exposure.js';
import { type MetricsOptions, validateMetricsOptions } from './metrics-options.js';
import type { PerformanceMetrics } from './performance-metrics.js';
import { resolvePeriodsPerYear } from './periods-per-year.js';
import { annualVolatility, cagr, periodReturns, totalReturn, YEAR_MS } from './returns.js';
import { calmarRatio, sharpeRatio, sortinoRatio } from './risk-adjusted.js';
import { perPeriodRate } from './statistics.js';
import { tradeStats } from './trade-stats.js';
import { turnoverStats } from './turnover.js';

/** What {@link computeMetrics} needs: the run's capital, equity curve, trade records and fills. */
export interface MetricsInput {
  /** The configured initial cash; every return is measured from it. */
  readonly initialCapital: Money;
  readonly curve: EquityCurve;
  /** Trade records; those with `isOpen` are used only with `includeOpenTrades`. */
  readonly trades: readonly Trade[];
  readonly fills: readonly FillEvent[];
}

/**
 * Computes the {@link PerformanceMetrics} of a run. Pure and deterministic: the same input and options give
 * the same numbers, bit for bit.
 *
 * @throws ConfigError when an option is invalid (see {@link MetricsOptions}).
 */
export function computeMetrics(input: MetricsInput, options?: MetricsOptions): PerformanceMetrics {
  const opts = validateMetricsOptions(options);
  const { curve } = input;
  const n = curve.length;
  const ppy = resolvePeriodsPerYear(opts.periodsPerYear, curve.timestamps);
  const rf = perPeriodRate(opts.riskFreeRate ?? 0, ppy);
  const target = perPeriodRate(opts.targetReturn ?? opts.riskFreeRate ?? 0, ppy);
  const capital = input.initialCapital.toNumber();
  const startTime = n > 0 ? (curve.timestamps[0] as number) : Number.NaN;
  const endTime = n > 0 ? (curve.timestamps[n - 1] as number) : Number.NaN;
  const years = n > 0 ? (endTime - startTime) / YEAR_MS : Number.NaN;
  const finalEquity = n > 0 ? (curve.equity[n - 1] as number) : capital;
  const returns = periodReturns(curve.equity, capital);
  const growth = cagr(finalEquity, capital, years);
  const dd = drawdownStats(curve.timestamps, curve.equity, capital);
  const trades = opts.includeOpenTrades ? input.trades : input.trades.filter((t) => !t.isOpen);
  const benchmark =
    opts.benchmark === undefined
      ? undefined
      : benchmarkMetrics(curve.equity, alignBenchmark(opts.benchmark, curve.timestamps), rf, ppy);
  return {
    periods: n,
    periodsPerYear: ppy,
    startTime,
    endTime,
    years,
    initialCapital: input.initialCapital,
    finalEquity,
    totalReturn: totalReturn(finalEquity, capital),
    cagr: growth,
    volatility: annualVolatility(returns, ppy),
    sharpe: sharpeRatio(returns, rf, ppy),
    sortino: sortinoRatio(returns, target, ppy),
    calmar: calmarRatio(growth, dd.maxDrawdown),
    maxDrawdown: dd.maxDrawdown,
    maxDrawdownDurationBars: dd.maxDrawdownDurationBars,
    maxDrawdownDurationMs: dd.maxDrawdownDurationMs,
    longestDrawdownBars: dd.longestDrawdownBars,
    longestDrawdownMs: dd.longestDrawdownMs,
    ...exposureStats(curve),
    ...turnoverStats(input.fills, curve.equity, ppy),
    ...costStats(input.fills, input.initialCapital),
    trades: tradeStats(trades),
    bySymbol: statsBySymbol(trades),
    bySide: statsBySide(trades),
    ...(benchmark !== undefined ? { benchmark } : {}),
  };
}
