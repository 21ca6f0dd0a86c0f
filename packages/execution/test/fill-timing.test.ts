import { describe, expect, it } from 'vitest';
import { daily } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

const buy = { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 } as const;

describe('fill timing (SCENARIOS 1–2)', () => {
  const bars = daily([
    [90, 105, 89, 100],
    [110, 112, 109, 111],
  ]);

  it('NEXT_BAR fills a market order decided on b0 at the open of b1', () => {
    const r = runBacktest({ bars, schedule: { 0: [buy] } });
    expect(r.fills.map((f) => [f.sliceIndex, f.price, f.priceRule])).toEqual([[1, 110, 'market@open']]);
  });

  it('SAME_BAR fills at the close of b0, never at its open', () => {
    const r = runBacktest({ bars, schedule: { 0: [buy] }, execution: { fillTiming: 'same_bar' } });
    expect(r.fills.map((f) => [f.sliceIndex, f.price, f.priceRule])).toEqual([[0, 100, 'market@close']]);
  });

  it('no orders: equity stays at 100,000 with zero fills and trades', () => {
    const r = runBacktest({
      bars: daily([
        [1, 2, 0.5, 1.5],
        [1, 2, 0.5, 1.5],
        [1, 2, 0.5, 1.5],
      ]),
    });
    expect(r.snapshots.map((s) => s.equity)).toEqual([100_000, 100_000, 100_000]);
    expect(r.fills).toHaveLength(0);
    expect(r.trades).toHaveLength(0);
  });
});
