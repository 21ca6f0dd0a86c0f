import { describe, expect, it } from 'vitest';
import { cryptoCalendar, isUsDst, nyseCalendar, nyseHolidays } from '../src/index.js';

const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const day = (s: string): number => Date.parse(`${s}T00:00:00Z`);

describe('nyseCalendar', () => {
  const nyse = nyseCalendar();

  it('computes the 2024 holidays by rule and has 252 sessions', () => {
    const names = [...nyseHolidays(2024).entries()].map(([d, n]) => [iso(d * 86_400_000), n]);
    expect(names.sort()).toEqual(
      [
        ['2024-01-01', "New Year's Day"],
        ['2024-01-15', 'Martin Luther King Jr. Day'],
        ['2024-02-19', "Washington's Birthday"],
        ['2024-03-29', 'Good Friday'],
        ['2024-05-27', 'Memorial Day'],
        ['2024-06-19', 'Juneteenth'],
        ['2024-07-04', 'Independence Day'],
        ['2024-09-02', 'Labor Day'],
        ['2024-11-28', 'Thanksgiving Day'],
        ['2024-12-25', 'Christmas Day'],
      ].sort(),
    );
    expect(nyse.sessions(day('2024-01-01'), day('2024-12-31')).length).toBe(252);
    expect(nyse.periodsPerYear).toBe(252);
  });

  it('observes weekend holidays (Friday before / Monday after) but not a Saturday New Year', () => {
    expect(nyse.isSession(day('2021-12-31'))).toBe(true); // New Year 2022 is a Saturday: not observed
    expect(nyse.isSession(day('2023-01-02'))).toBe(false); // New Year 2023 is a Sunday
    expect(nyse.isSession(day('2020-07-03'))).toBe(false); // July 4 2020 is a Saturday
    expect(nyse.isSession(day('2022-06-20'))).toBe(false); // Juneteenth 2022 observed Monday
    expect(nyse.isSession(day('2021-06-18'))).toBe(true); // no Juneteenth before 2022
    expect(nyse.isSession(day('2022-12-26'))).toBe(false); // Christmas on Sunday
    expect(nyse.isSession(day('2019-04-19'))).toBe(false); // Good Friday (Easter 2019-04-21)
    expect(nyse.isSession(day('2012-10-29'))).toBe(false); // Hurricane Sandy (special closure)
    expect(nyseCalendar({ specialClosures: false }).isSession(day('2012-10-29'))).toBe(true);
    expect(nyse.isSession(day('2024-03-30'))).toBe(false); // Saturday
  });

  it('has early closes at 13:00 ET and follows US daylight saving time', () => {
    expect(nyse.isEarlyClose(day('2024-07-03'))).toBe(true);
    expect(nyse.isEarlyClose(day('2024-11-29'))).toBe(true);
    expect(nyse.isEarlyClose(day('2024-12-24'))).toBe(true);
    expect(nyse.isEarlyClose(day('2024-12-23'))).toBe(false);
    expect(new Date(nyse.sessionClose(day('2024-07-03'))).toISOString()).toBe('2024-07-03T17:00:00.000Z');
    expect(new Date(nyse.sessionOpen(day('2024-01-02'))).toISOString()).toBe('2024-01-02T14:30:00.000Z');
    expect(new Date(nyse.sessionOpen(day('2024-03-11'))).toISOString()).toBe('2024-03-11T13:30:00.000Z');
    expect(new Date(nyse.sessionOpen(day('2006-04-03'))).toISOString()).toBe('2006-04-03T13:30:00.000Z');
    expect(isUsDst(day('2024-03-09') / 86_400_000)).toBe(false);
    expect(isUsDst(day('2024-11-03') / 86_400_000)).toBe(false);
    expect(nyse.sessionOpen(day('2024-12-25'))).toBeNaN();
  });

  it('lists session minutes (bar starts) and sessions from a start', () => {
    const m = nyse.minutes(day('2024-07-03'), day('2024-07-06'));
    expect(m.length).toBe(210 + 390); // early close on the 3rd, holiday on the 4th, full 5th
    expect(new Date(m[0] as number).toISOString()).toBe('2024-07-03T13:30:00.000Z');
    expect(new Date(m[209] as number).toISOString()).toBe('2024-07-03T16:59:00.000Z');
    const from = nyse.minutesFrom(Date.parse('2024-07-03T16:58:00Z'), 3);
    expect(Array.from(from, (t) => new Date(t).toISOString())).toEqual([
      '2024-07-03T16:58:00.000Z',
      '2024-07-03T16:59:00.000Z',
      '2024-07-05T13:30:00.000Z',
    ]);
    expect(Array.from(nyse.sessionsFrom(day('2024-12-24'), 3), iso)).toEqual([
      '2024-12-24',
      '2024-12-26',
      '2024-12-27',
    ]);
  });
});

describe('cryptoCalendar', () => {
  it('trades every day around the clock', () => {
    const c = cryptoCalendar();
    expect(c.periodsPerYear).toBe(365);
    expect(c.sessions(day('2024-12-24'), day('2024-12-26')).length).toBe(3);
    expect(c.isSession(day('2024-12-25'))).toBe(true);
    expect(c.minutes(day('2024-01-01'), day('2024-01-01') + 86_399_999).length).toBe(1440);
  });
});
