import { ConfigError } from '@ml4t/core';
import { PrecomputedFeatureProvider } from '@ml4t/feeds';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../src/run/run-backtest.js';
import { buyAndHold } from '../src/strategies/buy-and-hold.js';
import { smaCrossover } from '../src/strategies/sma-crossover.js';
import { topNMl } from '../src/strategies/top-n-ml.js';
import { day, feedOf } from './support/bars.js';

// SMA(2) − SMA(3) of these closes: day 2 −0.5, day 3 −1/6, day 4 +0.5, day 5 +0.5, day 6 +1/6, day 7 −0.5.
// Cross up on day 4 (close 10), cross down on day 7 (close 9).
const closes = [10, 9, 8, 9, 10, 11, 10, 9, 8];

describe('smaCrossover', () => {
  it('buys on the cross up and sells on the cross down, filling at the next open', async () => {
    const results = await runBacktest({
      feeds: feedOf({ AAA: closes }),
      strategy: smaCrossover({ fast: 2, slow: 3, quantity: 10 }),
    });
    const [trade] = results.getTrades();
    expect(results.getTrades()).toHaveLength(1);
    expect(trade?.entryTime).toBe(day(5));
    expect(trade?.entryPrice).toBe(11);
    expect(trade?.exitTime).toBe(day(8));
    expect(trade?.exitPrice).toBe(8);
    expect(trade?.pnlNet.toNumber()).toBe(-30);
  });

  it('fills at the signal close under the vectorbt profile (same-bar fills)', async () => {
    const results = await runBacktest({
      feeds: feedOf({ AAA: closes }),
      strategy: smaCrossover({ fast: 2, slow: 3, quantity: 10 }),
      profile: 'vectorbt',
    });
    const [trade] = results.getTrades();
    expect(trade?.entryTime).toBe(day(4));
    expect(trade?.entryPrice).toBe(10);
    expect(trade?.exitTime).toBe(day(7));
    expect(trade?.exitPrice).toBe(9);
  });

  it('rejects a fast window that is not shorter than the slow one', () => {
    expect(() => smaCrossover({ fast: 5, slow: 5 })).toThrow(ConfigError);
    expect(() => smaCrossover({ fast: 0 })).toThrow(/fast/);
  });
});

describe('buyAndHold', () => {
  it('buys each symbol once with an equal share of the allocation and holds it', async () => {
    const results = await runBacktest({
      feeds: feedOf({ AAA: [100, 101, 102], BBB: [40, 41, 42] }),
      strategy: buyAndHold({ allocation: 0.5 }),
    });
    // 0.5 × 100,000 / 2 = 25,000 per symbol at the first close: 250 AAA, 625 BBB, filled at day 1's open.
    expect(results.getFills().map((f) => [f.symbol, f.quantity, f.price])).toEqual([
      ['AAA', 250, 101],
      ['BBB', 625, 41],
    ]);
    expect(results.summary.openTrades).toHaveLength(2);
  });

  it('buys only the listed symbols', async () => {
    const results = await runBacktest({
      feeds: feedOf({ AAA: [100, 101], BBB: [40, 41] }),
      strategy: buyAndHold({ symbols: ['BBB'], allocation: 0.41 }),
    });
    expect(results.getFills().map((f) => [f.symbol, f.quantity])).toEqual([['BBB', 1025]]);
  });
});

describe('topNMl', () => {
  const flat = { A: [10, 10, 10, 10], B: [10, 10, 10, 10], C: [10, 10, 10, 10], D: [10, 10, 10, 10] };
  const scores = (rows: readonly (readonly [string, number, number])[]) =>
    PrecomputedFeatureProvider.fromRecords(rows.map(([symbol, i, score]) => ({ timestamp: day(i), symbol, score })));
  const twoDays = scores([
    ['A', 0, 3],
    ['B', 0, 2],
    ['C', 0, 1],
    ['D', 0, 0],
    ['A', 1, 0],
    ['B', 1, 3],
    ['C', 1, 2],
    ['D', 1, 1],
  ]);
  const holdings = (results: Awaited<ReturnType<typeof runBacktest>>) =>
    Object.fromEntries(results.summary.openTrades.map((t) => [t.symbol, t.quantity]));

  it('holds the top n, selling what left it and buying what entered, equal weight', async () => {
    const results = await runBacktest({
      feeds: feedOf(flat),
      features: twoDays,
      initialCash: 10_000,
      strategy: topNMl({ n: 2, investedFraction: 1 }),
    });
    // Day 0: A and B, 5,000 each (500 shares). Day 1: A ranks last and is sold; C enters with A's proceeds.
    expect(holdings(results)).toEqual({ B: 500, C: 500 });
    expect(results.getTrades({ includeOpen: false }).map((t) => [t.symbol, t.entryTime, t.exitTime])).toEqual([
      ['A', day(1), day(2)],
    ]);
  });

  it('keeps a holding while it ranks within exitRank', async () => {
    const results = await runBacktest({
      feeds: feedOf(flat),
      features: twoDays,
      initialCash: 10_000,
      strategy: topNMl({ n: 2, exitRank: 4, investedFraction: 1 }),
    });
    // A (rank 4 of 4) is kept, so there is no cash for C.
    expect(holdings(results)).toEqual({ A: 500, B: 500 });
  });

  it('sizes by score with score weighting', async () => {
    const results = await runBacktest({
      feeds: feedOf(flat),
      features: scores([
        ['A', 0, 3],
        ['B', 0, 1],
        ['C', 0, -1],
        ['D', 0, -2],
      ]),
      initialCash: 10_000,
      strategy: topNMl({ n: 2, weighting: 'score', investedFraction: 1 }),
    });
    expect(holdings(results)).toEqual({ A: 750, B: 250 });
  });

  it('breaks score ties by symbol order', async () => {
    const results = await runBacktest({
      feeds: feedOf(flat),
      features: scores([
        ['D', 0, 1],
        ['C', 0, 1],
        ['B', 0, 1],
        ['A', 0, 0],
      ]),
      initialCash: 10_000,
      strategy: topNMl({ n: 1, investedFraction: 0.5 }),
    });
    expect(holdings(results)).toEqual({ B: 500 });
  });

  it('rebalances only every k-th timestamp', async () => {
    const results = await runBacktest({
      feeds: feedOf(flat),
      features: twoDays,
      initialCash: 10_000,
      strategy: topNMl({ n: 2, rebalanceEvery: 2, investedFraction: 1 }),
    });
    expect(holdings(results)).toEqual({ A: 500, B: 500 });
  });

  it('rejects an exitRank below n', () => {
    expect(() => topNMl({ n: 5, exitRank: 4 })).toThrow(/exitRank: exitRank must be ≥ n/);
  });
});
