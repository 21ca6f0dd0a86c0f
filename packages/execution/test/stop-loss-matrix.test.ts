import { describe, expect, it } from 'vitest';
import type { StopFillMode } from '../src/index.js';
import type { TestBar } from './support/array-feed.js';
import { testStopLoss } from './support/rules.js';
import { runBacktest } from './support/run-backtest.js';

// SCENARIOS 3: closes 100, 99, 98, 97, 96, 94.5, 93, 92, … 80; open = c + 0.5, high = c + 1, low = c − 0.5.
const closes = [100, 99, 98, 97, 96, 94.5];
for (let c = 93; c >= 80; c--) closes.push(c);
const bars: TestBar[] = closes.map((c, t) => ({ t, o: c + 0.5, h: c + 1, l: c - 0.5, c }));
const buy = { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 } as const;

function exitOf(fillTiming: 'next_bar' | 'same_bar', basis: 'fill' | 'signal', stopFillMode: StopFillMode) {
  const r = runBacktest({
    bars,
    schedule: { 0: [buy] },
    execution: { fillTiming, stopFillMode },
    positionRules: () => [testStopLoss(0.05, basis)],
  });
  expect(r.trades).toHaveLength(1);
  const t = r.trades[0];
  return {
    entry: t?.entryPrice,
    exitIndex: t?.exitIndex,
    exit: t?.exitPrice,
    pnl: t?.pnlNet.toNumber(),
    reason: t?.exitReason,
  };
}

describe('stop loss 5 % — the fill-mode matrix (SCENARIOS 3)', () => {
  it('SAME_BAR: entry 100 on b0, exit on b5 at its open 95.00 (gap to the level), P&L −500', () => {
    expect(exitOf('same_bar', 'fill', 'stop_price')).toEqual({
      entry: 100,
      exitIndex: 5,
      exit: 95,
      pnl: -500,
      reason: 'STOP_LOSS',
    });
  });

  it('NEXT_BAR, level from the fill price: exit b5 at 94.525, P&L −497.50', () => {
    const r = exitOf('next_bar', 'fill', 'stop_price');
    expect(r.entry).toBe(99.5);
    expect(r.exitIndex).toBe(5);
    expect(r.exit).toBeCloseTo(94.525, 10);
    expect(r.pnl).toBeCloseTo(-497.5, 8);
  });

  it('NEXT_BAR, level from the signal close: exit b5 at 95.00, P&L −450', () => {
    expect(exitOf('next_bar', 'signal', 'stop_price')).toMatchObject({ exitIndex: 5, exit: 95, pnl: -450 });
  });

  it('stop fill mode "next bar open": exit b6 at 93.50, P&L −600', () => {
    expect(exitOf('next_bar', 'fill', 'next_bar_open')).toMatchObject({ exitIndex: 6, exit: 93.5, pnl: -600 });
  });

  it('stop fill mode "close": 94.50, P&L −500', () => {
    expect(exitOf('next_bar', 'fill', 'close')).toMatchObject({ exitIndex: 5, exit: 94.5, pnl: -500 });
  });

  it('stop fill mode "bar extreme": 94.00, P&L −550', () => {
    expect(exitOf('next_bar', 'fill', 'bar_extreme')).toMatchObject({ exitIndex: 5, exit: 94, pnl: -550 });
  });
});

describe('the entry bar and re-entry (SCENARIOS 4–5)', () => {
  // NEXT_BAR, signal on b0, entry on b1 at its open 100 with b1's low 50.
  const entryBars: TestBar[] = [
    { t: 0, o: 100, h: 101, l: 99, c: 100 },
    { t: 1, o: 100, h: 101, l: 50, c: 60 },
    { t: 2, o: 60, h: 61, l: 59, c: 60 },
  ];

  it('riskOnEntryBar (default): the part of b1 after the entry triggers the stop at 95', () => {
    const r = runBacktest({ bars: entryBars, schedule: { 0: [buy] }, positionRules: () => [testStopLoss(0.05)] });
    expect(r.trades.map((t) => [t.entryIndex, t.exitIndex, t.exitPrice])).toEqual([[1, 1, 95]]);
  });

  it('riskOnEntryBar false: the entry bar cannot trigger; the exit waits for b2 (gap → open 60)', () => {
    const r = runBacktest({
      bars: entryBars,
      schedule: { 0: [buy] },
      positionRules: () => [testStopLoss(0.05)],
      riskOnEntryBar: false,
    });
    expect(r.trades.map((t) => [t.exitIndex, t.exitPrice])).toEqual([[2, 60]]);
  });

  it('a bracket stop leg is active only from the bar after the entry fill', () => {
    const r = runBacktest({
      bars: entryBars,
      schedule: { 0: [{ ...buy, onFill: [{ type: 'STOP', side: 'SELL', stopPrice: 95, reduceOnly: true }] }] },
    });
    expect(r.fills.map((f) => [f.sliceIndex, f.side, f.price, f.priceRule])).toEqual([
      [1, 'BUY', 100, 'market@open'],
      [2, 'SELL', 60, 'stop gap@open'],
    ]);
  });

  it('after a stop exit on a bar a new entry on that bar is refused with a reason; the next bar it is allowed', () => {
    const r = runBacktest({
      bars,
      schedule: { 0: [buy], 5: [buy], 6: [buy] },
      positionRules: () => [testStopLoss(0.05)],
    });
    const [, second, third] = r.submitted;
    expect(second?.status).toBe('REJECTED');
    expect(second?.reason?.code).toBe('reentry_blocked');
    expect(third?.status).toBe('ACCEPTED');
    expect(r.fills.slice(0, 3).map((f) => [f.sliceIndex, f.side])).toEqual([
      [1, 'BUY'],
      [5, 'SELL'],
      [7, 'BUY'],
    ]);
  });
});
