import {
  Engine,
  type OrderUpdate,
  type PortfolioRule,
  ReasonCode,
  type Strategy,
  type StrategyContext,
} from '@ml4t/core';
import { SimulatedBroker } from '@ml4t/execution';
import { describe, expect, it } from 'vitest';
import { asOrderOperator, maxDrawdownHalt, regimeFilter, strategyGateContext } from '../src/index.js';
import { DAY, dailyBars, T0 } from './support/array-feed.js';
import { daily, FeatureTable } from './support/feature-table.js';

/** Buys one share of `symbol` on every bar. */
function buyEveryBar(symbol: string): Strategy {
  return {
    onTimeSlice(_slice, ctx) {
      ctx.bus.submit({ type: 'MARKET', symbol, side: 'BUY', quantity: 1 });
    },
  };
}

const dayOf = (ts: number) => (ts - T0) / DAY;

describe('max drawdown halt in the engine', () => {
  it('stops new entries while the drawdown is over 15 % and resumes below 5 %', async () => {
    // A: 900 shares bought at 100 on b1; closes 100, 100, 90, 80, 85, 95, 100, 100.
    // Equity at the closes: 100,000, 100,000, 91,000, 82,000 (−18 %: halt), 86,500 (−13.5 %), 95,500 (−4.5 %: resume).
    // B (flat at 10) is bought one share per bar; orders decided at t see the state after the snapshot of t − 1.
    const a = [100, 100, 90, 80, 85, 95, 100, 100];
    const rows = a.map((c) => ({ A: [c, c, c, c] as const, B: [10, 10, 10, 10] as const }));
    const updates: OrderUpdate[] = [];
    const strategy: Strategy = {
      onTimeSlice(slice, ctx) {
        if (slice.index === 0) ctx.bus.submit({ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 900 });
        ctx.bus.submit({ type: 'MARKET', symbol: 'B', side: 'BUY', quantity: 1 });
      },
    };
    await new Engine({
      initialCash: 100_000,
      feeds: [dailyBars(rows)],
      strategy,
      broker: new SimulatedBroker(),
      portfolioRules: [maxDrawdownHalt({ max: 0.15, resumeBelow: 0.05 })],
      sinks: [{ onOrder: (u) => updates.push(u) }],
    }).run();
    const refused = updates.filter((u) => u.status === 'REJECTED');
    expect(refused.map((u) => [u.order.symbol, dayOf(u.timestamp), u.reason?.code, u.reason?.source])).toEqual([
      ['B', 4, ReasonCode.TradingHalted, 'maxDrawdownHalt'],
      ['B', 5, ReasonCode.TradingHalted, 'maxDrawdownHalt'],
    ]);
    const filledB = updates.filter((u) => u.status === 'FILLED' && u.order.symbol === 'B');
    // Orders of b0–b3 and b6 fill at the next open; b7's order is still pending at the end.
    expect(filledB.map((u) => dayOf(u.timestamp))).toEqual([1, 2, 3, 4, 7]);
  });
});

describe('VIX regime filter in the engine', () => {
  const vix = [12, 25, 31, 35, 29, 30, 30.5, 18, 45, 20];
  const above30 = vix.flatMap((v, i) => (v > 30 ? [i] : []));
  const features = () => new FeatureTable({}, { vix: daily(T0, DAY, vix) });
  const feed = () => dailyBars(vix.map(() => ({ A: [50, 50, 50, 50] as const })));

  it('rejects new long entries on exactly the days VIX is above 30', async () => {
    const updates: OrderUpdate[] = [];
    await new Engine({
      initialCash: 100_000,
      feeds: [feed()],
      strategy: buyEveryBar('A'),
      broker: new SimulatedBroker(),
      features: features(),
      portfolioRules: [regimeFilter({ feature: 'vix', above: 30 })],
      sinks: [{ onOrder: (u) => updates.push(u) }],
    }).run();
    const rejected = updates.filter((u) => u.status === 'REJECTED');
    expect(above30).toEqual([2, 3, 6, 8]);
    expect(rejected.map((u) => dayOf(u.timestamp))).toEqual(above30);
    expect(rejected.every((u) => u.reason?.source === 'regimeFilter' && u.reason.code === ReasonCode.RiskRule)).toBe(
      true,
    );
    const accepted = updates.filter((u) => u.status === 'ACCEPTED').map((u) => dayOf(u.timestamp));
    expect(accepted).toEqual(vix.flatMap((v, i) => (v > 30 ? [] : [i])));
  });

  it('does the same as an RxJS operator in the order pipeline', async () => {
    let ctx: StrategyContext | undefined;
    const dropped: number[] = [];
    const updates: OrderUpdate[] = [];
    await new Engine({
      initialCash: 100_000,
      feeds: [feed()],
      strategy: {
        onStart: (c) => {
          ctx = c;
        },
        onTimeSlice: (slice, c) => buyEveryBar('A').onTimeSlice?.(slice, c),
      },
      broker: new SimulatedBroker(),
      features: features(),
      orderPipeline: asOrderOperator(
        regimeFilter({ feature: 'vix', above: 30 }),
        strategyGateContext(() => ctx),
        { onRefuse: () => dropped.push(dayOf(ctx?.market.timestamp ?? Number.NaN)) },
      ),
      sinks: [{ onOrder: (u) => updates.push(u) }],
    }).run();
    expect(dropped).toEqual(above30);
    const rejected = updates.filter((u) => u.status === 'REJECTED');
    expect(rejected.map((u) => [dayOf(u.timestamp), u.reason?.source])).toEqual(
      above30.map((d) => [d, 'orderPipeline']),
    );
  });

  it('composes with other gates: a later rule sees the order only if the filter accepted it', async () => {
    const seen: number[] = [];
    const spy: PortfolioRule = {
      name: 'spy',
      check: (input) => {
        seen.push(dayOf(input.timestamp));
        return { action: 'accept' };
      },
    };
    await new Engine({
      initialCash: 100_000,
      feeds: [feed()],
      strategy: buyEveryBar('A'),
      broker: new SimulatedBroker(),
      features: features(),
      portfolioRules: [regimeFilter({ feature: 'vix', above: 30 }), spy],
    }).run();
    expect(seen).toEqual([0, 1, 4, 5, 7, 9]);
  });
});
