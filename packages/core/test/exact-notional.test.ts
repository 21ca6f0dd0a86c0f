import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../src/money/decimal.js';
import { exactNotional, exactPrice, exactUnits } from '../src/money/exact-notional.js';

/** A price as the fill path sees it: a float with up to 17 significant digits after slippage. */
const price = fc
  .tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.double({ min: 0.99, max: 1.01, noNaN: true }))
  .map(([cents, factor]) => (cents / 100) * factor);
const quantity = fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 1e-6, max: 1e4, noNaN: true }));
const multiplier = fc.constantFrom(1, 50, 0.1, 1000);

function same(actual: Decimal, expected: Decimal): void {
  expect(actual.eq(expected)).toBe(true);
  expect(actual.isNegative()).toBe(expected.isNegative());
}

describe('exact notional', () => {
  it('equals price × quantity × multiplier in decimal.js, each float taken as new Decimal(x)', () => {
    fc.assert(
      fc.property(price, quantity, multiplier, (p, q, m) => {
        same(exactPrice(p), new Decimal(p));
        same(exactUnits(q), new Decimal(q));
        same(exactNotional(p, q, m), new Decimal(p).times(q).times(m));
      }),
      { numRuns: 3000 },
    );
  });

  it('returns the same object for the same arguments in a row, and a new one otherwise', () => {
    const notional = exactNotional(101.28518008390002, 300, 1);
    expect(exactNotional(101.28518008390002, 300, 1)).toBe(notional);
    expect(exactNotional(101.28518008390002, 301, 1)).not.toBe(notional);
    const again = exactNotional(101.28518008390002, 300, 1);
    expect(again).not.toBe(notional);
    expect(again.eq(notional)).toBe(true);
    expect(exactNotional(101.28518008390002, 300, 50)).not.toBe(again);
  });

  it('keeps the sign of a zero price or quantity', () => {
    same(exactNotional(-0, 3, 1), new Decimal(-0).times(3));
    same(exactNotional(0, 3, 1), new Decimal(0));
    same(exactUnits(-0), new Decimal(-0));
    same(exactNotional(12.5, 0, 1), new Decimal(12.5).times(0));
    same(exactNotional(12.5, -0, 1), new Decimal(12.5).times(new Decimal(-0)));
    same(exactNotional(-0, 3, 1), new Decimal(-0).times(3));
  });
});
