import { ConfigError, DataValidationError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { BarColumnsBuilder, type RawBars, validateBars } from '../src/index.js';

const DAY = 86_400_000;

/** Rows [day, symbol, o, h, l, c, v] in source order. */
function raw(rows: [number, string, number, number, number, number, number][]): RawBars {
  const b = new BarColumnsBuilder();
  for (const [d, s, o, h, l, c, v] of rows) b.push(d * DAY, b.symbolId(s), o, h, l, c, v);
  return b.build();
}

const messy = (): RawBars =>
  raw([
    [1, 'A', 10, 11, 9, 10, 100], // ok
    [2, 'A', 10, 9, 11, 10, 100], // high < low → swap
    [3, 'A', 12, 11, 9, 10, 100], // open > high → widen
    [4, 'A', 10, 11, 9, 10, -5], // negative volume → 0
    [5, 'A', 10, 11, 0, 10, 100], // low 0 → drop
    [4, 'A', 10, 11, 9, 10, 100], // duplicate → drop
    [1, 'B', 20, 21, 19, 20, 100], // ok
    [3, 'B', 20, 21, 19, 20, 100], // ok
    [2, 'B', 20, 21, 19, 20, 100], // unsorted → sorted (repair) / dropped (drop)
  ]);

describe('validateBars', () => {
  it("'error' (default) throws every issue with file, row, column, rule and value", () => {
    try {
      validateBars(messy(), { file: 'm.csv' });
      expect.unreachable();
    } catch (e) {
      const err = e as DataValidationError;
      expect(err).toBeInstanceOf(DataValidationError);
      expect(err.issues.map((i) => [i.row, i.column, i.rule])).toEqual([
        [2, 'high', 'high-below-low'],
        [2, 'open', 'open-outside-range'],
        [2, 'close', 'close-outside-range'],
        [3, 'open', 'open-outside-range'],
        [4, 'volume', 'negative-volume'],
        [5, 'low', 'non-positive-price'],
        // Row 6 repeats day 4 of row 4, which is itself invalid: like 'drop', invalid rows take no part in the
        // ordering checks.
        [9, 'timestamp', 'unsorted'],
      ]);
      expect(err.issues[0]).toMatchObject({ file: 'm.csv', symbol: 'A', value: '9' });
    }
  });

  it("'drop' removes each offending row and reports it", () => {
    const { bars, report } = validateBars(messy(), { policy: 'drop' });
    expect(report.rowsIn).toBe(9);
    expect(report.rowsOut).toBe(4);
    expect(report.dropped.map((i) => [i.row, i.rule])).toEqual([
      [2, 'high-below-low'],
      [2, 'open-outside-range'],
      [2, 'close-outside-range'],
      [3, 'open-outside-range'],
      [4, 'negative-volume'],
      [5, 'non-positive-price'],
      [9, 'unsorted'],
    ]);
    // Row 6 (day 4 of A) is no duplicate any more once row 4 is dropped.
    expect(Array.from(bars.timestamp, (t) => t / DAY)).toEqual([1, 1, 3, 4]);
    expect(Array.from(bars.symbol)).toEqual([0, 1, 1, 0]);
    expect(report.repairedCount).toBe(0);
  });

  it("'repair' fixes what it can, sorts, drops the rest and reports both", () => {
    const input = messy();
    const { bars, report } = validateBars(input, { policy: 'repair' });
    expect(report.repaired.map((i) => [i.row, i.rule])).toEqual([
      [2, 'high-below-low'],
      [3, 'open-outside-range'],
      [4, 'negative-volume'],
      [9, 'unsorted'],
    ]);
    expect(report.dropped.map((i) => [i.row, i.rule])).toEqual([
      [5, 'non-positive-price'],
      [6, 'duplicate-bar'],
    ]);
    expect(Array.from(bars.timestamp, (t) => t / DAY)).toEqual([1, 1, 2, 2, 3, 3, 4]);
    expect(Array.from(bars.symbol)).toEqual([0, 1, 0, 1, 0, 1, 0]);
    expect([bars.high[2], bars.low[2]]).toEqual([11, 9]); // swapped
    expect(bars.high[4]).toBe(12); // widened to the open
    expect(bars.volume[6]).toBe(0);
    expect(input.high[1]).toBe(9); // the input is untouched
  });

  it('flags gaps and jumps as warnings, or errors when asked', () => {
    const data = raw([
      [1, 'A', 10, 11, 9, 10, 100],
      [2, 'A', 10, 11, 9, 10, 100],
      [20, 'A', 10, 11, 9, 10, 100], // 18-day gap
      [21, 'A', 20, 21, 19, 20, 100], // +100 % jump (open and close)
    ]);
    const { report } = validateBars(data);
    expect(report.warnings.map((w) => [w.row, w.column, w.rule])).toEqual([
      [3, 'timestamp', 'gap'],
      [4, 'open', 'jump'],
      [4, 'close', 'jump'],
    ]);
    expect(validateBars(data, { maxGapMs: 30 * DAY, maxJump: 1.5 }).report.warningCount).toBe(0);
    expect(validateBars(data, { suspicious: 'ignore' }).report.warningCount).toBe(0);
    expect(() => validateBars(data, { suspicious: 'error' })).toThrow(DataValidationError);
  });

  it('validates its options with ConfigError naming the key', () => {
    expect(() => validateBars(messy(), { policy: 'fix' as 'drop' })).toThrow(ConfigError);
    expect(() => validateBars(messy(), { maxJump: -1 })).toThrow(/validation\.maxJump/);
  });

  it('never returns an empty result silently', () => {
    const allBad = raw([[1, 'A', 0, 1, 1, 1, 1]]);
    expect(() => validateBars(allBad, { policy: 'drop' })).toThrow(/no-rows/);
  });
});
