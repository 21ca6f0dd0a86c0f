import {
  Engine,
  type InstrumentSpec,
  type Order,
  type OrderEvent,
  type PositionRule,
  type Strategy,
  type StrategyContext,
} from '@ml4t/core';
import { expect } from 'vitest';
import type { ExecutionConfig } from '../../src/index.js';
import { SimulatedBroker } from '../../src/index.js';
import { ArrayFeed, type TestBar, toEvents } from './array-feed.js';
import { checkInvariants, type Recording, RecordingSink } from './invariants.js';

/** Orders to submit, by slice index (decided at that slice, like a strategy reacting to the close). */
export type Schedule = Readonly<Record<number, readonly OrderEvent[]>>;

/** Options of {@link runBacktest}. */
export interface RunOptions {
  readonly bars: readonly TestBar[];
  /** Strategy factory (called once per run) or an order schedule. */
  readonly strategy?: () => Strategy;
  readonly schedule?: Schedule;
  /** Execution knobs, or a factory for them (use a factory for stateful plugins: one instance per run). */
  readonly execution?: Partial<ExecutionConfig> | (() => Partial<ExecutionConfig>);
  /** @defaultValue 100,000 */
  readonly initialCash?: number;
  readonly instruments?: Readonly<Record<string, Partial<InstrumentSpec>>>;
  readonly positionRules?: () => readonly PositionRule[];
  readonly riskOnEntryBar?: boolean;
}

/** What {@link runBacktest} returns: the recording plus the orders the schedule submitted. */
export interface RunResult extends Recording {
  /** The immediate result of every scheduled submit, in order. */
  readonly submitted: Order[];
  readonly broker: SimulatedBroker;
}

/** A strategy that submits a fixed schedule of orders. */
export function scheduled(schedule: Schedule, submitted: Order[] = []): Strategy {
  return {
    onTimeSlice(slice, ctx: StrategyContext) {
      for (const o of schedule[slice.index] ?? []) submitted.push(ctx.bus.submit(o));
    },
  };
}

function once(options: RunOptions): RunResult {
  const initialCash = options.initialCash ?? 100_000;
  const events = toEvents(options.bars);
  const sink = new RecordingSink(initialCash, events);
  const submitted: Order[] = [];
  const strategy = options.strategy ? options.strategy() : scheduled(options.schedule ?? {}, submitted);
  const execution = typeof options.execution === 'function' ? options.execution() : (options.execution ?? {});
  const broker = new SimulatedBroker(execution);
  const engine = new Engine({
    initialCash,
    feeds: [new ArrayFeed('test', events)],
    strategy,
    broker,
    sinks: [sink],
    ...(options.instruments ? { instruments: options.instruments } : {}),
    ...(options.positionRules ? { positionRules: options.positionRules() } : {}),
    ...(options.riskOnEntryBar !== undefined ? { riskOnEntryBar: options.riskOnEntryBar } : {}),
  });
  engine.runSync();
  const problems = checkInvariants(sink, initialCash);
  expect(problems, 'ledger invariants').toEqual([]);
  return Object.assign(sink, { submitted, broker });
}

/**
 * Runs a backtest with the simulated broker and ALWAYS checks the ledger invariants (SCENARIOS "Always"),
 * including determinism: the run is repeated and must produce identical fills, trades and snapshots.
 */
export function runBacktest(options: RunOptions): RunResult {
  const first = once(options);
  const second = once(options);
  expect(digest(second), 'determinism').toEqual(digest(first));
  return first;
}

function digest(r: Recording): string {
  return JSON.stringify({
    fills: r.fills,
    trades: r.trades,
    snaps: r.snapshots,
    orders: r.orders.map((u) => [u.order.id, u.status]),
  });
}
