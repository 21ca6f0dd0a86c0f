import { describe, expect, it } from 'vitest';
import { cashAccount } from '../src/index.js';
import { daily } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

const flat = (n: number): [number, number, number, number][] =>
  Array.from({ length: n }, () => [100, 100, 100, 100] as [number, number, number, number]);

describe('fractional quantities', () => {
  it('buy 0.3, sell 0.1, sell 0.2: flat afterwards, two trades, no residue', () => {
    const r = runBacktest({
      bars: daily(flat(5)),
      schedule: {
        0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 0.3 }],
        1: [{ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 0.1 }],
        2: [{ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 0.2 }],
      },
      execution: { account: cashAccount() },
    });
    expect(r.fills.map((f) => [f.side, f.quantity])).toEqual([
      ['BUY', 0.3],
      ['SELL', 0.1],
      ['SELL', 0.2],
    ]);
    expect(r.trades.map((t) => t.quantity)).toEqual([0.1, 0.2]);
    expect(r.summary?.openTrades).toEqual([]);
    expect(r.summary?.finalCash.toString()).toBe('100000');
  });

  it('buy 0.1, buy 0.2, sell 0.3 on margin: one trade of 0.3 and no short of 5.6e-17 left behind', () => {
    const r = runBacktest({
      bars: daily(flat(5)),
      schedule: {
        0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 0.1 }],
        1: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 0.2 }],
        2: [{ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 0.3 }],
      },
    });
    expect(r.fills.map((f) => f.quantity)).toEqual([0.1, 0.2, 0.3]);
    expect(r.trades.map((t) => t.quantity)).toEqual([0.3]);
    expect(r.summary?.openTrades).toEqual([]);
    expect(r.broker.openOrders()).toEqual([]);
  });

  it('an exit sized with float arithmetic (0.1 + 0.2) closes the holding exactly and opens nothing', () => {
    const r = runBacktest({
      bars: daily(flat(5)),
      schedule: {
        0: [
          { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 0.1 },
          { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 0.2 },
        ],
        1: [{ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 0.1 + 0.2 }],
      },
      execution: { account: cashAccount() },
    });
    expect(r.fills.map((f) => [f.side, f.quantity])).toEqual([
      ['BUY', 0.1],
      ['BUY', 0.2],
      ['SELL', 0.3],
    ]);
    expect(r.trades.map((t) => t.quantity)).toEqual([0.3]);
    expect(r.summary?.openTrades).toEqual([]);
  });

  it('partial fills under a volume limit add up to the order: 0.3 + 0.3 + 0.3 + 0.1 of 1, then FILLED', () => {
    const r = runBacktest({
      bars: daily(flat(6), 3),
      schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 1 }] },
      execution: { volumeLimit: { maxParticipation: 0.1 } },
    });
    expect(r.fills.map((f) => f.quantity)).toEqual([0.3, 0.3, 0.3, 0.1]);
    expect(r.orders.at(-1)?.status).toBe('FILLED');
    expect(r.orders.at(-1)?.order.filledQuantity).toBe(1);
    expect(r.summary?.openTrades.map((t) => t.quantity)).toEqual([1]);
  });
});
