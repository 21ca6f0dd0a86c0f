import { bar, Engine, type MarketEvent, type ResultSink, type Strategy, type Trade, toMoney } from '@ml4t/core';
import { cashAccount, percentageCommission, percentageSlippage, SimulatedBroker } from '@ml4t/execution';
import { MultiSymbolDataFeed } from '@ml4t/feeds';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResultsCollector } from '../src/index.js';
import { DAY, T0 } from './support/fixtures.js';

function bars(symbol: string, closes: readonly number[]): MarketEvent[] {
  return closes.map((c, i) =>
    bar({ timestamp: T0 + i * DAY, symbol, open: c - 1, high: c + 1, low: c - 2, close: c, volume: 1000 }),
  );
}

/** Daily bars of symbol `A` (open = close − 1) as a feed. */
function feed(closes: readonly number[]): MultiSymbolDataFeed {
  return MultiSymbolDataFeed.fromEvents(bars('A', closes), { name: 'a' });
}

/** Orders by slice index: `[index, side, quantity]`. */
function scripted(orders: readonly (readonly [number, 'BUY' | 'SELL', number])[], symbol = 'A'): Strategy {
  return {
    onTimeSlice(slice, ctx) {
      for (const [i, side, quantity] of orders) {
        if (i === slice.index) ctx.bus.submit({ type: 'MARKET', symbol, side, quantity, tag: `s${i}` });
      }
    },
  };
}

/** A custom sink, written in a few lines: it keeps a running P&L and a compact event log. */
function auditSink(): ResultSink & { log: string[]; realised: () => string } {
  const log: string[] = [];
  let realised = toMoney(0);
  return {
    log,
    realised: () => realised.toFixed(),
    onStart: (info) => log.push(`start ${info.initialCash.toFixed()} ${info.symbols.list().join(',')}`),
    onOrder: (u) => log.push(`order ${u.order.id} ${u.status}`),
    onFill: (f) => log.push(`fill ${f.id} ${f.side} ${f.quantity}@${f.price}`),
    onTrade: (t) => {
      realised = realised.plus(t.pnlNet);
      log.push(`trade ${t.id} ${t.quantity} ${t.pnlNet.toFixed()}`);
    },
    onEnd: (s) => log.push(`end ${s.finalCash.toFixed()}`),
  };
}

