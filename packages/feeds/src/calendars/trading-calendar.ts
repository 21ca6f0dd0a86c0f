import { ConfigError, type Timestamp } from '@ml4t/core';
import { DAY_MS, dayOf } from './civil-date.js';

/**
 * A trading calendar: which days are sessions, when each opens and closes, and how many periods make a year.
 *
 * Days are UTC calendar dates: a `day` argument is any timestamp within the UTC date (its midnight is the
 * canonical form), and session lists contain UTC midnights. Intraday bar timestamps mark the *start* of each
 * minute, from the open to one minute before the close.
 */
export interface TradingCalendar {
  readonly name: string;
  /** Daily periods per year used to annualise daily metrics (252 for NYSE, 365 for crypto). */
  readonly periodsPerYear: number;
  /** Minutes in a regular full session (390 for NYSE, 1,440 for crypto). */
  readonly minutesPerSession: number;
  /** Whether the date of `day` is a trading session. */
  isSession(day: Timestamp): boolean;
  /** Whether the date of `day` is a session with an early close. */
  isEarlyClose(day: Timestamp): boolean;
  /** The opening instant (UTC ms) of the session on the date of `day`; `NaN` when it is not a session. */
  sessionOpen(day: Timestamp): Timestamp;
  /** The closing instant (UTC ms) of that session; `NaN` when it is not a session. */
  sessionClose(day: Timestamp): Timestamp;
  /** UTC midnights of every session date from the date of `start` to the date of `end`, inclusive. */
  sessions(start: Timestamp, end: Timestamp): Float64Array;
  /** UTC midnights of the first `count` session dates on or after the date of `start`. */
  sessionsFrom(start: Timestamp, count: number): Float64Array;
  /** Start instants of every session minute within [start, end]. */
  minutes(start: Timestamp, end: Timestamp): Float64Array;
  /** Start instants of the first `count` session minutes at or after `start`. */
  minutesFrom(start: Timestamp, count: number): Float64Array;
}

/** The rules a {@link SessionCalendar} needs, per day number (days since 1970-01-01 UTC). */
export interface SessionRules {
  readonly name: string;
  readonly periodsPerYear: number;
  readonly minutesPerSession: number;
  isSessionDay(day: number): boolean;
  isEarlyCloseDay(day: number): boolean;
  /** Open instant (UTC ms) of a session day. */
  openOf(day: number): number;
  /** Close instant (UTC ms) of a session day. */
  closeOf(day: number): number;
}

const MINUTE_MS = 60_000;
/** Upper bound on days scanned to find `count` sessions (no calendar has a 30-day closure). */
const SCAN_SLACK = 30;

/** A {@link TradingCalendar} built from per-day {@link SessionRules}. */
export class SessionCalendar implements TradingCalendar {
  readonly name: string;
  readonly periodsPerYear: number;
  readonly minutesPerSession: number;

  constructor(private readonly rules: SessionRules) {
    this.name = rules.name;
    this.periodsPerYear = rules.periodsPerYear;
    this.minutesPerSession = rules.minutesPerSession;
  }

  isSession(day: Timestamp): boolean {
    return this.rules.isSessionDay(dayOf(day));
  }

  isEarlyClose(day: Timestamp): boolean {
    const d = dayOf(day);
    return this.rules.isSessionDay(d) && this.rules.isEarlyCloseDay(d);
  }

  sessionOpen(day: Timestamp): Timestamp {
    const d = dayOf(day);
    return this.rules.isSessionDay(d) ? this.rules.openOf(d) : Number.NaN;
  }

  sessionClose(day: Timestamp): Timestamp {
    const d = dayOf(day);
    return this.rules.isSessionDay(d) ? this.rules.closeOf(d) : Number.NaN;
  }

  sessions(start: Timestamp, end: Timestamp): Float64Array {
    finite('start', start);
    finite('end', end);
    const out: number[] = [];
    for (let d = dayOf(start); d <= dayOf(end); d++) if (this.rules.isSessionDay(d)) out.push(d * DAY_MS);
    return Float64Array.from(out);
  }

  sessionsFrom(start: Timestamp, count: number): Float64Array {
    finite('start', start);
    countOk(count);
    const out = new Float64Array(count);
    let k = 0;
    for (let d = dayOf(start); k < count; d++) if (this.rules.isSessionDay(d)) out[k++] = d * DAY_MS;
    return out;
  }

  minutes(start: Timestamp, end: Timestamp): Float64Array {
    finite('start', start);
    finite('end', end);
    const out: number[] = [];
    for (let d = dayOf(start) - 1; d <= dayOf(end) + 1; d++) {
      if (!this.rules.isSessionDay(d)) continue;
      const close = this.rules.closeOf(d);
      for (let t = this.rules.openOf(d); t < close; t += MINUTE_MS) if (t >= start && t <= end) out.push(t);
    }
    return Float64Array.from(out);
  }

  minutesFrom(start: Timestamp, count: number): Float64Array {
    finite('start', start);
    countOk(count);
    const out = new Float64Array(count);
    let k = 0;
    let idle = 0;
    for (let d = dayOf(start) - 1; k < count && idle < SCAN_SLACK; d++) {
      if (!this.rules.isSessionDay(d)) {
        idle++;
        continue;
      }
      idle = 0;
      const close = this.rules.closeOf(d);
      for (let t = this.rules.openOf(d); t < close && k < count; t += MINUTE_MS) if (t >= start) out[k++] = t;
    }
    return out;
  }
}

function finite(key: string, value: number): void {
  if (!Number.isFinite(value))
    throw new ConfigError(`calendar.${key}`, 'finite', `must be a finite timestamp, got ${value}`);
}

function countOk(count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new ConfigError('calendar.count', 'non-negative-integer', `must be an integer ≥ 0, got ${count}`);
  }
}
