import { ConfigError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { averageTrueRange } from '../src/features/average-true-range.js';
import { barsOf } from './support/bars.js';

describe('averageTrueRange', () => {
  it("computes Wilder's ATR per symbol, NaN before the window is full", () => {
    const bars = barsOf({
      // true ranges: 2 (high − low), 2, 1, 3 (high − previous close)
      AAA: [
        { open: 10, high: 11, low: 9, close: 10 },
        { open: 11, high: 12, low: 10, close: 11 },
        { open: 11, high: 11.5, low: 10.5, close: 11 },
        { open: 13, high: 14, low: 12, close: 13 },
      ],
      BBB: [
        { open: 5, high: 5, low: 5, close: 5 },
        { open: 5, high: 6, low: 4, close: 5 },
        { open: 5, high: 5, low: 5, close: 5 },
        { open: 5, high: 5, low: 5, close: 5 },
      ],
    });
    const table = averageTrueRange(bars, { period: 2 });
    const atr = Array.from(table.features.atr as Float64Array);
    // rows alternate AAA, BBB per day
    expect(atr.filter((_, i) => i % 2 === 0)).toEqual([Number.NaN, 2, 1.5, 2.25]);
    expect(atr.filter((_, i) => i % 2 === 1)).toEqual([Number.NaN, 1, 0.5, 0.25]);
    expect(table.kind).toBe('symbol');
    expect(table.timestamp).toBe(bars.timestamp);
  });

  it('names the feature and rejects a bad period', () => {
    const bars = barsOf({ AAA: [1, 2, 3] });
    expect(Object.keys(averageTrueRange(bars, { name: 'atr5', period: 1 }).features)).toEqual(['atr5']);
    expect(() => averageTrueRange(bars, { period: 0 })).toThrow(ConfigError);
  });
});
