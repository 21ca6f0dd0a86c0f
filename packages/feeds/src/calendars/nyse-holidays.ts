import { daysFromCivil, easterSunday, nthWeekday, weekday } from './civil-date.js';

/** NYSE full-day closures of one year by rule, day number → holiday name. */
export function nyseHolidays(year: number): Map<number, string> {
  const out = new Map<number, string>();
  // New Year's Day: a Sunday moves to Monday; a Saturday is not observed (NYSE rule 7.2).
  const ny = daysFromCivil(year, 1, 1);
  if (weekday(ny) === 0) out.set(ny + 1, "New Year's Day");
  else if (weekday(ny) !== 6) out.set(ny, "New Year's Day");
  if (year >= 1998) out.set(nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day');
  out.set(nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  out.set(easterSunday(year) - 2, 'Good Friday');
  out.set(nthWeekday(year, 5, 1, -1), 'Memorial Day');
  if (year >= 2022) out.set(observed(daysFromCivil(year, 6, 19)), 'Juneteenth');
  out.set(observed(daysFromCivil(year, 7, 4)), 'Independence Day');
  out.set(nthWeekday(year, 9, 1, 1), 'Labor Day');
  out.set(nthWeekday(year, 11, 4, 4), 'Thanksgiving Day');
  out.set(observed(daysFromCivil(year, 12, 25)), 'Christmas Day');
  return out;
}

/**
 * NYSE early closes (13:00 ET) of one year: July 3 when it is a Monday–Thursday, the day after Thanksgiving,
 * and December 24 when it is a Monday–Thursday.
 */
export function nyseEarlyCloses(year: number): Set<number> {
  const out = new Set<number>();
  const july3 = daysFromCivil(year, 7, 3);
  if (weekday(july3) >= 1 && weekday(july3) <= 4) out.add(july3);
  out.add(nthWeekday(year, 11, 4, 4) + 1);
  const xmasEve = daysFromCivil(year, 12, 24);
  if (weekday(xmasEve) >= 1 && weekday(xmasEve) <= 4) out.add(xmasEve);
  return out;
}

/** Unscheduled NYSE closures since 2000 (ISO dates): 9/11, national days of mourning, Hurricane Sandy. */
export const NYSE_SPECIAL_CLOSURES: readonly string[] = [
  '2001-09-11',
  '2001-09-12',
  '2001-09-13',
  '2001-09-14',
  '2004-06-11',
  '2007-01-02',
  '2012-10-29',
  '2012-10-30',
  '2018-12-05',
  '2025-01-09',
];

/** A fixed-date holiday falling on a weekend is observed on the Friday before or the Monday after. */
function observed(day: number): number {
  const wd = weekday(day);
  return wd === 6 ? day - 1 : wd === 0 ? day + 1 : day;
}
