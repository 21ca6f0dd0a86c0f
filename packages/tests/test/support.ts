import {
  Decimal,
  Engine,
  type EngineConfig,
  type FillEvent,
  type OrderEvent,
  type PortfolioSnapshot,
  type RunSummary,
  type Strategy,
  type Trade,
} from '@ml4t/core';
import { type ExecutionConfig, SimulatedBroker } from '@ml4t/execution';
import { MultiSymbolDataFeed, type SeriesBar } from '@ml4t/feeds';
import { expect } from 'vitest';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 2);

/** One symbol's bars from `[open, high, low, close]` rows, one day apart. */
export function bars(rows: readonly (readonly [number, number, number, number])[]): SeriesBar[] {
  return rows.map(([open, high, low, close], i) => ({ timestamp: T0 + i * DAY, open, high, low, close, volume: 1e6 }));
}

/** What a test backtest produced. */
export interface Run {
  readonly fills: FillEvent[];
  readonly trades: Trade[];
  readonly snapshots: PortfolioSnapshot[];
  readonly summary: RunSummary;
}

/**
 * Runs a backtest on in-memory bars with `SimulatedBroker`, then checks the ledger invariants of SCENARIOS
 * "Always": cash + positions = equity at every snapshot; initial cash + Σ net P&L (closed and open trades) =
 * final cash + open positions at their marks, exactly; gross − fees = net; fills in time order.
 */
export async function backtest(
  data: Readonly<Record<string, readonly SeriesBar[]>>,
  strategy: Strategy,
  execution: Partial<ExecutionConfig> = {},
  extra: Partial<EngineConfig> = {},
): Promise<Run> {
  const fills: FillEvent[] = [];
  const trades: Trade[] = [];
  const snapshots: PortfolioSnapshot[] = [];
  const engine = new Engine({
    initialCash: 100_000,
    feeds: [new MultiSymbolDataFeed(data)],
    strategy,
    broker: new SimulatedBroker(execution),
    sinks: [{ onFill: (f) => fills.push(f), onTrade: (t) => trades.push(t), onSnapshot: (s) => snapshots.push(s) }],
    ...extra,
  });
  const summary = await engine.run();
  for (const s of snapshots) expect(s.cashValue + s.positionsValue).toBeCloseTo(s.equity, 8);
  const all = [...trades, ...summary.openTrades];
  const pnl = all.reduce((sum, t) => sum.plus(t.pnlNet), summary.initialCash);
  const marked = summary.openTrades.reduce(
    (sum, t) => sum.plus(new Decimal(t.exitPrice).times(t.quantity * t.multiplier * (t.direction === 'LONG' ? 1 : -1))),
    summary.finalCash,
  );
  expect(pnl.toString()).toBe(marked.toString());
  for (const t of all) expect(t.pnlGross.minus(t.commission).eq(t.pnlNet)).toBe(true);
  for (let i = 1; i < fills.length; i++) {
    expect((fills[i] as FillEvent).timestamp).toBeGreaterThanOrEqual((fills[i - 1] as FillEvent).timestamp);
  }
  return { fills, trades, snapshots, summary };
}

/** A strategy that submits the given orders on the given bar indices. */
export function scripted(plan: Readonly<Record<number, readonly OrderEvent[]>>): Strategy {
  return {
    onTimeSlice(slice, ctx) {
      for (const order of plan[slice.index] ?? []) ctx.bus.submit(order);
    },
  };
}