describe('ResultsCollector as an engine sink', () => {
  it('collects a run with partial exits; trade P&L reconciles with cash exactly; a custom sink sees the same run', async () => {
    const collector = new ResultsCollector();
    const audit = auditSink();
    const engine = new Engine({
      initialCash: 10_000,
      // buy 100 on b0 (fills b1 @ open 10), sell 40 on b2 (b3 @ 13), sell 60 on b4 (b5 @ 15); these opens are
      // chosen so that open × 1.01 and open × 0.99 are exactly the floats of the decimals below
      feeds: [feed([10, 11, 12, 14, 15, 16, 17])],
      strategy: scripted([
        [0, 'BUY', 100],
        [2, 'SELL', 40],
        [4, 'SELL', 60],
      ]),
      broker: new SimulatedBroker({
        slippage: percentageSlippage({ rate: 0.01 }),
        commission: percentageCommission({ rate: 0.001 }),
      }),
      sinks: [collector, audit],
      describe: { strategy: 'scripted', costs: { slippage: '1%', commission: '0.1%' } },
    });
    const summary = await engine.run();
    const results = collector.results();

    const trades = results.getTrades();
    expect(trades.map((t) => [t.id, t.positionId, t.quantity])).toEqual([
      ['T1', 'P1', 40],
      ['T2', 'P1', 60],
    ]);
    // entry 10.10 (10 + 1 %), exits 12.87 and 14.85 (−1 %): gross 40 × 2.77 = 110.8 and 60 × 4.75 = 285
    expect(trades.map((t) => [t.entryPrice, t.exitPrice])).toEqual([
      [10.1, 12.87],
      [10.1, 14.85],
    ]);
    expect(trades[0]?.pnlGross.toFixed()).toBe('110.8');
    expect(trades[1]?.pnlGross.toFixed()).toBe('285');
    const net = trades.reduce((sum, t) => sum.plus(t.pnlNet), toMoney(0));
    expect(toMoney(10_000).plus(net).toFixed()).toBe(summary.finalCash.toFixed());
    expect(audit.realised()).toBe(net.toFixed());

    // Fills, orders (final state + update log) and the equity curve.
    expect(results.getFills().map((f) => f.tag)).toEqual(['s0', 's2', 's4']);
    const orders = results.getOrders();
    expect(orders.map((o) => [o.order.id, o.order.status, o.updates.map((u) => u.status)])).toEqual([
      ['O1', 'FILLED', ['SUBMITTED', 'ACCEPTED', 'FILLED']],
      ['O2', 'FILLED', ['SUBMITTED', 'ACCEPTED', 'FILLED']],
      ['O3', 'FILLED', ['SUBMITTED', 'ACCEPTED', 'FILLED']],
    ]);
    expect(results.getOrderLog()).toHaveLength(9);
    const curve = results.getEquityCurve();
    expect(curve.length).toBe(7);
    expect(curve.equity[0]).toBe(10_000);
    expect(curve.openPositions[1]).toBe(1);
    expect(curve.equity[6]).toBeCloseTo(summary.finalEquity, 9);

    // Metrics: costs in dollars, trade stats, breakdowns.
    const m = results.getMetrics();
    // commission 0.1 % × (1010 + 514.8 + 891); slippage 100 × 0.10 + 40 × 0.13 + 60 × 0.15
    expect(m.totalCommission.toFixed()).toBe('2.4158');
    expect(m.totalSlippage.toFixed()).toBe('24.2');
    expect(m.costDrag).toBeCloseTo(26.6158 / 10_000, 15);
    expect(m.trades.count).toBe(2);
    expect(m.trades.winRate).toBe(1);
    expect(m.trades.netPnl.toFixed()).toBe(net.toFixed());
    expect(m.bySymbol.A?.count).toBe(2);
    expect(m.bySide.LONG.count).toBe(2);
    expect(m.totalReturn).toBeCloseTo(net.toNumber() / 10_000, 12);
    expect(results.info.config).toEqual({ strategy: 'scripted', costs: { slippage: '1%', commission: '0.1%' } });

    // The custom sink saw the same events, in order.
    expect(audit.log[0]).toBe('start 10000 A');
    expect(audit.log.filter((l) => l.startsWith('fill'))).toHaveLength(3);
    expect(audit.log.filter((l) => l.startsWith('trade'))).toEqual([
      `trade T1 40 ${trades[0]?.pnlNet.toFixed()}`,
      `trade T2 60 ${trades[1]?.pnlNet.toFixed()}`,
    ]);
    expect(audit.log.at(-1)).toBe(`end ${summary.finalCash.toFixed()}`);
  });

  it('reports a position open at the end as an open trade marked to the last close', async () => {
    const collector = new ResultsCollector();
    const summary = await new Engine({
      initialCash: 1_000,
      feeds: [feed([10, 11, 12])],
      strategy: scripted([[0, 'BUY', 10]]),
      broker: new SimulatedBroker(),
      sinks: [collector],
    }).run();
    const results = collector.results();
    expect(results.getTrades({ includeOpen: false })).toEqual([]);
    const open = results.getTrades()[0] as Trade;
    expect(open).toMatchObject({ isOpen: true, exitReason: 'END_OF_DATA', exitPrice: 12, quantity: 10 });
    // entry at b1's open 10, marked at the last close 12
    expect(open.pnlNet.toFixed()).toBe('20');
    expect(1_000 + open.pnlNet.toNumber()).toBeCloseTo(summary.finalEquity, 9);
    expect(results.getMetrics().trades.count).toBe(0);
    expect(results.getMetrics({ includeOpenTrades: true }).trades.count).toBe(1);
  });

  it('keeps partial results readable when the strategy throws', async () => {
    const collector = new ResultsCollector();
    const engine = new Engine({
      initialCash: 1_000,
      feeds: [feed([10, 11, 12, 13])],
      strategy: {
        onTimeSlice(slice, ctx) {
          if (slice.index === 0) ctx.bus.submit({ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 1 });
          if (slice.index === 2) throw new Error('model exploded');
        },
      },
      broker: new SimulatedBroker(),
      sinks: [collector],
    });
    expect(collector.isComplete).toBe(false);
    expect(() => collector.results()).toThrow(/after onEnd/);
    await expect(engine.run()).rejects.toMatchObject({ name: 'StrategyError' });
    const results = collector.results();
    expect(results.summary.error?.message).toContain('model exploded');
    expect(results.getFills()).toHaveLength(1);
    expect(results.getEquityCurve().length).toBe(2);
    expect(Number.isFinite(results.getMetrics().totalReturn)).toBe(true);
  });

  it('validates its options with ConfigError key paths', () => {
    expect(() => new ResultsCollector({ capacity: 0 })).toThrow(/capacity/);
    expect(() => new ResultsCollector({ metrics: { periodsPerYear: -1 } })).toThrow(/metrics\.periodsPerYear/);
    expect(() => new ResultsCollector({ metrics: { riskFreeRate: Number.NaN } })).toThrow(/metrics\.riskFreeRate/);
    expect(new ResultsCollector({ metrics: { periodsPerYear: { periodsPerYear: 365 } } })).toBeInstanceOf(
      ResultsCollector,
    );
  });

  it('applies collector metric defaults and per-call overrides', async () => {
    const collector = new ResultsCollector({ metrics: { periodsPerYear: 365 }, capacity: 16 });
    const closes = Array.from({ length: 40 }, (_, i) => 10 + Math.sin(i / 3) + i * 0.05);
    await new Engine({
      initialCash: 1_000,
      feeds: [feed(closes)],
      strategy: scripted([[0, 'BUY', 50]]),
      broker: new SimulatedBroker(),
      sinks: [collector],
    }).run();
    const results = collector.results();
    expect(results.getEquityCurve().length).toBe(40);
    expect(results.getMetrics().periodsPerYear).toBe(365);
    expect(results.getMetrics()).toBe(results.getMetrics());
    const daily = results.getMetrics({ periodsPerYear: 252 });
    expect(daily.periodsPerYear).toBe(252);
    expect(daily.sharpe / results.getMetrics().sharpe).toBeCloseTo(Math.sqrt(252 / 365), 12);
  });
});

