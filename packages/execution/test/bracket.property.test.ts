import { bracket } from '@ml4t/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FillTiming, marginAccount, percentageSlippage } from '../src/index.js';
import { barsArb, round2 } from './support/arbitraries.js';
import type { TestBar } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

describe('brackets on random bars (fast-check)', () => {
  it('at most one leg fills, it closes exactly the entry, the position never crosses zero', () => {
    fc.assert(
      fc.property(
        barsArb,
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom('pessimistic', 'path') as fc.Arbitrary<'pessimistic' | 'path'>,
        fc.constantFrom('next_bar', 'same_bar', 'next_close') as fc.Arbitrary<FillTiming>,
        fc.constantFrom('BUY', 'SELL') as fc.Arbitrary<'BUY' | 'SELL'>,
        (raw, down, up, bracketConflict, fillTiming, side) => {
          const bars: TestBar[] = raw.map((b, t) => ({ t, o: b.open, h: b.high, l: b.low, c: b.close }));
          const c0 = raw[0]?.close ?? 100;
          const buy = side === 'BUY';
          const stop = round2(c0 * (buy ? 1 - down / 1000 : 1 + down / 1000));
          const take = round2(c0 * (buy ? 1 + up / 1000 : 1 - up / 1000));
          const r = runBacktest({
            bars,
            schedule: {
              0: [
                bracket({
                  entry: { type: 'MARKET', symbol: 'A', side, quantity: 10 },
                  stopPrice: stop,
                  takeProfitPrice: take,
                }),
              ],
            },
            execution: {
              bracketConflict,
              fillTiming,
              account: marginAccount(),
              slippage: percentageSlippage({ rate: 0.001 }),
            },
            initialCash: 1_000_000,
          });
          expect(r.fills.length).toBeLessThanOrEqual(2);
          let q = 0;
          for (const f of r.fills) {
            const before = q;
            q += f.side === 'BUY' ? f.quantity : -f.quantity;
            expect(before === 0 || q === 0 || Math.sign(before) === Math.sign(q)).toBe(true);
          }
          const legFills = r.fills.filter((f) => f.orderId !== 'O1');
          expect(legFills.length).toBeLessThanOrEqual(1);
          if (legFills.length === 1) {
            expect(q).toBe(0);
            expect(legFills[0]?.sliceIndex).toBeGreaterThan(r.fills[0]?.sliceIndex ?? Number.NaN);
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
