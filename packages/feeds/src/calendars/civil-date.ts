/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of the proleptic Gregorian date `year-month-day` (month 1–12), valid for any year
 * (H. Hinnant's `days_from_civil`).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The day number (days since the epoch, UTC) containing timestamp `ts`. */
export function dayOf(ts: number): number {
  return Math.floor(ts / DAY_MS);
}

/** The calendar year of a day number. */
export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/** Day number of the `n`-th (1-based) `wd` weekday of a month; `n = -1` for the last one. */
export function nthWeekday(year: number, month: number, wd: number, n: number): number {
  if (n > 0) {
    const first = daysFromCivil(year, month, 1);
    return first + ((wd - weekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  const last = next - 1;
  return last - ((weekday(last) - wd + 7) % 7);
}

/** Day number of Western (Gregorian) Easter Sunday of `year` (anonymous Gregorian computus). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}
