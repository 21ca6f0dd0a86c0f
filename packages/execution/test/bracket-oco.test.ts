import { bracket } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import type { BracketConflict } from '../src/index.js';
import { daily } from './support/array-feed.js';
import { type RunResult, runBacktest } from './support/run-backtest.js';

const entry = { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 } as const;

function positionPath(r: RunResult): number[] {
  let q = 0;
  return r.fills.map((f) => {
    q += f.side === 'BUY' ? f.quantity : -f.quantity;
    return q;
  });
}

describe('brackets', () => {
  function run(b2: readonly [number, number, number, number], conflict?: BracketConflict) {
    return runBacktest({
      bars: daily([[100, 100, 100, 100], [100, 104, 96, 100], b2, [100, 100, 100, 100]]),
      schedule: { 0: [bracket({ entry, stopPrice: 95, takeProfitPrice: 105 })] },
      ...(conflict ? { execution: { bracketConflict: conflict } } : {}),
    });
  }

  it('legs are created on the entry fill, sized to it, active from the next bar; take-profit fills, stop cancelled', () => {
    const r = run([100, 106, 99, 100]);
    expect(r.fills.map((f) => [f.sliceIndex, f.side, f.quantity, f.price, f.priceRule, f.exitReason])).toEqual([
      [1, 'BUY', 100, 100, 'market@open', 'SIGNAL'],
      [2, 'SELL', 100, 105, 'limit@level', 'TAKE_PROFIT'],
    ]);
    expect(r.trades[0]?.exitReason).toBe('TAKE_PROFIT');
    const stop = r.orders.filter((u) => u.order.type === 'STOP').at(-1);
    expect([stop?.status, stop?.reason?.code, stop?.order.parentId]).toEqual(['CANCELLED', 'oco_cancelled', 'O1']);
  });

  it('both legs touched on one bar: exactly one fills (pessimistic → the stop), the position never crosses zero', () => {
    const r = run([101, 106, 94, 100]);
    expect(r.fills.map((f) => [f.sliceIndex, f.side, f.price, f.exitReason])).toEqual([
      [1, 'BUY', 100, 'SIGNAL'],
      [2, 'SELL', 95, 'STOP_LOSS'],
    ]);
    expect(positionPath(r)).toEqual([100, 0]);
  });

  it('both legs touched, path conflict: the open 101 is nearer the high, so the take-profit comes first', () => {
    const r = run([101, 106, 94, 100], 'path');
    expect(r.fills.map((f) => [f.sliceIndex, f.side, f.price, f.exitReason])).toEqual([
      [1, 'BUY', 100, 'SIGNAL'],
      [2, 'SELL', 105, 'TAKE_PROFIT'],
    ]);
    expect(positionPath(r)).toEqual([100, 0]);
  });

  it('a gap through both legs fills the stop at the open under pessimistic resolution', () => {
    const r = run([90, 91, 89, 90]);
    expect(r.fills.at(-1)).toMatchObject({ price: 90, priceRule: 'stop gap@open', exitReason: 'STOP_LOSS' });
    expect(positionPath(r)).toEqual([100, 0]);
  });

  it('children of a partially filled parent follow each partial fill (volume cap)', () => {
    const r = runBacktest({
      bars: daily(
        [
          [100, 100, 100, 100],
          [100, 100, 100, 100],
          [100, 100, 100, 100],
          [100, 100, 94, 95],
        ],
        600,
      ),
      schedule: { 0: [bracket({ entry, stopPrice: 95 })] },
      execution: { volumeLimit: { maxParticipation: 0.1 } },
    });
    // 60 on b1, 40 on b2 (the stop leg grows 60 → 100), the stop fills 60 of 100 on b3 (cap), rest next bars.
    const stopUpdates = r.orders.filter((u) => u.order.type === 'STOP').map((u) => u.order.quantity);
    expect(stopUpdates.slice(0, 3)).toEqual([60, 60, 100]);
    expect(r.fills.map((f) => [f.sliceIndex, f.side, f.quantity])).toEqual([
      [1, 'BUY', 60],
      [2, 'BUY', 40],
      [3, 'SELL', 60],
    ]);
  });

  it('when the position is closed by another order, armed reduce-only legs are cancelled with position_closed', () => {
    const r = runBacktest({
      bars: daily([
        [100, 100, 100, 100],
        [100, 101, 99, 100],
        [100, 101, 99, 100],
        [100, 101, 99, 100],
      ]),
      schedule: {
        0: [bracket({ entry, stopPrice: 90, takeProfitPrice: 110 })],
        1: [{ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 100 }],
      },
    });
    const legs = r.orders.filter((u) => u.order.parentId !== undefined && u.status === 'CANCELLED');
    expect(legs.map((u) => u.reason?.code)).toEqual(['position_closed', 'position_closed']);
    expect(r.fills).toHaveLength(2);
  });
});

describe('one-cancels-other', () => {
  it('the first member to fill cancels the others at once', () => {
    const r = runBacktest({
      bars: daily([
        [100, 100, 100, 100],
        [100, 100, 100, 100],
        [100, 103, 99, 102],
      ]),
      schedule: {
        0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 10 }],
        1: [
          { type: 'LIMIT', symbol: 'A', side: 'SELL', quantity: 10, limitPrice: 102, ocoGroup: 'g' },
          { type: 'STOP', symbol: 'A', side: 'SELL', quantity: 10, stopPrice: 95, ocoGroup: 'g' },
          { type: 'LIMIT', symbol: 'A', side: 'SELL', quantity: 10, limitPrice: 103, ocoGroup: 'g' },
        ],
      },
    });
    expect(r.fills.map((f) => [f.side, f.price])).toEqual([
      ['BUY', 100],
      ['SELL', 102],
    ]);
    const cancelled = r.orders.filter((u) => u.status === 'CANCELLED').map((u) => [u.order.id, u.reason?.code]);
    expect(cancelled).toEqual([
      ['O3', 'oco_cancelled'],
      ['O4', 'oco_cancelled'],
    ]);
  });

  it('backtrader: a market close joining a resting stop’s group — the older stop is tried first and wins if it triggers', () => {
    const run = (b2: readonly [number, number, number, number]) =>
      runBacktest({
        bars: daily([[100, 100, 100, 100], [100, 100, 100, 100], b2]),
        schedule: {
          0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 10 }],
          1: [
            { type: 'STOP', symbol: 'A', side: 'SELL', quantity: 10, stopPrice: 95, ocoGroup: 'p' },
            { type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 10, ocoGroup: 'p' },
          ],
        },
        execution: { orderPriority: 'fifo' },
      });
    expect(run([94, 96, 93, 95]).fills.at(-1)).toMatchObject({ orderId: 'O2', price: 94, priceRule: 'stop gap@open' });
    expect(run([99, 100, 98, 99]).fills.at(-1)).toMatchObject({ orderId: 'O3', price: 99, priceRule: 'market@open' });
  });
});
