import { type BarSink, DataValidationError, type MarketEvent } from '@ml4t/core';
import fc from 'fast-check';
import { firstValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  type BarColumns,
  BarColumnsBuilder,
  ColumnarFeed,
  generateMarket,
  mergeBars,
  sortOrder,
} from '../src/index.js';

/** A sink recording pushes as [symbol, open, …, askSize]. */
class RecordingSink implements BarSink {
  readonly rows: number[][] = [];
  push(...values: number[]): void {
    this.rows.push(values);
  }
}

function tiny(): BarColumns {
  const b = new BarColumnsBuilder({ bid: true, ask: true, bidSize: false, askSize: false });
  const a = b.symbolId('A');
  const c = b.symbolId('B');
  b.push(1000, a, 10, 11, 9, 10.5, 100, 10.4, 10.6);
  b.push(1000, c, 20, 21, 19, 20.5, 200);
  b.push(2000, c, 20.5, 22, 20, 21, 300, 20.9, 21.1);
  b.push(3000, a, 10.5, 12, 10, 11, 400);
  return b.build();
}

describe('ColumnarFeed', () => {
  it('drains one timestamp at a time with feed-local symbol indices and NaN for absent quotes', () => {
    const feed = new ColumnarFeed(tiny(), { name: 'tiny' });
    expect(feed.symbols).toEqual(['A', 'B']);
    const sink = new RecordingSink();
    expect(feed.peekNextTimestamp()).toBe(1000);
    expect(feed.drain(1000, sink)).toBe(2);
    expect(sink.rows).toEqual([
      [0, 10, 11, 9, 10.5, 100, 10.4, 10.6, Number.NaN, Number.NaN],
      [1, 20, 21, 19, 20.5, 200, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
    ]);
    expect(feed.peekNextTimestamp()).toBe(2000);
    expect(feed.drain(2000, sink)).toBe(1);
    expect(feed.drain(3000, sink)).toBe(1);
    expect(feed.isExhausted).toBe(true);
    expect(feed.peekNextTimestamp()).toBe(Number.POSITIVE_INFINITY);
    expect(feed.next()).toBeUndefined();
  });

  it('next, seek, reset and toObservable agree', async () => {
    const feed = new ColumnarFeed(tiny());
    const first = feed.next() as MarketEvent;
    expect(first).toMatchObject({ kind: 'bar', timestamp: 1000, symbol: 'A', close: 10.5, bid: 10.4 });
    expect(first.bidSize).toBeNaN();
    feed.seek(1500);
    expect(feed.peekNextTimestamp()).toBe(2000);
    const rest = await firstValueFrom(feed.toObservable().pipe(toArray()));
    expect(rest.map((e) => [e.timestamp, e.symbol])).toEqual([
      [2000, 'B'],
      [3000, 'A'],
    ]);
    expect(feed.position).toBe(2); // toObservable does not move the cursor
    feed.seek(99_999);
    expect(feed.isExhausted).toBe(true);
    feed.reset();
    expect(feed.peekNextTimestamp()).toBe(1000);
  });

  it('rejects unsorted, duplicate and mis-sized columns', () => {
    const good = tiny();
    const swapped = { ...good, timestamp: Float64Array.from([2000, 1000, 2000, 3000]) };
    expect(() => new ColumnarFeed(swapped, { name: 'x' })).toThrow(DataValidationError);
    const dup = { ...good, symbol: Int32Array.from([0, 0, 1, 0]) };
    try {
      new ColumnarFeed(dup, { name: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ rule: 'duplicate-bar', row: 2, file: 'x' });
    }
    expect(() => new ColumnarFeed({ ...good, close: new Float64Array(3) })).toThrow(/column-length|close/);
  });

  it('names the first row out of (timestamp, symbol) order and its rule, like a row-by-row check (property)', () => {
    const row = fc.record({
      t: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(Number.NaN)),
      s: fc.integer({ min: -1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const n = rows.length;
        const symbols = ['A', 'B', 'C'];
        const zeros = () => new Float64Array(n);
        const columns: BarColumns = {
          symbols,
          timestamp: Float64Array.from(rows, (r) => r.t),
          symbol: Int32Array.from(rows, (r) => r.s),
          open: zeros(),
          high: zeros(),
          low: zeros(),
          close: zeros(),
          volume: zeros(),
        };
        let expected: { row: number; rule: string } | undefined;
        for (let i = 0; i < n && expected === undefined; i++) {
          const { t, s } = rows[i] as { t: number; s: number };
          const prev = rows[i - 1];
          if (s < 0 || s >= symbols.length) expected = { row: i + 1, rule: 'unknown-symbol' };
          else if (prev !== undefined && t === prev.t && s === prev.s) expected = { row: i + 1, rule: 'duplicate-bar' };
          else if (Number.isNaN(t) || (prev !== undefined && (t < prev.t || (t === prev.t && s < prev.s))))
            expected = { row: i + 1, rule: 'unsorted' };
        }
        let error: unknown;
        try {
          new ColumnarFeed(columns, { name: 'p' });
        } catch (e) {
          error = e;
        }
        if (expected === undefined) expect(error).toBeUndefined();
        else {
          expect(error).toBeInstanceOf(DataValidationError);
          expect(error).toMatchObject({ file: 'p', ...expected });
        }
      }),
    );
  });

  it('drain replays every bar exactly once, in order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 30 }), fc.integer(), (n, m, seed) => {
        const market = generateMarket({ symbols: n, bars: m, seed });
        const feed = market.feed();
        const sink = new RecordingSink();
        let slices = 0;
        while (!feed.isExhausted) {
          feed.drain(feed.peekNextTimestamp(), sink);
          slices++;
        }
        expect(slices).toBe(m);
        expect(sink.rows.length).toBe(n * m);
        feed.reset();
        for (const row of sink.rows) {
          const e = feed.next() as MarketEvent;
          expect(feed.symbols[row[0] as number]).toBe(e.symbol);
          expect(row[4]).toBe(e.close);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('sortOrder and mergeBars', () => {
  it('sort by timestamp then symbol, stably, for any input order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }),
        (rows) => {
          const ts = Float64Array.from(rows, ([t]) => t * 1000);
          const sym = Int32Array.from(rows, ([, s]) => s);
          const order = Array.from(sortOrder(ts, sym));
          const expected = rows
            .map((r, i) => [r[0], r[1], i] as const)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
            .map((r) => r[2]);
          expect(order).toEqual(expected);
        },
      ),
    );
  });

  it('merges tables with different symbols and quote columns', () => {
    const a = new BarColumnsBuilder();
    a.push(2000, a.symbolId('X'), 1, 1, 1, 1, 1);
    const b = new BarColumnsBuilder({ bid: true, ask: false, bidSize: false, askSize: false });
    b.push(1000, b.symbolId('Y'), 2, 2, 2, 2, 2, 1.9);
    b.push(2000, b.symbolId('X'), 3, 3, 3, 3, 3, 2.9);
    const merged = mergeBars([a.build(), b.build()]);
    expect(merged.symbols).toEqual(['X', 'Y']);
    expect(Array.from(merged.timestamp)).toEqual([1000, 2000, 2000]);
    expect(Array.from(merged.symbol)).toEqual([1, 0, 0]);
    expect(Array.from(merged.bid ?? [])).toEqual([1.9, Number.NaN, 2.9]);
  });
});
