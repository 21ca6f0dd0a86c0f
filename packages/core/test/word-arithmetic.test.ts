import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../src/money/decimal.js';
import { moneyCompare, moneyMinus, moneyPlus, moneyTimes } from '../src/money/word-arithmetic.js';

function same(actual: Decimal, expected: Decimal): void {
  expect({ s: actual.s, e: actual.e, d: actual.d }).toEqual({ s: expected.s, e: expected.e, d: expected.d });
  expect(actual.constructor).toBe(Decimal);
}

/** Decimals the ledger meets: prices, quantities, cash, costs; long mantissas, tiny and huge exponents, zeros. */
const amounts = fc.oneof(
  fc
    .tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: -3, max: 14 }))
    .map(([m, k]) => new Decimal(m).div(new Decimal(10).pow(k))),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((x) => new Decimal(x)),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map((m) => new Decimal(m.toString()).div('1e17')),
  fc.constantFrom(
    new Decimal(0),
    new Decimal(-0),
    new Decimal('1e-30'),
    new Decimal('9999999.9999999'),
    new Decimal(1e7),
  ),
);

describe('word arithmetic', () => {
  it('gives exactly what decimal.js gives for sums, differences and products', () => {
    fc.assert(
      fc.property(amounts, amounts, (a, b) => {
        same(moneyPlus(a, b), a.plus(b));
        same(moneyMinus(a, b), a.minus(b));
        same(moneyTimes(a, b), a.times(b));
        expect(moneyCompare(a, b)).toBe(a.cmp(b));
        expect(moneyCompare(a, a)).toBe(0);
      }),
      { numRuns: 20_000 },
    );
  });

  it('handles carries across words, cancellation and signs', () => {
    const cases = ['9999999.9999999', '0.0000001', '-0.0000001', '1e7', '-1e7', '12345678901234.567', '-0.5', '0.5'];
    for (const x of cases) {
      for (const y of cases) {
        const a = new Decimal(x);
        const b = new Decimal(y);
        same(moneyPlus(a, b), a.plus(b));
        same(moneyMinus(a, b), a.minus(b));
        same(moneyTimes(a, b), a.times(b));
      }
    }
  });

  it('leaves non-finite operands to decimal.js', () => {
    expect(moneyPlus(new Decimal(1), new Decimal(Number.NaN)).isNaN()).toBe(true);
    expect(moneyTimes(new Decimal(Number.POSITIVE_INFINITY), new Decimal(-2)).toString()).toBe('-Infinity');
  });
});
