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

  it('NEXT_CLOSE fills a market order decided on b0 at the close of b1 (zipline), never at b0 or an open', () => {
    const r = runBacktest({ bars, schedule: { 0: [buy] }, execution: { fillTiming: 'next_close' } });
    expect(r.fills.map((f) => [f.sliceIndex, f.price, f.priceRule])).toEqual([[1, 111, 'market@close']]);
  });

  it('NEXT_CLOSE carries a volume-capped remainder to the following closes', () => {
    const r = runBacktest({
      bars: daily(
        [
          [90, 105, 89, 100],
          [110, 112, 109, 111],
          [111, 113, 110, 112],
          [112, 114, 111, 113],
        ],
        500,
      ),
      schedule: { 0: [buy] },
      execution: { fillTiming: 'next_close', volumeLimit: { maxParticipation: 0.1 } },
    });
    expect(r.fills.map((f) => [f.sliceIndex, f.quantity, f.price])).toEqual([
      [1, 50, 111],
      [2, 50, 112],
    ]);
  });

  it('NEXT_CLOSE leaves limit orders and market-on-open orders to the next bar from its open', () => {
    const limit = { type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 100, limitPrice: 109.5 } as const;
    const moo = { ...buy, timeInForce: 'MOO' } as const;
    const r = runBacktest({ bars, schedule: { 0: [limit, moo] }, execution: { fillTiming: 'next_close' } });
    expect(r.fills.map((f) => [f.sliceIndex, f.orderType, f.price, f.priceRule])).toEqual([
      [1, 'LIMIT', 109.5, 'limit@level'],
      [1, 'MARKET', 110, 'market@open'],
    ]);
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
