/**
 * Rules written the way a third-party package would: against `@ml4t/core`'s contracts only, with no import from
 * `@ml4t/risk`'s sources. They plug into the engine directly and into this package's composites.
 */
import {
  ACCEPT,
  Engine,
  ExitReason,
  type GateDecision,
  type OrderGateInput,
  type PortfolioRule,
  type PositionAction,
  type PositionRule,
  type PositionRuleInput,
  type Trade,
} from '@ml4t/core';
import { SimulatedBroker } from '@ml4t/execution';
import { describe, expect, it } from 'vitest';
import { firstTrigger, stopLoss } from '../src/index.js';
import { dailyBars, flat } from './support/array-feed.js';

/** Exits at the close after two consecutive lower closes (per-position state in `input.state`). */
const twoLowerCloses: PositionRule = {
  name: 'twoLowerCloses',
  evaluate(input: PositionRuleInput): PositionAction {
    const state = input.state as { last?: number; falls?: number };
    const close = input.bar.close;
    state.falls = state.last !== undefined && close < state.last ? (state.falls ?? 0) + 1 : 0;
    state.last = close;
    if (state.falls < 2) return undefined;
    return { kind: 'exit', reason: ExitReason.Custom, trigger: 'close', price: close, rule: 'twoLowerCloses' };
  },
};

/** Caps every entry at 30 units. */
const maxOrderSize: PortfolioRule = {
  name: 'maxOrderSize',
  check(input: OrderGateInput): GateDecision {
    if (!input.opensExposure || input.order.quantity <= 30) return ACCEPT;
    return {
      action: 'resize',
      quantity: 30,
      reason: { code: 'custom:max_order_size', message: 'at most 30 units per order', source: 'maxOrderSize' },
    };
  },
};

async function run(positionRules: readonly PositionRule[]): Promise<Trade[]> {
  // A: 10, 11, 12, 11.5, 11, 10.5 — two lower closes on b4. B rises throughout.
  const a = flat([10, 11, 12, 11.5, 11, 10.5]);
  const b = flat([20, 21, 22, 23, 24, 25]);
  const trades: Trade[] = [];
  await new Engine({
    initialCash: 10_000,
    feeds: [dailyBars(a.map((bar, i) => ({ A: bar, B: b[i] as (typeof b)[number] })))],
    strategy: {
      onTimeSlice(slice, ctx) {
        if (slice.index !== 0) return;
        ctx.bus.submit({ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 });
        ctx.bus.submit({ type: 'MARKET', symbol: 'B', side: 'BUY', quantity: 100 });
      },
    },
    broker: new SimulatedBroker(),
    positionRules,
    portfolioRules: [maxOrderSize],
    sinks: [{ onTrade: (t) => trades.push(t) }],
  }).run();
  return trades;
}

describe('a third-party rule', () => {
  it('runs in the engine next to the built-in ones', async () => {
    const trades = await run([stopLoss({ percent: 0.5 }), twoLowerCloses]);
    // Entries resized to 30 units at b1's open 11; A exits at b4's close 11 with the custom reason.
    expect(trades.map((t) => [t.symbol, t.quantity, t.entryPrice, t.exitPrice, t.exitReason, t.exitRule])).toEqual([
      ['A', 30, 11, 11, ExitReason.Custom, 'twoLowerCloses'],
    ]);
  });

  it('composes with the built-in composites, keeping its own state per position', async () => {
    const trades = await run([firstTrigger([stopLoss({ percent: 0.5 }), twoLowerCloses])]);
    expect(trades.map((t) => [t.symbol, t.exitRule])).toEqual([['A', 'twoLowerCloses']]);
  });
});
