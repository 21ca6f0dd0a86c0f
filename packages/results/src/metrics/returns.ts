import { sampleStd } from './statistics.js';

/** Milliseconds in the year used by {@link cagr}: 365.25 days. */
export const YEAR_MS = 365.25 * 86_400_000;

/**
 * Simple returns per bar of an equity curve, measured from the configured initial capital.
 *
 * `r[0] = equity[0] / initialCapital − 1` (the first bar is measured against the money the account started
 * with, so costs paid on the first bar count), then `r[i] = equity[i] / equity[i − 1] − 1`. One return per
 * equity point. A period that starts from non-positive equity has return `NaN`.
 */
export function periodReturns(equity: ArrayLike<number>, initialCapital: number): Float64Array {
  const out = new Float64Array(equity.length);
  let previous = initialCapital;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i] as number;
    out[i] = previous > 0 ? e / previous - 1 : Number.NaN;
    previous = e;
  }
  return out;
}

/** `finalEquity / initialCapital − 1`, from the configured initial capital (SCENARIOS 17). */
export function totalReturn(finalEquity: number, initialCapital: number): number {
  return finalEquity / initialCapital - 1;
}

/**
 * Compound annual growth rate from the actual elapsed time:
 * `(finalEquity / initialCapital)^(1 / years) − 1` with `years = (lastTime − firstTime) / 365.25 days`.
 *
 * Elapsed time runs from the first to the last equity point. `NaN` when less than a moment elapsed; `−1`
 * when the final equity is zero or negative.
 */
export function cagr(finalEquity: number, initialCapital: number, years: number): number {
  if (!(years > 0)) return Number.NaN;
  if (finalEquity <= 0) return -1;
  return (finalEquity / initialCapital) ** (1 / years) - 1;
}

/**
 * Annualised volatility: the sample standard deviation (divisor n − 1) of the per-bar returns times
 * `√periodsPerYear`. `NaN` with fewer than two returns.
 */
export function annualVolatility(returns: ArrayLike<number>, periodsPerYear: number): number {
  return sampleStd(returns) * Math.sqrt(periodsPerYear);
}