describe('reconciliation (property)', () => {
  it('initial cash + Σ trade pnlNet = final cash when flat, ≈ final equity with open trades', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 5, max: 50, noNaN: true }), { minLength: 6, maxLength: 30 }),
        fc.array(
          fc.tuple(fc.nat(25), fc.constantFrom('BUY' as const, 'SELL' as const), fc.integer({ min: 1, max: 20 })),
          {
            maxLength: 12,
          },
        ),
        fc.boolean(),
        async (closes, orders, flatten) => {
          const n = closes.length;
          const script = orders.filter(([i]) => i < n - 2);
          const strategy: Strategy = {
            onTimeSlice(slice, ctx) {
              for (const [i, side, quantity] of script) {
                if (i === slice.index) ctx.bus.submit({ type: 'MARKET', symbol: 'A', side, quantity });
              }
              const held = ctx.portfolio.quantity(0);
              if (flatten && slice.index === n - 2 && held !== 0) {
                ctx.bus.submit({
                  type: 'MARKET',
                  symbol: 'A',
                  side: held > 0 ? 'SELL' : 'BUY',
                  quantity: Math.abs(held),
                });
              }
            },
          };
          const collector = new ResultsCollector();
          const summary = await new Engine({
            initialCash: 100_000,
            feeds: [feed(closes)],
            strategy,
            // the script may sell more than it holds: shorts allowed (cash covers any buy here)
            broker: new SimulatedBroker({
              slippage: percentageSlippage({ rate: 0.002 }),
              commission: percentageCommission({ rate: 0.0005 }),
              account: cashAccount({ allowShorts: true }),
            }),
            sinks: [collector],
          }).run();
          const results = collector.results();
          // no order was rejected (shorts allowed, cash ample): every scripted order took part
          for (const o of results.getOrders()) expect(o.order.status).toBe('FILLED');
          const closed = results.getTrades({ includeOpen: false });
          const realised = closed.reduce((s, t) => s.plus(t.pnlNet), toMoney(0));
          if (summary.openTrades.length === 0) {
            expect(toMoney(100_000).plus(realised).toFixed()).toBe(summary.finalCash.toFixed());
          }
          const all = results.getTrades().reduce((s, t) => s + t.pnlNet.toNumber(), 0);
          expect(100_000 + all).toBeCloseTo(summary.finalEquity, 6);
          for (const t of closed) {
            expect(t.pnlGross.minus(t.commission).eq(t.pnlNet)).toBe(true);
            expect(Math.sign(t.pnlGross.toNumber())).toBe(Math.sign(t.returnPct));
          }
          const m = results.getMetrics();
          expect(m.trades.netPnl.eq(realised)).toBe(true);
          expect(m.totalCommission.eq(results.getFills().reduce((s, f) => s.plus(f.commission), toMoney(0)))).toBe(
            true,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
