import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bar,
  Decimal,
  Engine,
  type FillEvent,
  type MarketEvent,
  type PortfolioSnapshot,
  type Strategy,
  type Trade,
  ZERO,
} from '../src/index.js';
import { ArrayFeed } from './support/array-feed.js';
import { MarketBroker } from './support/market-broker.js';

const DAY = 86_400_000;

interface Decision {
  readonly bar: number;
  readonly symbol: 'A' | 'B';
  readonly buy: boolean;
  readonly quantity: number;
}

function market(seed: number, n: number): MarketEvent[] {
  const events: MarketEvent[] = [];
  let a = 100;
  let b = 50;
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  for (let i = 0; i < n; i++) {
    a = Math.max(1, Math.round((a + (rnd() - 0.5) * 4) * 100) / 100);
    b = Math.max(1, Math.round((b + (rnd() - 0.5) * 2) * 100) / 100);
    for (const [symbol, c] of [
      ['A', a],
      ['B', b],
    ] as const) {
      if (symbol === 'B' && i % 7 === 3) continue; // B skips some bars
      events.push(bar({ timestamp: i * DAY, symbol, open: c, high: c + 1, low: c - 1, close: c, volume: 1e6 }));
    }
  }
  return events;
}

function run(seed: number, decisions: readonly Decision[]) {
  const fills: FillEvent[] = [];
  const trades: Trade[] = [];
  const snaps: PortfolioSnapshot[] = [];
  const strategy: Strategy = {
    onTimeSlice(slice, ctx) {
      for (const d of decisions) {
        if (d.bar === slice.index) {
          ctx.bus.submit({ type: 'MARKET', symbol: d.symbol, side: d.buy ? 'BUY' : 'SELL', quantity: d.quantity });
        }
      }
    },
  };
  const data = market(seed, 40);
  const engine = new Engine({
    initialCash: 100_000,
    feeds: [new ArrayFeed('m', data)],
    strategy,
    broker: new MarketBroker(),
    sinks: [{ onFill: (f) => fills.push(f), onTrade: (t) => trades.push(t), onSnapshot: (s) => snaps.push(s) }],
  });
  const summary = engine.runSync();
  return { fills, trades, snaps, summary, data };
}

const decision = fc.record({
  bar: fc.integer({ min: 0, max: 39 }),
  symbol: fc.constantFrom('A' as const, 'B' as const),
  buy: fc.boolean(),
  quantity: fc.integer({ min: 1, max: 300 }),
});

describe('Engine invariants over random order sequences', () => {
  it('keeps cash + positions = equity, reconciles exactly, never fills on a missing bar, and is deterministic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.array(decision, { maxLength: 30 }), (seed, decisions) => {
        const first = run(seed, decisions);
        const { fills, trades, snaps, summary, data } = first;
        for (const s of snaps) expect(s.cashValue + s.positionsValue).toBeCloseTo(s.equity, 9);
        const pnl = [...trades, ...summary.openTrades].reduce((sum, t) => sum.plus(t.pnlNet), ZERO);
        const marks = summary.openTrades.reduce(
          (sum, t) => sum.plus(new Decimal(t.exitPrice).times(t.quantity).times(t.direction === 'LONG' ? 1 : -1)),
          summary.finalCash,
        );
        expect(summary.initialCash.plus(pnl).toString()).toBe(marks.toString());
        const barAt = new Set(data.map((e) => `${e.symbol}@${e.timestamp}`));
        for (let i = 0; i < fills.length; i++) {
          const f = fills[i] as FillEvent;
          expect(barAt.has(`${f.symbol}@${f.timestamp}`)).toBe(true);
          if (i > 0) expect(f.timestamp).toBeGreaterThanOrEqual((fills[i - 1] as FillEvent).timestamp);
        }
        const second = run(seed, decisions);
        expect(JSON.stringify(second.trades)).toBe(JSON.stringify(trades));
        expect(JSON.stringify(second.fills)).toBe(JSON.stringify(fills));
      }),
      { numRuns: 100 },
    );
  });
});
