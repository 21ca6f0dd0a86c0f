import { ConfigError, Engine, type OrderUpdate } from '@ml4t/core';
import { SimulatedBroker } from '@ml4t/execution';
import { ColumnarFeed, PrecomputedFeatureProvider } from '@ml4t/feeds';
import { regimeFilter } from '@ml4t/risk';
import { describe, expect, it } from 'vitest';
import { TopKScoresStrategy } from '../src/strategies/top-k-scores.js';
import { panel } from './support/bars.js';

const DAYS = 5;
const flat = Array.from({ length: DAYS }, () => 10);
const bars = panel([flat, flat, flat, flat], [flat, flat, flat, flat]);
// Per day, the scores of S0…S3: top 2 is {S0, S1} on days 0–1, {S2, S1} from day 2 on.
const SCORES = [
  [4, 3, 2, 1],
  [4, 3, 2, 1],
  [1, 3, 4, 2],
  [1, 3, 4, 2],
  [1, 3, 4, 2],
];

function features(vix: readonly number[]): PrecomputedFeatureProvider {
  const days = Array.from({ length: DAYS }, (_, t) => bars.timestamp[t * 4] as number);
  return new PrecomputedFeatureProvider([
    {
      kind: 'symbol',
      timestamp: days.flatMap((d) => [d, d, d, d]),
      symbol: days.flatMap(() => ['S0', 'S1', 'S2', 'S3']),
      features: { score: SCORES.flat() },
    },
    { kind: 'market', timestamp: days, features: { vix } },
  ]);
}

async function run(vix: readonly number[]) {
  const rejected: OrderUpdate[] = [];
  const engine = new Engine({
    initialCash: 1000,
    feeds: [new ColumnarFeed(bars)],
    features: features(vix),
    strategy: new TopKScoresStrategy({ k: 2, investFraction: 1 }),
    broker: new SimulatedBroker(),
    portfolioRules: [regimeFilter({ feature: 'vix', above: 30 })],
    sinks: [{ onOrder: (u) => (u.status === 'REJECTED' ? rejected.push(u) : undefined) }],
  });
  const summary = await engine.run();
  const held = engine.portfolio
    .positions()
    .map((p) => [p.symbol, p.quantity])
    .sort();
  return { summary, held, rejected };
}

describe('TopKScoresStrategy', () => {
  it('holds the top k equal weight and trades only the names that change', async () => {
    const { summary, held, rejected } = await run([20, 20, 20, 20, 20]);
    // Day 0: buy S0, S1 for 500 each (50 shares at 10); day 2: sell S0, buy S2 with its proceeds.
    expect(held).toEqual([
      ['S1', 50],
      ['S2', 50],
    ]);
    expect(summary.fills).toBe(4);
    expect(summary.closedTrades).toBe(1);
    expect(rejected).toHaveLength(0);
  });

  it('makes no new entries while VIX > 30 and retries the next day', async () => {
    const { summary, held, rejected } = await run([20, 20, 35, 20, 20]);
    // Day 2: the sell of S0 passes, the buy of S2 is rejected; day 3 buys S2 again.
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.order.symbol).toBe('S2');
    expect(held).toEqual([
      ['S1', 50],
      ['S2', 50],
    ]);
    expect(summary.fills).toBe(4);
  });

  it('validates its options', () => {
    expect(() => new TopKScoresStrategy({ k: 0 })).toThrow(ConfigError);
    expect(() => new TopKScoresStrategy({ investFraction: 1.5 })).toThrow(/^investFraction:/);
  });
});
