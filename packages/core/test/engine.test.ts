import { describe, expect, it } from 'vitest';
import {
  type BrokerContext,
  bar,
  Engine,
  type EngineConfig,
  type FillEvent,
  type MarketEvent,
  type OrderUpdate,
  type PortfolioSnapshot,
  type ResultSink,
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

  describe('live order updates', () => {
    /** Publishes each accepted order live when the engine allows it (or always, with `force`). */
    class LiveBroker extends MarketBroker {
      readonly answers: boolean[] = [];
      private context!: BrokerContext;

      constructor(private readonly force = false) {
        super();
      }

      override init(ctx: BrokerContext): void {
        this.context = ctx;
        super.init({ ...ctx, publish: (update) => this.route(update) });
      }

      private route(update: OrderUpdate): void {
        const live = this.context.liveOrders?.() === true;
        this.answers.push(live);
        if (live || this.force) this.context.publishLive?.(update);
        else this.context.publish(update);
      }
    }

    const buyOnce: Strategy = {
      onTimeSlice(slice, ctx) {
        if (slice.index === 0) ctx.bus.submit({ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 1 });
      },
    };

    async function run(broker: LiveBroker, config: Partial<EngineConfig> = {}, subscribe = false): Promise<void> {
      const engine = new Engine({
        initialCash: 1000,
        feeds: [new ArrayFeed('a', bars('A', [10, 11, 12]))],
        strategy: buyOnce,
        broker,
        ...config,
      });
      if (subscribe) engine.orders$.subscribe();
      await engine.run();
    }

    it('are allowed only while nothing needs copies, and reach onOrderLive instead of onOrder', async () => {
      const seen: string[] = [];
      const both: ResultSink = { onOrder: () => seen.push('copy'), onOrderLive: (u) => seen.push(u.status) };
      const live = new LiveBroker();
      await run(live, { sinks: [both, { onFill: () => undefined }] });
      expect(live.answers).toEqual([true, true]);
      expect(seen).toEqual(['ACCEPTED', 'FILLED']);

      const copiesOnly = new LiveBroker();
      await run(copiesOnly, { sinks: [both, { onOrder: () => undefined }] });
      const hooked = new LiveBroker();
      await run(hooked, { strategy: { ...buyOnce, onOrderUpdate: () => undefined } });
      const subscribed = new LiveBroker();
      await run(subscribed, {}, true);
      for (const broker of [copiesOnly, hooked, subscribed]) expect(broker.answers).toEqual([false, false]);
    });

    it('published while copies are needed is a typed error', async () => {
      await expect(run(new LiveBroker(true), { sinks: [{ onOrder: () => undefined }] })).rejects.toMatchObject({
        name: 'Ml4tError',
        code: 'LIVE_ORDER_UPDATE',
      });
    });
  });
});
