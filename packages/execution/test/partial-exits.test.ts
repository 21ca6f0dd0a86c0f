import { sumMoney } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { fixedSlippage, orderTypeSlippage, perShareCommission, volumeAwareSlippage } from '../src/index.js';
import { daily } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

describe('partial exits reconcile with cash', () => {
  it('buy 100, sell 30, sell 70: two trade records whose net P&L sums to the cash change, exactly', () => {
    const r = runBacktest({
      bars: daily([
        [100, 100, 100, 100],
        [100, 100, 100, 100],
        [110, 110, 110, 110],
        [120, 120, 120, 120],
        [120, 120, 120, 120],
      ]),
      schedule: {
        0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 }],
        1: [{ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 30 }],
        2: [{ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 70 }],
      },
      execution: {
        slippage: fixedSlippage({ amount: 0.1 }),
        commission: perShareCommission({ rate: 0.01, minimum: 1 }),
      },
    });
    // Entry 100.1 × 100, fee 1.00; exit 30 @ 109.9 (fee 1.00), 70 @ 119.9 (fee 1.00).
    expect(
      r.trades.map((t) => [t.quantity, t.entryPrice, t.exitPrice, t.pnlGross.toString(), t.commission.toString()]),
    ).toEqual([
      [30, 100.1, 109.9, '294', '1.3'],
      [70, 100.1, 119.9, '1386', '1.7'],
    ]);
    expect(r.trades.map((t) => t.positionId)).toEqual(['P1', 'P1']);
    expect(r.trades.map((t) => t.slippage.toString())).toEqual(['6', '14']);
    expect(r.summary?.finalCash.minus(100_000).toString()).toBe(sumMoney(r.trades.map((t) => t.pnlNet)).toString());
    expect(r.summary?.finalCash.toString()).toBe('101677');
  });
});

describe('SCENARIOS 13–14 end to end', () => {
  it('13: volume-aware — 100 shares of a 10,000-share bar (1 %) pay 2 bp: 100.02', () => {
    const r = runBacktest({
      bars: daily(
        [
          [100, 100, 100, 100],
          [100, 100, 100, 100],
        ],
        10_000,
      ),
      schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 }] },
      execution: { slippage: volumeAwareSlippage({ baseRate: 0.0001, coefficient: 0.01, maxParticipation: 0.1 }) },
    });
    expect(r.fills[0]?.price).toBeCloseTo(100.02, 10);
    expect(r.fills[0]?.slippage.toNumber()).toBeCloseTo(2, 8);
  });

  it('14: order-type dependent — market 10 bp, limit 1 bp (capped at a level fill, kept on a gap), stop 5 bp', () => {
    const r = runBacktest({
      bars: daily([
        [100, 100, 100, 100],
        [100, 100, 100, 100],
        [98, 99, 97, 98],
        [90, 91, 89, 90],
      ]),
      schedule: {
        0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 10 }],
        1: [
          { type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 10, limitPrice: 99 },
          { type: 'STOP', symbol: 'A', side: 'SELL', quantity: 20, stopPrice: 92 },
        ],
      },
      execution: { slippage: orderTypeSlippage({ market: 0.001, limit: 0.0001, stop: 0.0005 }) },
    });
    const prices = r.fills.map((f) => [f.orderType, f.basePrice, f.price]);
    expect(prices).toEqual([
      ['MARKET', 100, 100 * 1.001],
      ['LIMIT', 98, 98 * 1.0001],
      ['STOP', 90, 90 * (1 - 0.0005)],
    ]);
  });
});
