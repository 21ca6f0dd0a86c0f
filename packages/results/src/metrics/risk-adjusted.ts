import { mean, ratio, sampleStd } from './statistics.js';

/**
 * Annualised Sharpe ratio: `mean(r − rf) / std(r − rf) × √periodsPerYear`, where `rf` is the risk-free rate
 * per period and `std` is the sample standard deviation (n − 1). A zero deviation gives `±Infinity` or `NaN`
 * (see the ratio convention in the README); fewer than two returns give `NaN`.
 */
export function sharpeRatio(returns: ArrayLike<number>, riskFreePerPeriod: number, periodsPerYear: number): number {
  const excess = new Float64Array(returns.length);
  for (let i = 0; i < returns.length; i++) excess[i] = (returns[i] as number) - riskFreePerPeriod;
  if (excess.length < 2) return Number.NaN;
  return ratio(mean(excess), sampleStd(excess)) * Math.sqrt(periodsPerYear);
}

/**
 * Standard downside deviation per period: `√(mean(min(r − target, 0)²))` over ALL periods (periods above the
 * target count as zero, the divisor is the number of periods). `NaN` when there are no returns.
 */
export function downsideDeviation(returns: ArrayLike<number>, targetPerPeriod: number): number {
  const n = returns.length;
  if (n === 0) return Number.NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.min((returns[i] as number) - targetPerPeriod, 0);
    ss += d * d;
  }
  return Math.sqrt(ss / n);
}

/**
 * Annualised Sortino ratio: `mean(r − target) / downsideDeviation(r, target) × √periodsPerYear`, with the
 * standard downside deviation over all periods. No period below the target gives `Infinity` (or `NaN` when
 * the mean excess is zero); fewer than two returns give `NaN`.
 */
export function sortinoRatio(returns: ArrayLike<number>, targetPerPeriod: number, periodsPerYear: number): number {
  if (returns.length < 2) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < returns.length; i++) sum += (returns[i] as number) - targetPerPeriod;
  return ratio(sum / returns.length, downsideDeviation(returns, targetPerPeriod)) * Math.sqrt(periodsPerYear);
}

/** Calmar ratio: `CAGR / |maxDrawdown|` (max drawdown as a negative fraction). No drawdown gives `±Infinity`. */
export function calmarRatio(cagr: number, maxDrawdown: number): number {
  return ratio(cagr, Math.abs(maxDrawdown));
}
