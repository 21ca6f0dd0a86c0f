import type { PortfolioRule } from '@ml4t/core';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { maxGrossExposure, maxLeverage, maxNetExposure, maxPositionWeight } from '../src/index.js';
import { gateInput, market } from './support/gate-input.js';

const SYMBOLS = ['A', 'B', 'C'] as const;

/** Σ |value| and Σ value of `positions` after applying a signed order of `symbol`. */
function after(
  positions: Record<string, { quantity: number; price: number }>,
  symbol: string,
  signed: number,
  price: number,
) {
  const next = { ...positions, [symbol]: { quantity: (positions[symbol]?.quantity ?? 0) + signed, price } };
  const values = Object.values(next).map((p) => p.quantity * p.price);
  return {
    gross: values.reduce((s, v) => s + Math.abs(v), 0),
    net: values.reduce((s, v) => s + v, 0),
    weight: Math.abs((next[symbol]?.quantity ?? 0) * price),
  };
}

describe('sizing rules never let an accepted or resized entry breach their limit', () => {
  const book = fc.dictionary(
    fc.constantFrom(...SYMBOLS),
    fc.record({ quantity: fc.integer({ min: -500, max: 500 }), price: fc.integer({ min: 10, max: 200 }) }),
  );
  const order = fc.record({
    symbol: fc.constantFrom(...SYMBOLS),
    side: fc.constantFrom('BUY' as const, 'SELL' as const),
    quantity: fc.integer({ min: 1, max: 3000 }),
  });
  const cases: [string, PortfolioRule, (a: ReturnType<typeof after>) => number, number][] = [
    ['gross', maxGrossExposure({ max: 1 }), (a) => a.gross, 1],
    ['net', maxNetExposure({ max: 0.5 }), (a) => Math.abs(a.net), 0.5],
    ['weight', maxPositionWeight({ max: 0.2 }), (a) => a.weight, 0.2],
    ['leverage', maxLeverage({ max: 1.5 }), (a) => a.gross, 1.5],
  ];

  for (const [label, rule, measure, limit] of cases) {
    it(label, () => {
      fc.assert(
        fc.property(book, order, (positions, o) => {
          const input = gateInput(market(o.symbol, o.side, o.quantity), { positions });
          const decision = rule.check(input);
          if (!input.opensExposure) return decision.action === 'accept';
          const price = input.price;
          const before = after(positions, o.symbol, 0, price);
          const sign = o.side === 'BUY' ? 1 : -1;
          if (decision.action === 'reject') return true;
          const q = decision.action === 'resize' ? decision.quantity : o.quantity;
          if (!(q > 0 && q <= o.quantity && Number.isInteger(q))) return false;
          const result = measure(after(positions, o.symbol, sign * q, price));
          // Either within the limit, or no worse than before (a breach that only the order's reduction part eases).
          return result <= limit * 100_000 + 1e-6 || result <= measure(before) + 1e-6;
        }),
        { numRuns: 400 },
      );
    });
  }
});
