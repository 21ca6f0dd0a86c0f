import { ConfigError } from '@ml4t/core';
import { median } from './statistics.js';

/**
 * How returns are annualised: a number of periods per year (252 for daily equities, 365 for crypto, 52 for
 * weekly…), an object carrying one (such as a trading calendar from `@ml4t/feeds`), or `'infer'` to derive it
 * from the bar spacing (see {@link inferPeriodsPerYear}).
 */
export type PeriodsPerYearInput = number | { readonly periodsPerYear: number } | 'infer';

/** The annualisation used when none is given: 252 trading days a year. */
export const DEFAULT_PERIODS_PER_YEAR = 252;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Infers the number of bars per year from the timestamps.
 *
 * The median spacing decides the family: under 20 hours is intraday (median bars per UTC calendar day × days
 * per year), up to 4 days daily, up to 20 days weekly (52), up to 60 days monthly (12), up to 200 days
 * quarterly (4), else yearly (1). Days per year are 365 when any bar falls on a Saturday or Sunday (UTC; a
 * 24/7 market such as crypto), else 252. Fewer than two distinct timestamps give the default, 252.
 */
export function inferPeriodsPerYear(timestamps: ArrayLike<number>): number {
  const gaps: number[] = [];
  let weekend = false;
  const perDay = new Map<number, number>();
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i] as number;
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6) weekend = true;
    const day = Math.floor(t / DAY);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    if (i > 0) {
      const gap = t - (timestamps[i - 1] as number);
      if (gap > 0) gaps.push(gap);
    }
  }
  if (gaps.length === 0) return DEFAULT_PERIODS_PER_YEAR;
  const spacing = median(gaps);
  const daysPerYear = weekend ? 365 : 252;
  if (spacing < 20 * HOUR) return Math.round(median([...perDay.values()]) * daysPerYear);
  if (spacing <= 4 * DAY) return daysPerYear;
  if (spacing <= 20 * DAY) return 52;
  if (spacing <= 60 * DAY) return 12;
  if (spacing <= 200 * DAY) return 4;
  return 1;
}

/**
 * Resolves a {@link PeriodsPerYearInput} to a number.
 *
 * @throws ConfigError (path `periodsPerYear`) when the value is not a finite number > 0.
 */
export function resolvePeriodsPerYear(input: PeriodsPerYearInput | undefined, timestamps: ArrayLike<number>): number {
  if (input === undefined) return DEFAULT_PERIODS_PER_YEAR;
  if (input === 'infer') return inferPeriodsPerYear(timestamps);
  const value = typeof input === 'number' ? input : (input as { periodsPerYear?: unknown } | null)?.periodsPerYear;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(
      'periodsPerYear',
      'positive-number',
      `must be a number > 0, an object with periodsPerYear > 0, or 'infer'; got ${describe(input)}`,
    );
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value) ?? String(value);
  return String(value);
}
