import { describe, expect, it } from 'vitest';
import { percentageSlippage } from '../src/index.js';
import { daily } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

describe('limit and stop orders (SCENARIOS 6–9)', () => {
  it('6: a buy limit 95 from b0 fills at the open 90 when b1 gaps below it (price improvement)', () => {
    const r = runBacktest({
      bars: daily([
        [100, 101, 99, 100],
        [90, 92, 89, 91],
      ]),
      schedule: { 0: [{ type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 100, limitPrice: 95 }] },
    });
    expect(r.fills.map((f) => [f.sliceIndex, f.price, f.priceRule, f.liquidity])).toEqual([
      [1, 90, 'limit gap@open', 'taker'],
    ]);
  });

  it('7: SAME_BAR — a buy limit 95 submitted on a bar whose low was 90 does not fill on that bar', () => {
    const r = runBacktest({
      bars: daily([
        [100, 101, 90, 100],
        [100, 101, 99, 100],
        [98, 99, 94, 96],
      ]),
      schedule: { 0: [{ type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 100, limitPrice: 95 }] },
      execution: { fillTiming: 'same_bar' },
    });
    expect(r.fills.map((f) => [f.sliceIndex, f.price, f.priceRule, f.liquidity])).toEqual([
      [2, 95, 'limit@level', 'maker'],
    ]);
  });

  describe('8: stop-limit (buy stop 100, limit 101)', () => {
    const order = {
      type: 'STOP_LIMIT',
      symbol: 'A',
      side: 'BUY',
      quantity: 10,
      stopPrice: 100,
      limitPrice: 101,
    } as const;
    const b0 = [95, 96, 94, 95] as const;

    it('fills at the trigger when the stop is touched within the limit', () => {
      // path: 99 → 98 (nearer) → 102 → 101; the stop is touched at 100 on the way up.
      const r = runBacktest({ bars: daily([b0, [99, 102, 98, 101]]), schedule: { 0: [order] } });
      expect(r.fills.map((f) => [f.price, f.priceRule])).toEqual([[100, 'stop-limit@trigger']]);
    });

    it('gap above the limit: triggers at the open 103 and fills at 101 when the path comes back', () => {
      // path: 103 → 104 (nearer) → 100 → 102.
      const r = runBacktest({ bars: daily([b0, [103, 104, 100, 102]]), schedule: { 0: [order] } });
      expect(r.fills.map((f) => [f.sliceIndex, f.price, f.priceRule])).toEqual([[1, 101, 'limit@level']]);
    });

    it('limit unreachable after the trigger: rests as a limit and fills on a later bar', () => {
      const r = runBacktest({
        bars: daily([b0, [103, 105, 102, 104], [100, 100.5, 99, 100]]),
        schedule: { 0: [order] },
      });
      expect(r.fills.map((f) => [f.sliceIndex, f.price, f.priceRule])).toEqual([[2, 100, 'limit gap@open']]);
      const triggered = r.orders.filter((u) => u.order.id === r.submitted[0]?.id).map((u) => u.order.triggered);
      expect(triggered.at(-1)).toBe(true);
    });

    it('never triggered: never fills', () => {
      const r = runBacktest({ bars: daily([b0, [96, 99, 95, 98]]), schedule: { 0: [order] } });
      expect(r.fills).toHaveLength(0);
    });
  });

  it('9: slippage never pushes a limit fill beyond its limit', () => {
    const r = runBacktest({
      bars: daily([
        [100, 101, 99, 100],
        [97, 98, 94, 96],
        [94, 96, 93, 95],
      ]),
      schedule: {
        0: [{ type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 10, limitPrice: 95 }],
        1: [{ type: 'LIMIT', symbol: 'A', side: 'SELL', quantity: 10, limitPrice: 95.5 }],
      },
      execution: { slippage: percentageSlippage({ rate: 0.01 }) },
    });
    expect(r.fills.map((f) => [f.side, f.basePrice, f.price, f.slippagePerUnit, f.priceRule])).toEqual([
      ['BUY', 95, 95, 0, 'limit@level capped@limit'],
      ['SELL', 95.5, 95.5, 0, 'limit@level capped@limit'],
    ]);
  });

  it('a limit gap fill keeps its slippage when the slipped price stays within the limit', () => {
    const r = runBacktest({
      bars: daily([
        [100, 101, 99, 100],
        [90, 92, 89, 91],
      ]),
      schedule: { 0: [{ type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 10, limitPrice: 95 }] },
      execution: { slippage: percentageSlippage({ rate: 0.01 }) },
    });
    expect(r.fills[0]?.price).toBeCloseTo(90.9, 10);
    expect(r.fills[0]?.slippage.toNumber()).toBeCloseTo(9, 8);
  });
});
