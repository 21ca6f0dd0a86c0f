import {
  type Broker,
  bar,
  bracket,
  Decimal,
  Engine,
  exactNotional,
  type FillEvent,
  type MarketEvent,
  type OrderUpdate,
  type ResultSink,
  type RunInfo,
  type Strategy,
  type Trade,
} from '@ml4t/core';
import {
  almgrenChrissImpact,
  marginAccount,
  percentageCommission,
  percentageSlippage,
  SimulatedBroker,
} from '@ml4t/execution';
import { MultiSymbolDataFeed } from '@ml4t/feeds';
import { describe, expect, it } from 'vitest';
import { FillLog } from '../src/collector/fill-log.js';
import { TradeLog } from '../src/collector/trade-log.js';
import { FILL_TABLE } from '../src/export/fill-table.js';
import { BacktestResults, ResultsCollector, TRADE_TABLE } from '../src/index.js';
import { DAY, T0 } from './support/fixtures.js';

/** Deterministic noisy closes (full-precision floats, the worst case for exact money). */
function bars(symbol: string, start: number, n: number): MarketEvent[] {
  let x = start;
  const out: MarketEvent[] = [];
  for (let i = 0; i < n; i++) {
    x *= 1 + Math.sin(i * 1.7 + start) * 0.031;
    out.push(
      bar({ timestamp: T0 + i * DAY, symbol, open: x * 0.997, high: x * 1.02, low: x * 0.98, close: x, volume: 5e4 }),
    );
  }
  return out;
}

/** Entries in two tranches, partial and whole exits, shorts, tags, stop orders, every few bars. */
const strategy: Strategy = {
  onTimeSlice(slice, ctx) {
    const i = slice.index;
    const phase = i % 6;
    for (const symbol of ['A', 'B']) {
      if (phase === 0) ctx.bus.submit({ type: 'MARKET', symbol, side: 'BUY', quantity: 30, tag: `t${i}` });
      if (phase === 1) ctx.bus.submit({ type: 'MARKET', symbol, side: 'BUY', quantity: 17 });
      if (phase === 2) ctx.bus.submit({ type: 'MARKET', symbol, side: 'SELL', quantity: 20 });
      if (phase === 3) ctx.bus.submit({ type: 'MARKET', symbol, side: 'SELL', quantity: 40 });
      if (phase === 4) ctx.bus.submit({ type: 'STOP', symbol, side: 'BUY', quantity: 13, stopPrice: 1 });
    }
  },
};

async function run(
  collector: ResultsCollector,
  wrap: (broker: SimulatedBroker) => Broker = (broker) => broker,
  ...sinks: ResultSink[]
): Promise<{ fills: FillEvent[]; trades: Trade[] }> {
  const fills: FillEvent[] = [];
  const trades: Trade[] = [];
  const engine = new Engine({
    initialCash: 1_000_000,
    feeds: [MultiSymbolDataFeed.fromEvents([...bars('A', 10, 60), ...bars('B', 23.7, 60)], { name: 'ab' })],
    strategy,
    broker: wrap(
      new SimulatedBroker({
        slippage: percentageSlippage({ rate: 0.0005 }),
        commission: percentageCommission({ rate: 0.001 }),
        impact: almgrenChrissImpact({ temporary: 0.1, permanent: 0.05 }),
        account: marginAccount(),
        settlementDelayDays: 1,
      }),
    ),
    sinks: [...sinks, collector],
  });
  engine.fills$.subscribe((f) => fills.push(f));
  engine.trades$.subscribe((t) => trades.push(t));
  await engine.run();
  return { fills, trades };
}

/** A fill in the simulated broker's form, with odd but representable values. */
function sampleFill(): FillEvent {
  return {
    id: 'F1',
    orderId: 'O1',
    timestamp: 1,
    sliceIndex: 0,
    symbol: 'A',
    symbolId: 0,
    side: 'BUY',
    orderType: 'MARKET',
    quantity: 1,
    price: 10.5,
    basePrice: 10,
    slippagePerUnit: 0.5,
    impactPerUnit: 0,
    slippage: new Decimal('0.5'),
    impact: new Decimal('-0'),
    commission: new Decimal('1e-30'),
    notional: new Decimal('123456789012345678901234.5678901234'),
    multiplier: 1,
    signalPrice: Number.NaN,
    priceRule: 'market@open',
    liquidity: 'taker',
    exitReason: 'SIGNAL',
    rule: 'stopLoss',
  } as unknown as FillEvent;
}

