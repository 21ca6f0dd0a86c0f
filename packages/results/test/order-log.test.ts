import {
  bar,
  Engine,
  type MarketEvent,
  type Order,
  type OrderUpdate,
  type ResultSink,
  type RunInfo,
  type Strategy,
} from '@ml4t/core';
import { cashAccount, percentageCommission, SimulatedBroker } from '@ml4t/execution';
import { MultiSymbolDataFeed } from '@ml4t/feeds';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { OrderLog } from '../src/collector/order-log.js';
import type { OrderRecord } from '../src/collector/order-record.js';
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
    const base = snapshotBase('O1');
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

  it('rebuilds random histories exactly: odd values, ids, requests, reasons, statuses and off-shape updates', () => {
    let coded = 0;
    let kept = 0;
    fc.assert(
      fc.property(histories, fc.integer({ min: 1, max: 200 }), fc.nat(), ({ updates }, chunk, cut) => {
        const log = new OrderLog(chunk);
        const at = cut % (updates.length + 1);
        for (const u of updates.slice(0, at)) log.push(u);
        const early = log.materialize();
        for (const u of updates.slice(at)) log.push(u);
        const all = log.materialize();
        expectRebuilt(all, updates);
        expectRebuilt(early, updates.slice(0, at));
        all.log().forEach((u, k) => {
          if (u === updates[k]) kept++;
          else coded++;
        });
      }),
      { numRuns: 300 },
    );
    // Both paths are exercised, each in a good share of the updates.
    expect(coded).toBeGreaterThan((coded + kept) / 5);
    expect(kept).toBeGreaterThan((coded + kept) / 5);
  });

  it('rebuilds live updates (a broker record, one reused update object) as copies, mixed with copies', () => {
    let live = 0;
    fc.assert(
      fc.property(histories, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), ({ updates }, lives) => {
        const log = new OrderLog(64);
        const reused = new LiveUpdate();
        const expected = updates.map((u, k) => {
          if (lives[k % lives.length] !== true) {
            log.push(u);
            return u;
          }
          live++;
          reused.set(u);
          log.pushLive(reused as unknown as OrderUpdate);
          reused.clear();
          return canonicalCopy(u);
        });
        expectRebuilt(log.materialize(), expected);
      }),
      { numRuns: 300 },
    );
    expect(live).toBeGreaterThan(500);
  });

  it('takes the live path in a run when every order sink has onOrderLive, with the same results', async () => {
    const copies = new ResultsCollector();
    const published = await run(copies);
    const collector = new ResultsCollector();
    const onOrder = vi.spyOn(collector, 'onOrder');
    const onOrderLive = vi.spyOn(collector, 'onOrderLive');
    await new Engine({
      initialCash: 10_000,
      feeds: [
        MultiSymbolDataFeed.fromEvents(
          [...bars('A', [10, 11, 12, 14, 15, 16]), ...bars('B', [20, 21, 22, 23, 24, 25])],
          {
            name: 'ab',
          },
        ),
      ],
      strategy,
      broker: new SimulatedBroker({ commission: percentageCommission({ rate: 0.001 }), account: cashAccount() }),
      sinks: [collector],
    }).run();
    expect(onOrder).not.toHaveBeenCalled();
    expect(onOrderLive).toHaveBeenCalledTimes(published.length);
    const log = collector.results().getOrderLog();
    expect(log).toStrictEqual(published);
    expect(log.map((u) => JSON.stringify(u, keysOf))).toEqual(published.map((u) => JSON.stringify(u, keysOf)));
    for (const u of log) expect(Object.isFrozen(u.order)).toBe(true);
    expect(collector.results().getOrders()).toStrictEqual(copies.results().getOrders());
  });

  it('keeps an order working while 4,096 later orders come and go, its later updates as they came', () => {
    const order = (id: string, status: string, extra: object = {}) =>
      Object.freeze({ ...snapshotBase(id), status, ...extra }) as unknown as Order;
    const updates: OrderUpdate[] = [
      update(1, 'SUBMITTED', undefined, order('O1', 'SUBMITTED')),
      update(1, 'ACCEPTED', 'SUBMITTED', order('O1', 'ACCEPTED')),
    ];
    for (let k = 2; k <= 4200; k++) {
      updates.push(update(k, 'SUBMITTED', undefined, order(`O${k}`, 'SUBMITTED')));
      if (k % 2 === 0) updates.push(update(k, 'CANCELLED', 'SUBMITTED', order(`O${k}`, 'CANCELLED')));
    }
    updates.push(update(9, 'FILLED', 'ACCEPTED', order('O1', 'FILLED', { filledQuantity: 1, avgFillPrice: 10 })));
    const log = new OrderLog();
    for (const u of updates) log.push(u);
    const view = log.materialize();
    expectRebuilt(view, updates);
    expect(view.log()[updates.length - 1]).toBe(updates[updates.length - 1]);
    expect(view.orders()[0]?.updates).toHaveLength(3);
  });

  it('an empty run has an empty log', () => {
    const collector = new ResultsCollector();
    collector.onStart({} as RunInfo);
    collector.onEnd({} as never);
    expect(collector.results().getOrderLog()).toEqual([]);
    expect(collector.results().getOrders()).toEqual([]);
  });
});

