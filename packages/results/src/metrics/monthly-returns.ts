import type { EquityCurve } from './equity-curve.js';

/** The return of one calendar month (UTC). */
export interface MonthlyReturn {
  readonly year: number;
  /** 1 = January … 12 = December. */
  readonly month: number;
  /** Last equity of the month / last equity of the previous month − 1 (the first month: / initial capital). */
  readonly return: number;
}

/**
 * Calendar-month returns (UTC) of an equity curve, in time order, for months that have at least one point.
 * A month without points is skipped; the next month is then measured from the last equity before it.
 */
export function monthlyReturns(curve: EquityCurve, initialCapital: number): MonthlyReturn[] {
  const out: MonthlyReturn[] = [];
  let base = initialCapital;
  for (let i = 0; i < curve.length; i++) {
    const next = curve.timestamps[i + 1];
    if (next !== undefined && monthKey(next) === monthKey(curve.timestamps[i] as number)) continue;
    const d = new Date(curve.timestamps[i] as number);
    const e = curve.equity[i] as number;
    out.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, return: base > 0 ? e / base - 1 : Number.NaN });
    base = e;
  }
  return out;
}

function monthKey(ts: number): number {
  const d = new Date(ts);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
