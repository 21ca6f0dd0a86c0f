import { describe, expect, it } from 'vitest';
import { daily } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

const flat = (n: number, volume: number) =>
  daily(
    Array.from({ length: n }, () => [100, 100, 100, 100] as const),
    volume,
  );

describe('volume participation (SCENARIOS 19)', () => {
  it('250 shares with a 10 % cap on bars of 1,000 fill 100, 100, 50; filled quantity = Σ fills at every update', () => {
    const r = runBacktest({
      bars: flat(5, 1000),
      schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 250 }] },
      execution: { volumeLimit: { maxParticipation: 0.1 } },
    });
    expect(r.fills.map((f) => [f.sliceIndex, f.quantity])).toEqual([
      [1, 100],
      [2, 100],
      [3, 50],
    ]);
    const updates = r.orders.filter((u) => u.status === 'PARTIALLY_FILLED' || u.status === 'FILLED');
    expect(updates.map((u) => [u.status, u.order.filledQuantity])).toEqual([
      ['PARTIALLY_FILLED', 100],
      ['PARTIALLY_FILLED', 200],
      ['FILLED', 250],
    ]);
    for (const u of updates) {
      const sum = r.fills.filter((f) => f.timestamp <= u.timestamp).reduce((s, f) => s + f.quantity, 0);
      expect(u.order.filledQuantity).toBe(sum);
    }
  });

  it('orders of one symbol share the bar’s volume; IOC cancels the rest, FOK refuses a partial fill', () => {
    const r = runBacktest({
      bars: flat(3, 1000),
      schedule: {
        0: [
          { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 70, timeInForce: 'IOC' },
          { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 70, timeInForce: 'IOC' },
          { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 20, timeInForce: 'FOK' },
        ],
      },
      execution: { volumeLimit: { maxParticipation: 0.1 } },
    });
    expect(r.fills.map((f) => [f.orderId, f.quantity])).toEqual([
      ['O1', 70],
      ['O2', 30],
    ]);
    const finals = r.orders.filter((u) => u.status === 'CANCELLED').map((u) => [u.order.id, u.reason?.code]);
    expect(finals).toEqual([
      ['O3', 'fok_unfilled'],
      ['O2', 'ioc_unfilled'],
    ]);
  });
});

describe('order priority', () => {
  // Cash 10,000 fully invested in A; on b1 the strategy sends "buy B" then "sell A".
  const bars = [0, 1, 2].flatMap((t) => [
    { t, o: 100, h: 100, l: 100, c: 100 },
    { t, symbol: 'B', o: 100, h: 100, l: 100, c: 100 },
  ]);
  const schedule = {
    0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 }],
    1: [
      { type: 'MARKET', symbol: 'B', side: 'BUY', quantity: 100 },
      { type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 100 },
    ],
  } as const;

  it('exit_first (default): the sale of A frees the cash for B on the same bar', () => {
    const r = runBacktest({ bars, schedule, initialCash: 10_000 });
    expect(r.fills.map((f) => [f.sliceIndex, f.symbol, f.side])).toEqual([
      [1, 'A', 'BUY'],
      [2, 'A', 'SELL'],
      [2, 'B', 'BUY'],
    ]);
  });

  it('fifo: B is tried first and rejected for cash, with the reason', () => {
    const r = runBacktest({ bars, schedule, initialCash: 10_000, execution: { orderPriority: 'fifo' } });
    expect(r.fills.map((f) => [f.sliceIndex, f.symbol, f.side])).toEqual([
      [1, 'A', 'BUY'],
      [2, 'A', 'SELL'],
    ]);
    const rejected = r.orders.find((u) => u.status === 'REJECTED');
    expect([rejected?.order.symbol, rejected?.reason?.code]).toEqual(['B', 'insufficient_cash']);
  });
});