/** A broker's own mutable record of an order: the {@link Order} fields and fields of its own. */
class LiveOrder {
  phase = 'open';
  [key: string]: unknown;
}

/** One update object reused for every live update, as the simulated broker does. */
class LiveUpdate {
  timestamp = 0;
  status: unknown;
  previousStatus: unknown;
  order: LiveOrder | undefined;
  reason: unknown;

  /** Takes the values of `u` (its order's {@link Order} fields into a live record). */
  set(u: OrderUpdate): void {
    const order = new LiveOrder();
    for (const key of ORDER_FIELDS) order[key] = (u.order as unknown as Record<string, unknown>)[key];
    this.timestamp = u.timestamp;
    this.status = u.status;
    this.previousStatus = u.previousStatus;
    this.order = order;
    this.reason = u.reason;
  }

  clear(): void {
    this.order = undefined;
    this.reason = undefined;
  }
}

/** The {@link Order} fields in the simulated broker's snapshot order (the last three optional). */
const ORDER_FIELDS = [...Object.keys(snapshotBase('O1')), 'parentId', 'ocoGroup', 'reason'];

/** What a live update is rebuilt as: the simulated broker's copy (optional fields only when defined). */
function canonicalCopy(u: OrderUpdate): OrderUpdate {
  const order: Record<string, unknown> = {};
  for (const key of ORDER_FIELDS) {
    const value = (u.order as unknown as Record<string, unknown>)[key];
    if (value !== undefined || ORDER_FIELDS.indexOf(key) < 16) order[key] = value;
  }
  const copy: Record<string, unknown> = {
    timestamp: u.timestamp,
    status: u.status,
    previousStatus: u.previousStatus,
    order: Object.freeze(order),
  };
  if (u.reason !== undefined) copy.reason = u.reason;
  return copy as unknown as OrderUpdate;
}

/** The fields of the simulated broker's snapshot (status and fill state to be set). */
function snapshotBase(id: string) {
  return {
    id,
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
  };
}

function update(timestamp: number, status: string, previousStatus: string | undefined, order: Order): OrderUpdate {
  return { timestamp, status, previousStatus, order } as unknown as OrderUpdate;
}

