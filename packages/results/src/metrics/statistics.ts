/** Arithmetic mean of `values[from…]`; `NaN` when empty. */
export function mean(values: ArrayLike<number>, from = 0): number {
  const n = values.length - from;
  if (n <= 0) return Number.NaN;
  let sum = 0;
  for (let i = from; i < values.length; i++) sum += values[i] as number;
  return sum / n;
}

/** Sample standard deviation (divisor n − 1) of `values[from…]`; `NaN` with fewer than two values. */
export function sampleStd(values: ArrayLike<number>, from = 0): number {
  const n = values.length - from;
  if (n < 2) return Number.NaN;
  const m = mean(values, from);
  let ss = 0;
  for (let i = from; i < values.length; i++) {
    const d = (values[i] as number) - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/**
 * `numerator / denominator`, with the conventions every ratio metric here shares: a zero denominator gives
 * `Infinity` (numerator > 0), `-Infinity` (numerator < 0) or `NaN` (numerator 0 or `NaN`).
 */
export function ratio(numerator: number, denominator: number): number {
  if (denominator !== 0) return numerator / denominator;
  if (numerator > 0) return Number.POSITIVE_INFINITY;
  if (numerator < 0) return Number.NEGATIVE_INFINITY;
  return Number.NaN;
}

/** Median of a list of numbers (mean of the two middle values for an even count); `NaN` when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Converts an annual rate to the equivalent compounded rate per period: `(1 + annual)^(1/periodsPerYear) − 1`. */
export function perPeriodRate(annual: number, periodsPerYear: number): number {
  return annual === 0 ? 0 : (1 + annual) ** (1 / periodsPerYear) - 1;
}
