import { weekday, yearOf } from './civil-date.js';
import { NYSE_SPECIAL_CLOSURES, nyseEarlyCloses, nyseHolidays } from './nyse-holidays.js';
import { SessionCalendar, type TradingCalendar } from './trading-calendar.js';
import { dayOfIso, easternToUtc } from './us-eastern.js';

/** Options of {@link nyseCalendar}. */
export interface NyseCalendarOptions {
  /**
   * Also close on the unscheduled closures since 2000 (9/11, days of mourning, Hurricane Sandy).
   * @defaultValue true
   */
  readonly specialClosures?: boolean;
  /** Further closed dates (`yyyy-mm-dd`). */
  readonly extraHolidays?: readonly string[];
}

const OPEN = 9 * 60 + 30;
const CLOSE = 16 * 60;
const EARLY_CLOSE = 13 * 60;

/**
 * The New York Stock Exchange calendar: Monday–Friday sessions 09:30–16:00 US Eastern time (13:00 on early
 * closes), closed on the holidays computed by rule for any year — New Year's Day (a Sunday observed Monday, a
 * Saturday not observed), Martin Luther King Jr. Day (from 1998), Washington's Birthday, Good Friday,
 * Memorial Day, Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving and Christmas (weekend dates
 * observed Friday/Monday). Early closes: July 3 and December 24 when Monday–Thursday, and the day after
 * Thanksgiving. Eastern time follows US daylight-saving rules. `periodsPerYear` is 252.
 *
 * @example
 * ```ts
 * const days = nyseCalendar().sessions(Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 31)); // 252 sessions
 * ```
 */
export function nyseCalendar(options: NyseCalendarOptions = {}): TradingCalendar {
  const extra = new Set<number>([
    ...((options.specialClosures ?? true) ? NYSE_SPECIAL_CLOSURES : []).map(dayOfIso),
    ...(options.extraHolidays ?? []).map(dayOfIso),
  ]);
  const holidays = new Map<number, Map<number, string>>();
  const early = new Map<number, Set<number>>();
  const holidaysOf = (year: number): Map<number, string> => {
    let h = holidays.get(year);
    if (h === undefined) {
      h = nyseHolidays(year);
      holidays.set(year, h);
    }
    return h;
  };
  const earlyOf = (year: number): Set<number> => {
    let e = early.get(year);
    if (e === undefined) {
      e = nyseEarlyCloses(year);
      early.set(year, e);
    }
    return e;
  };
  const isSessionDay = (day: number): boolean => {
    const wd = weekday(day);
    if (wd === 0 || wd === 6 || extra.has(day)) return false;
    return !holidaysOf(yearOf(day)).has(day);
  };
  const isEarlyCloseDay = (day: number): boolean => earlyOf(yearOf(day)).has(day);
  return new SessionCalendar({
    name: 'NYSE',
    periodsPerYear: 252,
    minutesPerSession: CLOSE - OPEN,
    isSessionDay,
    isEarlyCloseDay,
    openOf: (day) => easternToUtc(day, OPEN),
    closeOf: (day) => easternToUtc(day, isEarlyCloseDay(day) ? EARLY_CLOSE : CLOSE),
  });
}
