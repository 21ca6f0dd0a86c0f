import {
  bar,
  Engine,
  type MarketEvent,
  type OrderUpdate,
  type ResultSink,
  type RunInfo,
  type Strategy,
} from '@ml4t/core';
import { cashAccount, percentageCommission, SimulatedBroker } from '@ml4t/execution';
import { MultiSymbolDataFeed } from '@ml4t/feeds';
import { describe, expect, it } from 'vitest';
import { OrderLog } from '../src/collector/order-log.js';
import { ResultsCollector } from '../src/index.js';
import { DAY, T0 } from './support/fixtures.js';

function bars(symbol: string, closes: readonly number[]): MarketEvent[] {
  return closes.map((c, i) =>
    bar({ timestamp: T0 + i * DAY, symbol, open: c - 1, high: c + 1, low: c - 2, close: c, volume: 1000 }),
  );
}

/** Keeps every update as published: the reference the compact log must reproduce. */
function rawSink(): ResultSink & { updates: OrderUpdate[] } {
  const updates: OrderUpdate[] = [];
  return { updates, onOrder: (u) => updates.push(u) };
}

/** Market, limit (modified, then cancelled), stop and oversized (rejected) orders on two symbols. */
const strategy: Strategy = {
  onTimeSlice(slice, ctx) {
    const i = slice.index;
    if (i === 0) {
      ctx.bus.submit({ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100, tag: 'a' });
      ctx.bus.submit({ type: 'LIMIT', symbol: 'B', side: 'BUY', quantity: 50, limitPrice: 1 });
      ctx.bus.submit({ type: 'STOP', symbol: 'A', side: 'BUY', quantity: 10, stopPrice: 13 });
    }
    if (i === 1) ctx.bus.modify('O2', { quantity: 60, limitPrice: 2 });
    if (i === 2) {
      ctx.bus.cancel('O2');
      ctx.bus.submit({ type: 'MARKET', symbol: 'B', side: 'BUY', quantity: 1_000_000 });
    }
    if (i === 3) ctx.bus.submit({ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 110 });
  },
};

async function run(collector: ResultsCollector): Promise<OrderUpdate[]> {
  const raw = rawSink();
  await new Engine({
    initialCash: 10_000,
    feeds: [
      MultiSymbolDataFeed.fromEvents([...bars('A', [10, 11, 12, 14, 15, 16]), ...bars('B', [20, 21, 22, 23, 24, 25])], {
        name: 'ab',
      }),
    ],
    strategy,
    broker: new SimulatedBroker({ commission: percentageCommission({ rate: 0.001 }), account: cashAccount() }),
    sinks: [raw, collector],
  }).run();
  return raw.updates;
}

describe('compact order log', () => {
  it('rebuilds the published updates and order records exactly', async () => {
    const collector = new ResultsCollector();
    const published = await run(collector);
    const results = collector.results();
    const log = results.getOrderLog();
    expect(published.length).toBeGreaterThan(8);
    expect(new Set(published.map((u) => u.status))).toEqual(
      new Set(['SUBMITTED', 'ACCEPTED', 'FILLED', 'CANCELLED', 'REJECTED']),
    );
    expect(log).toStrictEqual(published);
    for (const u of log) expect(Object.isFrozen(u.order)).toBe(true);
    expect(log.map((u) => Object.keys(u.order))).toEqual(published.map((u) => Object.keys(u.order)));
    expect(log.map((u) => JSON.stringify(u))).toEqual(published.map((u) => JSON.stringify(u)));
    // Records: order of first appearance; the final snapshot is the last update's order (equal to the published).
    const ids = [...new Set(published.map((u) => u.order.id))];
    const orders = results.getOrders();
    expect(orders.map((r) => r.order.id)).toEqual(ids);
    for (const r of orders) {
      const own = published.filter((u) => u.order.id === r.order.id);
      expect(r.updates).toStrictEqual(own);
      expect(r.order).toBe(r.updates[r.updates.length - 1]?.order);
      expect(r.order).toStrictEqual(own[own.length - 1]?.order);
      for (const u of r.updates) expect(log).toContain(u);
    }
    expect(results.getOrderLog()).toBe(log);
    // A reused collector starts over; earlier results keep their log.
    await run(collector);
    expect(collector.results().getOrderLog()).toStrictEqual(published);
    expect(results.getOrderLog()).toBe(log);
  });

  it('keeps updates it cannot represent as they came, and a view does not change with later pushes', () => {
    const base = {
      id: 'O1',
      request: { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 1 },
      symbol: 'A',
      symbolId: 0,
      side: 'BUY',
      type: 'MARKET',
      quantity: 1,
      timeInForce: 'GTC',
      status: 'SUBMITTED',
      filledQuantity: 0,
      avgFillPrice: Number.NaN,
      submittedAt: 1,
      submittedIndex: 0,
      signalPrice: 10,
      stopLevel: Number.NaN,
      triggered: false,
    } as const;
    const u1 = { timestamp: 1, status: 'SUBMITTED', previousStatus: undefined, order: Object.freeze({ ...base }) };
    const u2 = {
      timestamp: 2,
      status: 'ACCEPTED',
      previousStatus: 'SUBMITTED',
      order: Object.freeze({ ...base, status: 'ACCEPTED', extra: 1 }),
    };
    const u3 = {
      timestamp: 3,
      status: 'FILLED',
      previousStatus: 'ACCEPTED',
      order: Object.freeze({ ...base, status: 'FILLED', filledQuantity: 1, avgFillPrice: 10 }),
    };
    const u4 = {
      timestamp: 4,
      status: 'SUBMITTED',
      previousStatus: undefined,
      order: Object.freeze({ ...base, id: 'B7', reason: { code: 'X', message: 'm' } }),
      reason: { code: 'X', message: 'm' },
    };
    // Same fields in another order: kept as is, so that key order (e.g. JSON output) is preserved too.
    const { id, ...rest } = base;
    const u5 = {
      timestamp: 5,
      status: 'SUBMITTED',
      previousStatus: undefined,
      order: Object.freeze({ ...rest, id: 'O9' }),
    };
    const updates = [u1, u2, u3] as unknown as OrderUpdate[];
    const log = new OrderLog(1);
    for (const u of updates) log.push(u);
    const view = log.materialize();
    log.push(u4 as unknown as OrderUpdate);
    expect(view.log()).toStrictEqual(updates);
    expect(view.log()[1]).toBe(u2);
    expect(view.orders()).toHaveLength(1);
    log.push(u5 as unknown as OrderUpdate);
    const all = log.materialize();
    expect(all.log()).toStrictEqual([...updates, u4, u5]);
    expect(all.log()[4]).toBe(u5);
    expect(all.log().map((u) => JSON.stringify(u))).toEqual([...updates, u4, u5].map((u) => JSON.stringify(u)));
    expect(all.orders().map((r) => r.updates.length)).toEqual([3, 1, 1]);
    expect(id).toBe('O1');
  });

  it('an empty run has an empty log', () => {
    const collector = new ResultsCollector();
    collector.onStart({} as RunInfo);
    collector.onEnd({} as never);
    expect(collector.results().getOrderLog()).toEqual([]);
    expect(collector.results().getOrders()).toEqual([]);
  });
});
