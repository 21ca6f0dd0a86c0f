import { describe, expect, it } from 'vitest';
import { ClockFeatureView } from '../src/engine/clock-feature-view.js';
import { MarketState } from '../src/engine/market-state.js';
import { SliceBuffer } from '../src/engine/slice-buffer.js';
import { DataValidationError, SymbolTable } from '../src/index.js';

const NAN = Number.NaN;
const symbol = Int32Array.from([2, 0, 1]);
const open = Float64Array.from([10, 20, 30]);
const high = Float64Array.from([11, 21, 31]);
const low = Float64Array.from([9, 19, 29]);
const close = Float64Array.from([10.5, 20.5, 30.5]);
const volume = Float64Array.from([100, 200, 300]);

function buffers(): { bulk: SliceBuffer; single: SliceBuffer; bulkMarket: MarketState; singleMarket: MarketState } {
  const symbols = new SymbolTable();
  for (const name of ['A', 'B', 'C']) symbols.register(name);
  const bulkMarket = new MarketState(3);
  const singleMarket = new MarketState(3);
  const make = (m: MarketState) => new SliceBuffer(symbols, new ClockFeatureView(undefined, symbols), 1, m);
  return { bulk: make(bulkMarket), single: make(singleMarket), bulkMarket, singleMarket };
}

function columns(b: SliceBuffer) {
  return [
    b.size,
    [...b.symbolIds.slice(0, b.size)],
    [...b.open.slice(0, b.size)],
    [...b.close.slice(0, b.size)],
    [...b.ask.slice(0, b.size)],
  ];
}

describe('SliceBuffer.pushBars', () => {
  it('appends the rows and stores them in the market state exactly as push does (growing as needed)', () => {
    const { bulk, single, bulkMarket, singleMarket } = buffers();
    const remap = Int32Array.from([0, 1, 2]);
    for (const b of [bulk, single]) {
      b.begin(1000, 0);
      b.useFeed('feed', remap);
    }
    bulk.pushBars(symbol, open, high, low, close, volume, 1, 3);
    for (let k = 1; k < 3; k++) {
      single.push(
        symbol[k] as number,
        open[k] as number,
        high[k] as number,
        low[k] as number,
        close[k] as number,
        volume[k] as number,
        NAN,
        NAN,
        NAN,
        NAN,
      );
    }
    expect(columns(bulk)).toEqual(columns(single));
    expect(bulk.rowOf(0)).toBe(0);
    expect(bulk.rowOf(1)).toBe(1);
    expect(bulk.rowOf(2)).toBe(-1);
    expect([...bulkMarket.close]).toEqual([...singleMarket.close]);
    expect([...bulkMarket.barCount]).toEqual([...singleMarket.barCount]);
    expect([...bulkMarket.volume]).toEqual([...singleMarket.volume]);
  });

  it('overwrites earlier quotes with NaN once a feed has sent quotes', () => {
    const { bulk } = buffers();
    bulk.begin(1000, 0);
    bulk.useFeed('quotes', Int32Array.from([0, 1, 2]));
    bulk.push(0, 1, 1, 1, 1, 1, 0.9, 1.1, 5, 5);
    bulk.begin(2000, 1);
    bulk.pushBars(symbol, open, high, low, close, volume, 0, 3);
    expect(bulk.size).toBe(3);
    expect([...bulk.ask.slice(0, 3)]).toEqual([NAN, NAN, NAN]);
  });

  it('rejects a duplicate bar and an unknown symbol index with a typed error naming the feed', () => {
    const { bulk } = buffers();
    bulk.begin(Date.UTC(2024, 0, 2), 0);
    bulk.useFeed('dup.csv', Int32Array.from([0, 1, 2]));
    const twice = Int32Array.from([1, 1]);
    expect(() => bulk.pushBars(twice, open, high, low, close, volume, 0, 2)).toThrow(DataValidationError);
    expect(() => bulk.pushBars(twice, open, high, low, close, volume, 0, 2)).toThrow(/two bars for B at 2024-01-02/);
    bulk.begin(Date.UTC(2024, 0, 3), 1);
    bulk.useFeed('short.csv', Int32Array.from([0]));
    const error = (() => {
      try {
        bulk.pushBars(Int32Array.from([3]), open, high, low, close, volume, 0, 1);
      } catch (e) {
        return e as DataValidationError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error?.message).toMatch(/short\.csv.*symbol index 3/s);
  });
});
