import type { OrderEvent, TimeInForce } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { cashAccount } from '../src/index.js';
import { DAY, daily, T0 } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

// b0: submission. b1: quiet (no ±5 level touched; close 100.5). b2: range 93–107 touches every level.
const bars = daily([
  [100, 101, 99, 100],
  [100, 101, 99, 100.5],
  [100, 107, 93, 100],
]);

type Kind = 'market' | 'limit' | 'stop' | 'stopLimit' | 'trailAmount' | 'trailPercent';
const KINDS: readonly Kind[] = ['market', 'limit', 'stop', 'stopLimit', 'trailAmount', 'trailPercent'];
const SIDES = ['BUY', 'SELL'] as const;
const TIFS: readonly TimeInForce[] = ['DAY', 'GTC', 'IOC', 'FOK', 'GTD', 'MOO', 'MOC'];

function request(kind: Kind, side: 'BUY' | 'SELL', tif: TimeInForce, expireAt: number): OrderEvent {
  const base = { symbol: 'A', side, quantity: 10, timeInForce: tif, ...(tif === 'GTD' ? { expireAt } : {}) };
  const buy = side === 'BUY';
  switch (kind) {
    case 'market':
      return { ...base, type: 'MARKET' };
    case 'limit':
      return { ...base, type: 'LIMIT', limitPrice: buy ? 95 : 105 };
    case 'stop':
      return { ...base, type: 'STOP', stopPrice: buy ? 105 : 95 };
    case 'stopLimit':
      return { ...base, type: 'STOP_LIMIT', stopPrice: buy ? 105 : 95, limitPrice: buy ? 106 : 94 };
    case 'trailAmount':
      return { ...base, type: 'TRAILING_STOP', trailAmount: 5 };
    case 'trailPercent':
      return { ...base, type: 'TRAILING_STOP', trailPercent: 0.05 };
  }
}

/** The hand-derived outcome of each combination: [fill slice, fill price] or the final status and reason. */
function expected(kind: Kind, side: 'BUY' | 'SELL', tif: TimeInForce, gtdLate: boolean): unknown {
  let level = side === 'BUY' ? (kind === 'limit' ? 95 : 105) : kind === 'limit' ? 105 : 95;
  // A sell trailing stop ratchets up on b1's close 100.5 (a buy one stays at 105: 100.5 + 5 > 105).
  if (side === 'SELL' && kind === 'trailAmount') level = 100.5 - 5;
  if (side === 'SELL' && kind === 'trailPercent') level = 100.5 - 100.5 * 0.05;
  if (kind === 'market') {
    if (tif === 'MOC') return { fill: [1, 100.5, 'market@close'] };
    return { fill: [1, 100, 'market@open'] };
  }
  if (tif === 'MOO' || tif === 'MOC') return { status: 'REJECTED', code: 'invalid_order' };
  const rule = kind === 'limit' ? 'limit@level' : kind === 'stopLimit' ? 'stop-limit@trigger' : 'stop@level';
  switch (tif) {
    case 'GTC':
      return { fill: [2, level, rule] };
    case 'GTD':
      return gtdLate ? { fill: [2, level, rule] } : { status: 'EXPIRED', code: 'expired' };
    case 'DAY':
      return { status: 'EXPIRED', code: 'expired' };
    case 'IOC':
      return { status: 'CANCELLED', code: 'ioc_unfilled' };
    case 'FOK':
      return { status: 'CANCELLED', code: 'fok_unfilled' };
    default:
      throw new Error(`unexpected ${tif}`);
  }
}

describe('every order type × side × time in force', () => {
  for (const kind of KINDS) {
    for (const side of SIDES) {
      for (const tif of TIFS) {
        const variants = tif === 'GTD' ? [false, true] : [true];
        for (const gtdLate of variants) {
          const label = `${kind} ${side} ${tif}${tif === 'GTD' ? (gtdLate ? ' (expiry after b2)' : ' (expired after b1)') : ''}`;
          it(label, () => {
            // GTD expires at the end of the first bar stamped after expireAt.
            const expireAt = gtdLate ? T0 + DAY : T0;
            const r = runBacktest({
              bars,
              schedule: { 0: [request(kind, side, tif, expireAt)] },
              execution: { account: cashAccount({ allowShorts: true }) },
            });
            const want = expected(kind, side, tif, gtdLate) as { fill?: unknown[]; status?: string; code?: string };
            const final = r.orders.at(-1);
            if (want.fill) {
              expect(r.fills.map((f) => [f.sliceIndex, f.price, f.priceRule])).toEqual([want.fill]);
              expect(r.fills[0]?.side).toBe(side);
              expect(final?.status).toBe('FILLED');
            } else {
              expect(r.fills).toHaveLength(0);
              expect([final?.status, final?.reason?.code]).toEqual([want.status, want.code]);
            }
          });
        }
      }
    }
  }
});

describe('lifecycle', () => {
  it('publishes SUBMITTED → ACCEPTED → FILLED with frozen snapshots', () => {
    const r = runBacktest({ bars, schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 10 }] } });
    expect(r.orders.map((u) => [u.previousStatus, u.status])).toEqual([
      [undefined, 'SUBMITTED'],
      ['SUBMITTED', 'ACCEPTED'],
      ['ACCEPTED', 'FILLED'],
    ]);
    for (const u of r.orders) expect(Object.isFrozen(u.order)).toBe(true);
    expect(r.orders.at(-1)?.order).toMatchObject({ filledQuantity: 10, avgFillPrice: 100 });
  });

  it('cancel and modify a working order; both refuse a final order', () => {
    let id = '';
    const log: unknown[] = [];
    runBacktest({
      bars,
      // The factory runs once per run (runBacktest repeats the run to check determinism).
      strategy: () => ({
        onStart() {
          log.length = 0;
        },
        onTimeSlice(slice, ctx) {
          if (slice.index === 0) {
            id = ctx.bus.submit({ type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 10, limitPrice: 90 }).id;
            const other = ctx.bus.submit({ type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 10, limitPrice: 80 }).id;
            log.push(ctx.bus.cancel(other), ctx.bus.cancel(other), ctx.bus.openOrders().length);
          }
          if (slice.index === 1) {
            log.push(ctx.bus.modify(id, { limitPrice: 94, quantity: 20 }), ctx.bus.modify(id, { stopPrice: 1 }));
          }
          if (slice.index === 2) log.push(ctx.bus.openOrders().length, ctx.bus.modify(id, { quantity: 5 }));
        },
        onFill(fill) {
          log.push([fill.price, fill.quantity]);
        },
      }),
    });
    // cancel ok, second cancel refused, one open; modify ok, stopPrice on a limit refused; b2 fills 20 @ 94.
    expect(log).toEqual([true, false, 1, true, false, [94, 20], 0, false]);
  });
});
