import { Engine } from '@ml4t/core';
import { percentageCommission, percentageSlippage, SimulatedBroker } from '@ml4t/execution';
import { ColumnarFeed } from '@ml4t/feeds';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runW1Baseline } from '../src/baseline/w1-baseline.js';
import { exactEquity, toCents } from '../src/harness/cents.js';
import { SmaCrossoverStrategy } from '../src/strategies/sma-crossover.js';
import type { SmaCrossoverParams } from '../src/strategies/sma-crossover-params.js';
import { panel } from './support/bars.js';

async function engineRun(bars: ReturnType<typeof panel>, params: SmaCrossoverParams) {
  const engine = new Engine({
    initialCash: params.initialCash,
    feeds: [new ColumnarFeed(bars)],
    strategy: new SmaCrossoverStrategy(params),
    broker: new SimulatedBroker({
      slippage: percentageSlippage({ rate: params.slippageRate }),
      commission: percentageCommission({ rate: params.commissionRate }),
    }),
  });
  const summary = await engine.run();
  return { summary, equity: toCents(exactEquity(engine.portfolio)) };
}

/** Random walks in cents, so prices look like real quotes. */
const path = (steps: number) =>
  fc.array(fc.integer({ min: -300, max: 300 }), { minLength: steps * 2, maxLength: steps * 2 }).map((moves) => {
    const opens: number[] = [];
    const closes: number[] = [];
    let cents = 10_000;
    for (let t = 0; t < steps; t++) {
      cents = Math.max(100, cents + (moves[2 * t] as number));
      opens.push(cents / 100);
      cents = Math.max(100, cents + (moves[2 * t + 1] as number));
      closes.push(cents / 100);
    }
    return { opens, closes };
  });

describe('SMA crossover: engine vs baseline loop', () => {
  it('matches the hand-computed example', async () => {
    const params: SmaCrossoverParams = {
      fast: 2,
      slow: 3,
      quantity: 10,
      slippageRate: 0.01,
      commissionRate: 0.001,
      initialCash: 1000,
    };
    const bars = panel([[10, 10, 10, 11, 12, 8, 9, 8]], [[10, 10, 10, 12, 8, 8, 8, 12]]);
    const { summary, equity } = await engineRun(bars, params);
    expect(summary.fills).toBe(2);
    expect(summary.closedTrades).toBe(1);
    expect(equity).toBe('967.69');
  });

  it('ends with the same fills, trades and equity to the cent on random markets', async () => {
    const params: SmaCrossoverParams = {
      fast: 3,
      slow: 7,
      quantity: 100,
      slippageRate: 0.0005,
      commissionRate: 0.001,
      initialCash: 200_000,
    };
    await fc.assert(
      fc.asyncProperty(fc.array(path(60), { minLength: 1, maxLength: 4 }), async (symbols) => {
        const bars = panel(
          symbols.map((s) => s.opens),
          symbols.map((s) => s.closes),
        );
        const base = runW1Baseline(bars, params);
        const { summary, equity } = await engineRun(bars, params);
        expect(summary.fills).toBe(base.fills);
        expect(summary.closedTrades).toBe(base.trades);
        expect(equity).toBe(toCents(base.finalEquity));
      }),
      { numRuns: 60 },
    );
  });

  it('agrees when the cash account rejects buys', async () => {
    const params: SmaCrossoverParams = {
      fast: 2,
      slow: 5,
      quantity: 100,
      slippageRate: 0.0005,
      commissionRate: 0.001,
      initialCash: 25_000,
    };
    await fc.assert(
      fc.asyncProperty(fc.array(path(50), { minLength: 3, maxLength: 5 }), async (symbols) => {
        const bars = panel(
          symbols.map((s) => s.opens),
          symbols.map((s) => s.closes),
        );
        const base = runW1Baseline(bars, params);
        const { summary, equity } = await engineRun(bars, params);
        expect(summary.fills).toBe(base.fills);
        expect(equity).toBe(toCents(base.finalEquity));
      }),
      { numRuns: 40 },
    );
  });
});