/** A trade record in the ledger's form, with odd but representable values. */
function sampleTrade(): Trade {
  return {
    id: 'T1',
    positionId: 'P1',
    symbol: 'A',
    symbolId: 0,
    direction: 'SHORT',
    quantity: 2,
    multiplier: 1,
    entryTime: 1,
    exitTime: 2,
    entryIndex: 0,
    exitIndex: 1,
    entryPrice: 10,
    exitPrice: 9,
    entryCommission: new Decimal(1),
    exitCommission: new Decimal(1),
    commission: new Decimal(2),
    entrySlippagePerUnit: 0,
    exitSlippagePerUnit: 0,
    entrySlippage: new Decimal(0),
    exitSlippage: new Decimal(0),
    slippage: new Decimal(0),
    entryImpact: new Decimal(0),
    exitImpact: new Decimal(0),
    impact: new Decimal(0),
    entryOrderIds: ['O1'],
    exitOrderId: 'O2',
    exitReason: 'SIGNAL',
    exitRule: undefined,
    pnlGross: new Decimal(2),
    pnlNet: new Decimal(0),
    returnPct: 0.1,
    netReturnPct: 0,
    barsHeld: 1,
    durationMs: 1,
    mfe: 0.1,
    mae: -0,
    entryContext: { score: 1, features: { f: 2 }, market: {} },
    exitContext: { score: Number.NaN, features: {}, market: {} },
    isOpen: false,
  } as unknown as Trade;
}

/** A broker that forwards every call to `broker` and declares nothing (no `canonicalFills`). */
function delegate(broker: SimulatedBroker): Broker {
  return {
    init: (ctx) => broker.init(ctx),
    submit: (request, meta) => broker.submit(request, meta),
    cancel: (orderId, reason) => broker.cancel(orderId, reason),
    modify: (orderId, changes) => broker.modify(orderId, changes),
    openOrders: (symbol) => broker.openOrders(symbol),
    onOpen: () => broker.onOpen(),
    exit: (request) => broker.exit(request),
    onClose: () => broker.onClose(),
    onEnd: () => broker.onEnd(),
    finish: () => broker.finish(),
  };
}

/** JSON with Decimals as their exact text (tagged), so key order and values are compared together. */
function json(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    return v instanceof Decimal ? `D:${v.s < 0 ? '-' : ''}${v.abs().toFixed()}` : v;
  });
}

