import { daysFromCivil, nthWeekday, yearOf } from './civil-date.js';

/**
 * Whether US daylight saving time is in effect during the day `dayNumber` (from 02:00 local on its first
 * day to 02:00 on its last day, so market hours of a transition day follow the new rule). Rules: 2007 on,
 * second Sunday of March to first Sunday of November; 1987–2006, first Sunday of April to last Sunday of
 * October; earlier years use the 1987 rule (an approximation).
 */
export function isUsDst(dayNumber: number): boolean {
  const year = yearOf(dayNumber);
  const [start, end] =
    year >= 2007
      ? [nthWeekday(year, 3, 0, 2), nthWeekday(year, 11, 0, 1)]
      : [nthWeekday(year, 4, 0, 1), nthWeekday(year, 10, 0, -1)];
  return dayNumber >= start && dayNumber < end;
}

/** Offset of US Eastern time from UTC on that day, in minutes (−240 in summer, −300 in winter). */
export function easternOffsetMinutes(dayNumber: number): number {
  return isUsDst(dayNumber) ? -240 : -300;
}

/** The UTC timestamp of local Eastern wall-clock time `minuteOfDay` (minutes after midnight) on a day. */
export function easternToUtc(dayNumber: number, minuteOfDay: number): number {
  return (dayNumber * 1440 + minuteOfDay - easternOffsetMinutes(dayNumber)) * 60_000;
}

/** Day number of `yyyy-mm-dd` text (for holiday lists). */
export function dayOfIso(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return daysFromCivil(y as number, m as number, d as number);
}
