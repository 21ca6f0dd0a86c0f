import type { OrderEvent } from '@ml4t/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentageCommission, percentageSlippage } from '../src/index.js';
import { barsArb, round2 } from './support/arbitraries.js';
import type { TestBar } from './support/array-feed.js';
import { type OracleBar, type OracleOrder, oracle } from './support/oracle.js';
import { runBacktest } from './support/run-backtest.js';

const scenarioArb = barsArb.chain((bars) =>
  fc.record({
    bars: fc.constant(bars),
    orders: fc.array(
      fc.record({
        bar: fc.integer({ min: 0, max: bars.length - 1 }),
        kind: fc.constantFrom('market', 'limit', 'stop') as fc.Arbitrary<OracleOrder['kind']>,
        side: fc.constantFrom('BUY', 'SELL') as fc.Arbitrary<'BUY' | 'SELL'>,
        qty: fc.integer({ min: 1, max: 60 }),
        offset: fc.integer({ min: -60, max: 60 }),
      }),
      { maxLength: 12 },
    ),
    slippage: fc.constantFrom(0, 0.001, 0.01),
    commission: fc.constantFrom(0, 0.001, 0.005),
    cash: fc.constantFrom(2_000, 10_000),
  }),
);

describe('engine vs independent oracle (fast-check)', () => {
  it('agrees on fills, refusals and final cash for random market/limit/stop sequences with costs', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const orders: OracleOrder[] = s.orders
          .map((o) => ({ ...o, level: round2((s.bars[o.bar] as OracleBar).close * (1 + o.offset / 1000)) }))
          .sort((a, b) => a.bar - b.bar);
        const expected = oracle(s.bars, orders, s.cash, s.slippage, s.commission);

        const bars: TestBar[] = s.bars.map((b, t) => ({ t, o: b.open, h: b.high, l: b.low, c: b.close }));
        const schedule: Record<number, OrderEvent[]> = {};
        for (const o of orders) {
          const base = { symbol: 'A', side: o.side, quantity: o.qty, exitReason: 'SIGNAL' } as const;
          const req: OrderEvent =
            o.kind === 'market'
              ? { ...base, type: 'MARKET' }
              : o.kind === 'limit'
                ? { ...base, type: 'LIMIT', limitPrice: o.level }
                : { ...base, type: 'STOP', stopPrice: o.level };
          schedule[o.bar] = [...(schedule[o.bar] ?? []), req];
        }
        const r = runBacktest({
          bars,
          schedule,
          initialCash: s.cash,
          execution: {
            slippage: percentageSlippage({ rate: s.slippage }),
            commission: percentageCommission({ rate: s.commission }),
          },
        });
        expect(
          r.fills.map((f) => ({
            bar: f.sliceIndex,
            side: f.side,
            qty: f.quantity,
            price: f.price,
            commission: f.commission.toString(),
          })),
        ).toEqual(expected.fills);
        expect(r.summary?.finalCash.toString()).toBe(expected.cash);
        const refusedIds = r.orders.filter((u) => u.status === 'REJECTED').map((u) => u.order.id);
        // Order ids follow submission order (O1, O2, …), which is the sorted input order.
        expect(refusedIds.map((id) => Number(id.slice(1)) - 1).sort((a, b) => a - b)).toEqual(expected.refused);
      }),
      { numRuns: 300, seed: 20260124 },
    );
  });
});