describe('compact fills and trades', () => {
  it('rebuilds the published fills and trades exactly, with unchanged metrics and exports', async () => {
    const collector = new ResultsCollector();
    const published = await run(collector);
    const results = collector.results();
    expect(published.fills.length).toBeGreaterThan(50);
    expect(published.trades.length).toBeGreaterThan(20);
    // The run covers what the columns code: tags, settlement dates, shorts, several entry orders, impact.
    expect(published.fills.some((f) => f.tag !== undefined)).toBe(true);
    expect(published.fills.some((f) => f.settleAt !== undefined)).toBe(true);
    expect(published.fills.some((f) => !f.impact.isZero())).toBe(true);
    expect(new Set(published.trades.map((t) => t.direction))).toEqual(new Set(['LONG', 'SHORT']));
    expect(published.trades.some((t) => t.entryOrderIds.length > 1)).toBe(true);

    const fills = results.getFills();
    const trades = results.getTrades({ includeOpen: false });
    expect(fills).toEqual(published.fills);
    expect(trades).toEqual(published.trades);
    expect(fills.map(json)).toEqual(published.fills.map(json));
    expect(trades.map(json)).toEqual(published.trades.map(json));
    expect(fills.map((f) => Object.keys(f))).toEqual(published.fills.map((f) => Object.keys(f)));
    expect(trades.map((t) => Object.keys(t))).toEqual(published.trades.map((t) => Object.keys(t)));
    for (let k = 0; k < fills.length; k++) {
      const a = fills[k] as FillEvent;
      const b = published.fills[k] as FillEvent;
      for (const m of ['slippage', 'impact', 'commission', 'notional'] as const) {
        expect(a[m].eq(b[m]) && a[m].isNegative() === b[m].isNegative()).toBe(true);
      }
    }
    // Rebuilt from the columns, not kept.
    expect(fills.filter((f, k) => f === published.fills[k])).toEqual([]);
    expect(trades.filter((t, k) => t === published.trades[k])).toEqual([]);
    // Built once.
    expect(results.getFills()).toBe(fills);
    expect(results.getTrades({ includeOpen: false })).toBe(trades);

    // Metrics and exports equal those of results holding the published objects.
    const reference = new BacktestResults({
      info: results.info,
      summary: results.summary,
      closedTrades: published.trades,
      fills: published.fills,
      orders: results.getOrders(),
      orderLog: results.getOrderLog(),
      curve: results.getEquityCurve(),
    });
    expect(results.getMetrics()).toEqual(reference.getMetrics());
    expect(json(results.getMetrics())).toBe(json(reference.getMetrics()));
    for (const [rows, ref, table] of [
      [fills, published.fills, FILL_TABLE],
      [results.getTrades(), reference.getTrades(), TRADE_TABLE],
    ] as const) {
      const cells = (list: readonly unknown[]) =>
        list.map((r) => table.columns.map((c) => json((c.get as (row: unknown) => unknown)(r))));
      expect(cells(rows)).toEqual(cells(ref));
    }
  });

  it('rebuilds brackets, partial fills, trailing stops, reversals and rejections exactly', async () => {
    // Every few bars: a bracket (OCO legs, children of the entry), a trailing stop, a reversal, an order too big.
    const orders: Strategy = {
      onTimeSlice(slice, ctx) {
        const i = slice.index;
        const row = slice.symbolIds.indexOf(slice.symbols.id('A'));
        const price = row < 0 ? 10 : (slice.close[row] as number);
        if (i % 9 === 0) {
          ctx.bus.submit(
            bracket({
              entry: { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 700, tag: `b${i}` },
              stopPrice: price * 0.9,
              takeProfitPrice: price * 1.08,
            }),
          );
        }
        if (i % 9 === 3)
          ctx.bus.submit({ type: 'TRAILING_STOP', symbol: 'B', side: 'SELL', quantity: 5, trailPercent: 0.02 });
        if (i % 9 === 4) ctx.bus.submit({ type: 'MARKET', symbol: 'B', side: 'BUY', quantity: 900 });
        if (i % 9 === 6) ctx.bus.submit({ type: 'MARKET', symbol: 'B', side: 'SELL', quantity: 1500 });
        if (i % 9 === 7) ctx.bus.submit({ type: 'MARKET', symbol: 'B', side: 'BUY', quantity: 1e9 });
      },
    };
    const updates: OrderUpdate[] = [];
    const fills: FillEvent[] = [];
    const trades: Trade[] = [];
    const collector = new ResultsCollector();
    await new Engine({
      initialCash: 1_000_000,
      feeds: [MultiSymbolDataFeed.fromEvents([...bars('A', 10, 80), ...bars('B', 23.7, 80)], { name: 'ab' })],
      strategy: orders,
      broker: new SimulatedBroker({
        commission: percentageCommission({ rate: 0.001 }),
        account: marginAccount(),
        volumeLimit: { maxParticipation: 0.01 },
      }),
      sinks: [
        { onOrder: (u) => updates.push(u), onFill: (f) => fills.push(f), onTrade: (t) => trades.push(t) },
        collector,
      ],
    }).run();
    const results = collector.results();
    const order = (u: OrderUpdate) => u.order;
    // The run covers what it is meant to: partial fills, OCO legs with a parent, moving stops, rejections.
    expect(updates.some((u) => u.status === 'PARTIALLY_FILLED')).toBe(true);
    expect(updates.some((u) => order(u).parentId !== undefined && order(u).ocoGroup !== undefined)).toBe(true);
    expect(
      new Set(updates.filter((u) => order(u).type === 'TRAILING_STOP').map((u) => order(u).stopLevel)).size,
    ).toBeGreaterThan(2);
    expect(updates.some((u) => u.status === 'REJECTED' && u.reason !== undefined)).toBe(true);
    expect(trades.some((t) => t.direction === 'SHORT')).toBe(true);
    expect(results.getOrderLog()).toStrictEqual(updates);
    expect(results.getOrderLog().map((u) => JSON.stringify(u))).toEqual(updates.map((u) => JSON.stringify(u)));
    expect(results.getFills()).toEqual(fills);
    expect(results.getFills().map(json)).toEqual(fills.map(json));
    expect(results.getTrades({ includeOpen: false })).toEqual(trades);
    expect(results.getTrades({ includeOpen: false }).map(json)).toEqual(trades.map(json));
    // Rebuilt, not kept.
    expect(results.getOrderLog().filter((u, k) => u === updates[k])).toEqual([]);
    expect(results.getTrades({ includeOpen: false }).filter((t, k) => t === trades[k])).toEqual([]);
  });

  it('keeps records it cannot represent as they came, and a view does not change with later pushes', () => {
    const fill = sampleFill();
    const { id, ...rest } = fill;
    const variants = [
      { ...fill, id: 'X9', orderId: 'O01', tag: 'x', settleAt: 5 }, // odd ids: string tables, still compact
      { ...fill, extra: 1 }, // extra key
      { ...rest, id: 'F3' }, // another key order
      { ...fill, tag: undefined }, // optional key present but undefined
      { ...fill, commission: 0.5 }, // not a Decimal
      Object.freeze({ ...fill }),
    ] as unknown as FillEvent[];
    const log = new FillLog(2);
    log.push(fill);
    const view = log.materialize();
    for (const v of variants) log.push(v);
    expect(view()).toEqual([fill]);
    const all = log.materialize()();
    expect(all).toEqual([fill, ...variants]);
    expect(all.map(json)).toEqual([fill, ...variants].map(json));
    expect((all[1] as FillEvent).id).toBe('X9');
    for (let k = 2; k < all.length; k++) expect(all[k]).toBe(variants[k - 1]);
    expect(Object.is((all[0] as FillEvent).impact.s, -1)).toBe(true);
    expect(id).toBe('F1');

    const trade = sampleTrade();
    const tradeVariants = [
      { ...trade, exitRule: 'stopLoss', entryOrderIds: ['O1', 'x'], isOpen: true },
      { ...trade, extra: 1 },
      { ...trade, pnlNet: 1 },
    ] as unknown as Trade[];
    const trades = new TradeLog(undefined, 2);
    for (const t of [trade, ...tradeVariants]) trades.push(t);
    const rebuilt = trades.materialize()();
    expect(rebuilt).toEqual([trade, ...tradeVariants]);
    expect(rebuilt.map(json)).toEqual([trade, ...tradeVariants].map(json));
    expect(Object.keys(rebuilt[0] as Trade)).toEqual(Object.keys(trade));
    expect(Object.is((rebuilt[0] as Trade).mae, -0)).toBe(true);
    expect(rebuilt[2]).toBe(tradeVariants[1]);
  });

  it('in canonical form, checks only the values user code supplies', () => {
    const fill = sampleFill();
    const userValues = [
      { ...fill, id: 'F2', tag: null }, // a request's tag that is not a string
      { ...fill, id: 'F3', rule: 7 }, // a rule's name that is not a string
      { ...fill, id: 'F4', commission: 0.5 }, // a cost model's amount that is not a Decimal
      { ...fill, id: 'F5', slippage: new Decimal(`1.${'3'.repeat(60)}`) }, // more digits than the rows hold
    ] as unknown as FillEvent[];
    const log = new FillLog(2, true);
    for (const f of [fill, ...userValues]) log.push(f);
    const all = log.materialize()();
    expect(all).toEqual([fill, ...userValues]);
    expect(all[0]).not.toBe(fill);
    for (let k = 1; k < all.length; k++) expect(all[k]).toBe(userValues[k - 1]);

    const trade = sampleTrade();
    const tradeUserValues = [
      { ...trade, id: 'T2', exitRule: 7 },
      { ...trade, id: 'T3', exitCommission: 0.01 },
    ] as unknown as Trade[];
    const trades = new TradeLog(undefined, 2, true);
    for (const t of [trade, ...tradeUserValues]) trades.push(t);
    const rebuilt = trades.materialize()();
    expect(rebuilt).toEqual([trade, ...tradeUserValues]);
    expect(rebuilt.map(json)).toEqual([trade, ...tradeUserValues].map(json));
    expect(rebuilt[0]).not.toBe(trade);
    expect(rebuilt[1]).toBe(tradeUserValues[0]);
    expect(rebuilt[2]).toBe(tradeUserValues[1]);
  });

  it('in canonical form, takes the totals and the net P&L as the ledger computes them', () => {
    const trade = sampleTrade();
    // Amounts that are not entry + exit and gross − commission: no ledger builds such a record.
    const odd = { ...trade, commission: new Decimal(3), slippage: new Decimal('0.5'), pnlNet: new Decimal(9) };
    const canonical = new TradeLog(undefined, undefined, true);
    canonical.push(odd);
    const [rebuilt] = canonical.materialize()();
    expect(rebuilt).toEqual({ ...odd, commission: new Decimal(2), slippage: new Decimal(0), pnlNet: new Decimal(0) });
    // Checked and stored as they came when the records are not declared canonical.
    const checked = new TradeLog(undefined, undefined, false);
    checked.push(odd);
    expect(checked.materialize()()).toEqual([odd]);
    expect(json(checked.materialize()()[0])).toBe(json(odd));
  });

  it("stores a canonical fill's notional as a flag when it is core's remembered product", () => {
    /** A fill whose notional the broker's way would give (`fresh`: an equal value in a new object instead). */
    const brokerFill = (price: number, quantity: number, multiplier: number, fresh: boolean) => {
      const notional = exactNotional(price, quantity, multiplier);
      return {
        ...sampleFill(),
        price,
        quantity,
        multiplier,
        notional: fresh ? new Decimal(notional.toString()) : notional,
      } as FillEvent;
    };
    const words = (log: FillLog) => (log as unknown as { store: { stream: { ip: number } } }).store.stream.ip;
    const cases: [number, number, number][] = [
      [99.94003000000001, 300, 1],
      [4512.25 * 0.9995, 3, 50],
      [0.3366, 0.31261490424134386, 1000],
    ];
    for (const [price, quantity, multiplier] of cases) {
      const derived = new FillLog(undefined, true);
      const stored = new FillLog(undefined, true);
      // Pushed right after the broker's computation, as the engine does.
      const a = brokerFill(price, quantity, multiplier, false);
      derived.push(a);
      const b = brokerFill(price, quantity, multiplier, true);
      stored.push(b);
      expect(words(derived)).toBeLessThan(words(stored));
      for (const [log, fill] of [
        [derived, a],
        [stored, b],
      ] as const) {
        const [rebuilt] = log.materialize()();
        expect(rebuilt).toEqual(fill);
        expect(json(rebuilt)).toBe(json(fill));
      }
    }
    // Not canonical: the notional is stored whatever it is.
    const checked = new FillLog(undefined, false);
    const fill = brokerFill(99.94003000000001, 300, 1, false);
    checked.push(fill);
    const stored = new FillLog(undefined, false);
    stored.push(brokerFill(99.94003000000001, 300, 1, true));
    expect(words(checked)).toBe(words(stored));
    expect(checked.materialize()()).toEqual([fill]);
  });

  it("is told whether a run's records are canonical, and rebuilds them exactly either way", async () => {
    const seen: boolean[] = [];
    const spy = { onStart: (info: RunInfo) => seen.push(info.canonicalRecords === true) };
    const canonical = new ResultsCollector();
    const published = await run(canonical, (broker) => broker, spy);
    // A broker that does not declare canonical fills (here the simulated broker behind a plain object).
    const checked = new ResultsCollector();
    const wrapped = await run(checked, (broker) => delegate(broker), spy);
    expect(seen).toEqual([true, false]);
    expect(wrapped.fills.map(json)).toEqual(published.fills.map(json));
    for (const [collector, records] of [
      [canonical, published],
      [checked, wrapped],
    ] as const) {
      const results = collector.results();
      expect(results.getFills().map(json)).toEqual(records.fills.map(json));
      expect(results.getTrades({ includeOpen: false }).map(json)).toEqual(records.trades.map(json));
      expect(results.getFills().filter((f, k) => f === records.fills[k])).toEqual([]);
    }
  });

  it('an empty run has no fills or trades', () => {
    const collector = new ResultsCollector();
    collector.onStart({} as RunInfo);
    collector.onEnd({ openTrades: [] } as never);
    expect(collector.results().getFills()).toEqual([]);
    expect(collector.results().getTrades()).toEqual([]);
  });
});
