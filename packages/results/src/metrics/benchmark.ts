import { ConfigError } from '@ml4t/core';
import { mean, ratio, sampleStd } from './statistics.js';

/**
 * A benchmark to compare the strategy against: price or equity levels, either one per equity-curve point
 * (same length, same order) or with their own timestamps, in which case each equity point takes the last
 * benchmark level at or before its time.
 */
export type BenchmarkInput =
  | ArrayLike<number>
  | { readonly timestamps: ArrayLike<number>; readonly values: ArrayLike<number> };

/** Benchmark-relative statistics. All are annualised with the run's `periodsPerYear`. */
export interface BenchmarkMetrics {
  /** `lastLevel / firstLevel − 1` over the aligned benchmark. */
  readonly benchmarkReturn: number;
  /** `cov(r, b) / var(b)` of the bar-to-bar strategy returns `r` and benchmark returns `b` (sample moments). */
  readonly beta: number;
  /** Jensen's alpha, annualised: `(mean(r − rf) − beta × mean(b − rf)) × periodsPerYear`. */
  readonly alpha: number;
  /** Annualised standard deviation of the active return `r − b`. */
  readonly trackingError: number;
  /** `mean(r − b) / std(r − b) × √periodsPerYear`. */
  readonly informationRatio: number;
  /** Pearson correlation of `r` and `b`. */
  readonly correlation: number;
}

/**
 * Aligns a {@link BenchmarkInput} with the equity curve's timestamps.
 *
 * @throws ConfigError (path `benchmark`, `benchmark.values`, `benchmark.timestamps`) when the lengths do
 *   not match, a level is not a positive finite number, or an equity point precedes every benchmark time.
 */
export function alignBenchmark(input: BenchmarkInput, timestamps: ArrayLike<number>): Float64Array {
  const n = timestamps.length;
  const out = new Float64Array(n);
  if ('values' in input && 'timestamps' in input && !isArrayLike(input)) {
    const { timestamps: times, values } = input;
    if (times.length !== values.length) {
      throw new ConfigError('benchmark.timestamps', 'same-length', 'timestamps and values must have the same length');
    }
    let j = -1;
    for (let i = 0; i < n; i++) {
      const t = timestamps[i] as number;
      while (j + 1 < times.length && (times[j + 1] as number) <= t) j += 1;
      if (j < 0) {
        throw new ConfigError(
          'benchmark.timestamps',
          'covers-run',
          `no benchmark level at or before ${new Date(t).toISOString()}`,
        );
      }
      out[i] = checkLevel(values[j] as number, j);
    }
    return out;
  }
  const values = input as ArrayLike<number>;
  if (values.length !== n) {
    throw new ConfigError('benchmark', 'same-length', `needs one level per equity point (${n}), got ${values.length}`);
  }
  for (let i = 0; i < n; i++) out[i] = checkLevel(values[i] as number, i);
  return out;
}

function isArrayLike(value: object): boolean {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function checkLevel(value: number, index: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ConfigError(
      'benchmark.values',
      'positive-number',
      `level ${index} must be a positive finite number, got ${value}`,
    );
  }
  return value;
}

/**
 * Computes {@link BenchmarkMetrics} from an equity curve and an aligned benchmark.
 *
 * Uses bar-to-bar returns of both series from the second point on (`equity[i] / equity[i − 1] − 1`), so the
 * first bar, which the strategy measures against the initial capital, has no benchmark counterpart and is left
 * out. Fewer than three points give `NaN` statistics.
 */
export function benchmarkMetrics(
  equity: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  riskFreePerPeriod: number,
  periodsPerYear: number,
): BenchmarkMetrics {
  const n = Math.max(0, equity.length - 1);
  const r = new Float64Array(n);
  const b = new Float64Array(n);
  const active = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    r[i] = (equity[i + 1] as number) / (equity[i] as number) - 1;
    b[i] = (benchmark[i + 1] as number) / (benchmark[i] as number) - 1;
    active[i] = (r[i] as number) - (b[i] as number);
  }
  const mr = mean(r);
  const mb = mean(b);
  let cov = 0;
  let varB = 0;
  let varR = 0;
  for (let i = 0; i < n; i++) {
    const dr = (r[i] as number) - mr;
    const db = (b[i] as number) - mb;
    cov += dr * db;
    varB += db * db;
    varR += dr * dr;
  }
  const beta = n >= 2 ? ratio(cov, varB) : Number.NaN;
  const te = sampleStd(active);
  const first = benchmark[0];
  const last = benchmark[benchmark.length - 1];
  return {
    benchmarkReturn: first !== undefined && last !== undefined ? last / first - 1 : Number.NaN,
    beta,
    alpha: (mr - riskFreePerPeriod - beta * (mb - riskFreePerPeriod)) * periodsPerYear,
    trackingError: te * Math.sqrt(periodsPerYear),
    informationRatio: n >= 2 ? ratio(mean(active), te) * Math.sqrt(periodsPerYear) : Number.NaN,
    correlation: n >= 2 ? ratio(cov, Math.sqrt(varB * varR)) : Number.NaN,
  };
}
