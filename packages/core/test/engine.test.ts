import { describe, expect, it } from 'vitest';
import {
  bar,
  Engine,
  type FillEvent,
  type MarketEvent,
  type PortfolioSnapshot,
  type Strategy,
  type Trade,
} from '../src/index.js';
import { ArrayFeed } from './support/array-feed.js';
import { MarketBroker } from './support/market-broker.js';

const DAY = 86_400_000;
const t0 = Date.UTC(2020, 0, 2);

function bars(symbol: string, closes: number[]): MarketEvent[] {
  return closes.map((c, i) =>
    bar({ timestamp: t0 + i * DAY, symbol, open: c - 1, high: c + 1, low: c - 2, close: c, volume: 1000 }),
  );
}

describe('Engine', () => {
  it('runs buy-and-sell end to end with exact cash and a trade record', async () => {
    const strategy: Strategy = {
      onTimeSlice(slice, ctx) {
        if (slice.index === 0) ctx.bus.submit({ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 10 });
        if (slice.index === 2) ctx.bus.submit({ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 10 });
      },
    };
    const fills: FillEvent[] = [];
    const trades: Trade[] = [];
    const snaps: PortfolioSnapshot[] = [];
    const engine = new Engine({
      initialCash: 1000,
      feeds: [new ArrayFeed('a', bars('A', [10, 11, 12, 13, 14]))],
      strategy,
      broker: new MarketBroker(),
      sinks: [{ onFill: (f) => fills.push(f), onTrade: (t) => trades.push(t), onSnapshot: (s) => snaps.push(s) }],
    });
    const summary = await engine.run();
    expect(fills.map((f) => [f.side, f.price, f.timestamp])).toEqual([
      ['BUY', 10, t0 + DAY],
      ['SELL', 12, t0 + 3 * DAY],
    ]);
    expect(trades).toHaveLength(1);
    expect(trades[0]?.pnlGross.toString()).toBe('20');
    expect(trades[0]?.barsHeld).toBe(2);
    expect(summary.finalCash.toString()).toBe('1020');
    expect(snaps.map((s) => s.equity)).toEqual([1000, 1010, 1020, 1020, 1020]);
  });

  it('turns a throwing strategy into a StrategyError naming stage and time, after sinks got onEnd', async () => {
    let ended = false;
    const engine = new Engine({
      initialCash: 1000,
      feeds: [new ArrayFeed('a', bars('A', [10, 11, 12]))],
      strategy: {
        onTimeSlice(slice) {
          if (slice.index === 1) throw new Error('boom');
        },
      },
      broker: new MarketBroker(),
      sinks: [{ onEnd: (s) => (ended = s.error !== undefined && s.slices === 1) }],
    });
    await expect(engine.run()).rejects.toMatchObject({
      name: 'StrategyError',
      stage: 'strategy.onTimeSlice',
      timestamp: t0 + DAY,
    });
    expect(ended).toBe(true);
  });
});
