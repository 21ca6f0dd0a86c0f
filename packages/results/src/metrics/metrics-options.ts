import { ConfigError } from '@ml4t/core';
import type { BenchmarkInput } from './benchmark.js';
import type { PeriodsPerYearInput } from './periods-per-year.js';

/** Options of `getMetrics()` and {@link computeMetrics}. Validated on every call. */
export interface MetricsOptions {
  /**
   * Annualisation: bars per year as a number, an object with a `periodsPerYear` (e.g. a `@ml4t/feeds`
   * calendar), or `'infer'` to derive it from the bar spacing.
   * @defaultValue 252
   */
  readonly periodsPerYear?: PeriodsPerYearInput;
  /** Annual risk-free rate as a fraction (0.02 = 2 %), compounded down to a rate per bar. @defaultValue 0 */
  readonly riskFreeRate?: number;
  /** Annual minimum acceptable return of the Sortino ratio, as a fraction. @defaultValue `riskFreeRate` */
  readonly targetReturn?: number;
  /** Count trades still open at the end (marked to the last price) in the trade statistics. @defaultValue false */
  readonly includeOpenTrades?: boolean;
  /** A benchmark for alpha, beta and information ratio. @defaultValue none (no `benchmark` section) */
  readonly benchmark?: BenchmarkInput;
}

/**
 * Checks a {@link MetricsOptions} object.
 *
 * @throws ConfigError naming the offending key.
 */
export function validateMetricsOptions(options: MetricsOptions | undefined): MetricsOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') {
    throw new ConfigError('', 'object', 'metrics options must be an object');
  }
  for (const key of ['riskFreeRate', 'targetReturn'] as const) {
    const v = options[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v <= -1)) {
      throw new ConfigError(key, 'rate', `must be a finite annual rate > -1, got ${String(v)}`);
    }
  }
  if (options.includeOpenTrades !== undefined && typeof options.includeOpenTrades !== 'boolean') {
    throw new ConfigError(
      'includeOpenTrades',
      'boolean',
      `must be true or false, got ${String(options.includeOpenTrades)}`,
    );
  }
  const b = options.benchmark;
  if (b !== undefined && (b === null || typeof b !== 'object')) {
    throw new ConfigError('benchmark', 'levels', 'must be an array of levels or { timestamps, values }');
  }
  return options;
}