/** Expects a view to hold `updates` rebuilt: equal (keys, order, values), frozen orders, records by id. */
function expectRebuilt(
  view: { readonly log: () => readonly OrderUpdate[]; readonly orders: () => readonly OrderRecord[] },
  updates: readonly OrderUpdate[],
): void {
  const log = view.log();
  expect(log).toStrictEqual(updates);
  expect(log.map((u) => JSON.stringify(u, keysOf))).toEqual(updates.map((u) => JSON.stringify(u, keysOf)));
  log.forEach((u, k) => {
    expect(Object.isFrozen(u.order)).toBe(Object.isFrozen(updates[k]?.order));
  });
  const byId = new Map<string, OrderUpdate[]>();
  for (const u of updates) byId.set(u.order.id, [...(byId.get(u.order.id) ?? []), u]);
  const orders = view.orders();
  expect(orders.map((r) => r.order.id)).toEqual([...byId.keys()]);
  for (const r of orders) {
    expect(r.updates).toStrictEqual(byId.get(r.order.id));
    expect(r.order).toBe(r.updates[r.updates.length - 1]?.order);
  }
}

/** JSON of an object with its own keys listed (key order and present-but-undefined keys included). */
function keysOf(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '-0';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k] ?? `u:${k}`]));
  }
  return value;
}

const STATUS_POOL = ['SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED'];
const odd = fc.constantFrom(0, -0, 1, 2.5, 100, Number.NaN, 1e-300, 123456.789, -3, Number.POSITIVE_INFINITY);
const label = fc.constantFrom('a', 'b', 'grp', '');
const flat = fc.oneof(fc.string({ maxLength: 4 }), odd, fc.boolean(), fc.constant(null), fc.constant(undefined));
/** A request: the usual fields (often equal to the order's), sometimes more, frozen, or not flat. */
const request = fc
  .record({
    symbol: fc.constantFrom('A', 'B'),
    side: fc.constantFrom('BUY', 'SELL'),
    quantity: odd,
    extra: fc.option(fc.dictionary(fc.constantFrom('tag', 'limitPrice', 'reduceOnly', 'k'), flat), { nil: undefined }),
    shape: fc.constantFrom('plain', 'plain', 'plain', 'frozen', 'nested'),
  })
  .map(({ symbol, side, quantity, extra, shape }) => {
    const r: Record<string, unknown> = { type: 'MARKET', symbol, side, quantity, ...extra };
    if (shape === 'nested') r.onFill = [{ type: 'MARKET', side: 'SELL' }];
    return shape === 'frozen' ? Object.freeze(r) : r;
  });
const reason = fc.oneof(
  { arbitrary: fc.record({ code: label, message: fc.string({ maxLength: 5 }) }), weight: 5 },
  { arbitrary: fc.record({ code: label, message: fc.string({ maxLength: 5 }), source: label }), weight: 5 },
  { arbitrary: fc.constant({ code: 'x', details: { n: 1 } }), weight: 1 },
);
/** Mostly `usual`, sometimes `rare`. */
function mostly<T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: usual, weight: 15 }, { arbitrary: rare, weight: 1 });
}
/** Statuses, working ones more often than final ones, unknown ones rarely. */
const status = mostly(
  fc.constantFrom(...STATUS_POOL.slice(0, 3), ...STATUS_POOL.slice(0, 3), ...STATUS_POOL),
  fc.constant('WEIRD'),
);
/** One update's changes: status, fill state, quantity, stop level, reasons, request, shape deviations. */
const step = fc.record({
  status,
  previousStatus: fc.option(status, { nil: undefined }),
  timestamp: fc.constantFrom(1, 1, 2, 3, -0, Number.NaN),
  quantity: fc.option(odd, { nil: undefined }),
  filled: fc.constantFrom('none', 'all', 'part'),
  avg: odd,
  stop: fc.option(odd, { nil: undefined }),
  triggered: fc.boolean(),
  reason: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: reason, weight: 1 }),
  updateReason: mostly(fc.constantFrom('none', 'none', 'shared', 'own'), fc.constant('undefined')),
  newRequest: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: request, weight: 1 }),
  deviation: mostly(fc.constant('none'), fc.constantFrom('extra', 'order', 'mutable', 'plain')),
});
/** An order: fixed fields, and the updates it goes through. */
const spec = fc.record({
  id: fc.constantFrom('seq', 'seq', 'seq', 'seq', 'seq', 'X', 'O0', 'dup'),
  request,
  symbol: fc.constantFrom('A', 'B'),
  symbolId: fc.constantFrom(0, 1, 2, -1, 2 ** 21),
  side: fc.constantFrom('BUY', 'SELL'),
  type: fc.constantFrom('MARKET', 'LIMIT', 'STOP'),
  timeInForce: fc.constantFrom('GTC', 'DAY'),
  quantity: odd,
  submittedAt: fc.constantFrom(1, 2, -0),
  submittedIndex: fc.constantFrom(0, 0, 1, 7),
  signalPrice: odd,
  stop: odd,
  parentId: fc.option(label, { nil: undefined }),
  ocoGroup: fc.option(label, { nil: undefined }),
  steps: fc.array(step, { minLength: 1, maxLength: 4 }),
});
// Statuses are drawn independently of the lifecycle: once an order reaches a final one, its later updates are
// kept as they came; sorting the steps' statuses keeps most histories codable to their end.

