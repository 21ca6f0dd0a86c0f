import {
  type Broker,
  Engine,
  type FeatureView,
  InvalidOrderError,
  type Order,
  type StrategyContext,
  type TimeSlice,
} from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { generateMarket } from '../src/index.js';

/** A broker that never receives orders (the strategies below only read features). */
const idleBroker: Broker = {
  init: () => {},
  submit: (): Order => {
    throw new InvalidOrderError('order', 'unexpected', 'this test strategy does not trade');
  },
  cancel: () => false,
  modify: () => false,
  openOrders: () => [],
  onOpen: () => {},
  exit: () => false,
  onClose: () => {},
  onEnd: () => {},
  finish: () => {},
};

describe('look-ahead: a strategy cannot read a feature of t+1 at t', () => {
  const market = generateMarket({ symbols: 4, bars: 30, seed: 11, ic: 0.9 });
  const N = market.symbols.length;
  const scoreAt = (t: number, i: number): number => market.scores[t * N + i] as number;

  it('sees exactly the values stamped at the current bar, never the next one', async () => {
    const seen: number[][] = [];
    const cross: number[][] = [];
    const peeks: number[] = [];
    const features = market.features();
    const engine = new Engine({
      initialCash: 100_000,
      feeds: [market.feed()],
      features,
      broker: idleBroker,
      strategy: {
        onTimeSlice(slice: TimeSlice, ctx: StrategyContext) {
          seen.push(market.symbols.map((s) => ctx.features.get(s, 'score')));
          cross.push(Array.from(slice.features.crossSection('score') ?? []));
          // Every way of asking for "the next bar" still answers for the current timestamp: the view has no
          // timestamp parameter, and passing one is a type error.
          const view: FeatureView = ctx.features;
          // @ts-expect-error FeatureView.get takes no timestamp
          peeks.push(view.get(0, 'score', slice.timestamp + 86_400_000));
          expect(view.timestamp).toBe(slice.timestamp);
        },
      },
    });
    await engine.run();
    expect(seen).toHaveLength(market.timestamps.length);
    for (let t = 0; t < seen.length; t++) {
      for (let i = 0; i < N; i++) {
        expect(seen[t]?.[i]).toBe(scoreAt(t, i));
        expect(cross[t]?.[i]).toBe(scoreAt(t, i));
        if (t + 1 < seen.length) expect(seen[t]?.[i]).not.toBe(scoreAt(t + 1, i));
      }
      expect(peeks[t]).toBe(scoreAt(t, 0));
    }
  });

  it('with lag 1, the value stamped at t becomes visible only at t+1', async () => {
    const seen: number[] = [];
    const vix: number[] = [];
    const engine = new Engine({
      initialCash: 100_000,
      feeds: [market.feed()],
      features: market.features({ lag: 1 }),
      broker: idleBroker,
      strategy: {
        onTimeSlice(_slice, ctx) {
          seen.push(ctx.features.get(0, 'score'));
          vix.push(ctx.features.market('vix'));
        },
      },
    });
    await engine.run();
    expect(seen[0]).toBeNaN();
    expect(vix[0]).toBeNaN();
    for (let t = 1; t < seen.length; t++) {
      expect(seen[t]).toBe(scoreAt(t - 1, 0));
      expect(vix[t]).toBe(market.vix[t - 1]);
    }
  });

  it('a snapshot keeps the features of its own bar', async () => {
    const snaps: TimeSlice[] = [];
    const engine = new Engine({
      initialCash: 100_000,
      feeds: [market.feed()],
      features: market.features(),
      broker: idleBroker,
      strategy: { onTimeSlice: (slice) => void snaps.push(slice.snapshot()) },
    });
    await engine.run();
    snaps.forEach((s, t) => {
      expect(s.features.get(1, 'score')).toBe(scoreAt(t, 1));
    });
  });
});
