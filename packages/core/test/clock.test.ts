import { describe, expect, it } from 'vitest';
import { ArrayFeed } from './support/array-feed.js';
import { bar, Clock, ClockFeatureViewForTests, DataValidationError, SymbolTable } from './support/clock-harness.js';

const b = (timestamp: number, symbol: string, close = 10) =>
  bar({ timestamp, symbol, open: close, high: close, low: close, close, volume: 1 });

describe('Clock', () => {
  it('merges three feeds by timestamp, FIFO by feed registration then feed order on ties', () => {
    const f1 = new ArrayFeed('f1', [b(1, 'A'), b(3, 'A'), b(5, 'A')]);
    const f2 = new ArrayFeed('f2', [b(1, 'B'), b(1, 'C'), b(4, 'B')]);
    const f3 = new ArrayFeed('f3', [b(0, 'D'), b(3, 'D'), b(5, 'D')]);
    const symbols = new SymbolTable();
    const clock = new Clock([f1, f2, f3], symbols);
    const buffer = ClockFeatureViewForTests.buffer(symbols);
    const seen: string[] = [];
    for (let i = 0; clock.fill(buffer, i); i++) {
      const names = Array.from(buffer.symbolIds.subarray(0, buffer.size), (id) => symbols.name(id));
      seen.push(`${buffer.timestamp}:${names.join(',')}`);
    }
    expect(seen).toEqual(['0:D', '1:A,B,C', '3:A,D', '4:B', '5:A,D']);
    expect(symbols.list()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('rejects a feed that goes back in time with a typed error naming the rule', () => {
    const bad = new ArrayFeed('bad.csv', [b(2, 'A'), b(1, 'A')]);
    const symbols = new SymbolTable();
    const clock = new Clock([bad], symbols);
    const buffer = ClockFeatureViewForTests.buffer(symbols);
    const err = (() => {
      try {
        clock.fill(buffer, 0);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(DataValidationError);
    expect((err as DataValidationError).rule).toBe('unsorted');
    expect((err as DataValidationError).file).toBe('bad.csv');
  });

  it('rejects two bars of one symbol at one timestamp across feeds', () => {
    const symbols = new SymbolTable();
    const clock = new Clock([new ArrayFeed('x', [b(1, 'A')]), new ArrayFeed('y', [b(1, 'A')])], symbols);
    const buffer = ClockFeatureViewForTests.buffer(symbols);
    expect(() => clock.fill(buffer, 0)).toThrow(/duplicate-bar/);
  });
});