/** Random order histories, interleaved (each order's updates in order) as the log receives them. */
const histories = fc
  .tuple(fc.array(spec, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 60 }))
  .map(([specs, picks]) => {
    const queues = specs.map((sp, k) => {
      const id = sp.id === 'seq' ? `O${k + 1}` : sp.id === 'dup' ? 'O1' : `${sp.id}${k}`;
      let req: unknown = sp.request;
      let quantity = sp.quantity;
      let stop = sp.stop;
      let orderReason: unknown;
      const rank = (x: string) => (STATUS_POOL.includes(x) ? STATUS_POOL.indexOf(x) : STATUS_POOL.length);
      const steps = [...sp.steps].sort((x, y) => rank(x.status) - rank(y.status));
      return steps.map((st) => {
        if (st.newRequest !== undefined) req = st.newRequest;
        if (st.quantity !== undefined) quantity = st.quantity;
        if (st.stop !== undefined) stop = st.stop;
        if (st.reason !== undefined) orderReason = st.reason;
        const copy: Record<string, unknown> = {
          id,
          request: req,
          symbol: sp.symbol,
          symbolId: sp.symbolId,
          side: sp.side,
          type: sp.type,
          quantity,
          timeInForce: sp.timeInForce,
          status: st.status,
          filledQuantity: st.filled === 'none' ? 0 : st.filled === 'all' ? quantity : 0.5,
          avgFillPrice: st.filled === 'none' ? Number.NaN : st.avg,
          submittedAt: sp.submittedAt,
          submittedIndex: sp.submittedIndex,
          signalPrice: sp.signalPrice,
          stopLevel: stop,
          triggered: st.triggered,
        };
        if (sp.parentId !== undefined) copy.parentId = sp.parentId;
        if (sp.ocoGroup !== undefined) copy.ocoGroup = sp.ocoGroup;
        if (orderReason !== undefined) copy.reason = orderReason;
        if (st.deviation === 'extra') copy.note = 1;
        const order =
          st.deviation === 'order'
            ? Object.freeze({ symbol: copy.symbol, ...copy })
            : st.deviation === 'mutable'
              ? copy
              : st.deviation === 'plain'
                ? Object.freeze(Object.assign(Object.create({ inherited: 1 }), copy))
                : Object.freeze(copy);
        const u: Record<string, unknown> = {
          timestamp: st.timestamp,
          status: st.status,
          previousStatus: st.previousStatus,
          order,
        };
        if (st.updateReason === 'shared' && orderReason !== undefined) u.reason = orderReason;
        if (st.updateReason === 'own') u.reason = { code: 'own', message: 'm' };
        if (st.updateReason === 'undefined') u.reason = undefined;
        return u as unknown as OrderUpdate;
      });
    });
    const updates: OrderUpdate[] = [];
    let p = 0;
    while (queues.some((q) => q.length > 0)) {
      const live = queues.filter((q) => q.length > 0);
      updates.push((live[(picks[p++] ?? 0) % live.length] as OrderUpdate[]).shift() as OrderUpdate);
    }
    return { updates };
  });
