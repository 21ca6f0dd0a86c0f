import { DAY_MS } from './civil-date.js';
import { SessionCalendar, type TradingCalendar } from './trading-calendar.js';

/**
 * A 24/7 calendar (crypto): every UTC day is a session from 00:00 to 24:00 UTC, no holidays or early
 * closes; `periodsPerYear` is 365 and `minutesPerSession` 1,440.
 */
export function cryptoCalendar(): TradingCalendar {
  return new SessionCalendar({
    name: 'crypto',
    periodsPerYear: 365,
    minutesPerSession: 1440,
    isSessionDay: () => true,
    isEarlyCloseDay: () => false,
    openOf: (day) => day * DAY_MS,
    closeOf: (day) => (day + 1) * DAY_MS,
  });
}
