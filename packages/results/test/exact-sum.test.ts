import { Decimal, type Money, moneyMinus, moneyPlus } from '@ml4t/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSum } from '../src/collector/exact-sum.js';

/** The rebuild of an accepted sum, as the trade decoder does it. */
function rebuilt(a: Money, b: Money, subtract: boolean): Money {
  return subtract ? moneyMinus(a, b) : moneyPlus(a, b);
}

/** The exact `a ± b` (no rounding), sign of zero as decimal.js gives it. */
function exactSum(a: Money, b: Money, subtract: boolean): Money {
  const wide = Decimal.clone({ precision: 300 });
  return new Decimal(subtract ? new wide(a).minus(new wide(b)) : new wide(a).plus(new wide(b)));
}

/** Significant digits of a Decimal (1 for zero). */
function digits(d: Money): number {
  return d.isZero() ? 1 : d.sd();
}

/** Decimals of up to 34 digits over a wide exponent range, both zeros included. */
const money = fc
  .oneof(
    fc.constantFrom('0', '-0', '1', '-1', '0.1', '9999999', '10000000', '-9999999.9999999', '1e-30', '1e30'),
    fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 34n - 1n }), fc.integer({ min: -40, max: 40 }))
      .map(([neg, m, e]) => `${neg ? '-' : ''}${m}e${e}`),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  )
  .map((text) => new Decimal(text));

function same(a: Money, b: Money): boolean {
  return a.s === b.s && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d);
}

describe('exact sums of Decimals', () => {
  it('recognise every unrounded decimal.js sum of operands not far apart, and rebuild its digits and sign', () => {
    const wide = Decimal.clone({ precision: 200 });
    fc.assert(
      fc.property(money, money, fc.boolean(), (a, b, subtract) => {
        const rounded = subtract ? a.minus(b) : a.plus(b);
        if (isSum(rounded, a, b, subtract)) {
          expect(same(rebuilt(a, b, subtract), rounded)).toBe(true);
          return;
        }
        const exact = subtract ? new wide(a).minus(new wide(b)) : new wide(a).plus(new wide(b));
        // Rejected: decimal.js rounded the sum, the operands are too far apart, or a zero's sign differs.
        expect(exact.eq(rounded) && !rounded.isZero() && Math.abs(a.e - b.e) < 80).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('accept exactly the amounts the sum rebuilds to: nearby values, other signs and zeros are refused', () => {
    const nudges = ['0', '1e-40', '-1e-20', '1e-7', '1'].map((t) => new Decimal(t));
    fc.assert(
      fc.property(
        money,
        money,
        fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (a, b, subtract, k, neg) => {
          const aw = Math.floor(a.e / 7);
          const bw = Math.floor(b.e / 7);
          const words = Math.max(aw, bw) - Math.min(aw - a.d.length, bw - b.d.length) + 1;
          const zero = a.isZero() || b.isZero();
          const sum = exactSum(a, b, subtract);
          // Refused as a sum: operands too far apart, or more digits than the rebuild keeps.
          const exact = (zero || words <= 24) && digits(sum) <= 34 ? sum : undefined;
          const wide = Decimal.clone({ precision: 300 });
          let c = new Decimal(new wide(exact ?? 0).plus(nudges[k] as Money).toString());
          if (neg) c = c.neg();
          const expected = exact !== undefined && same(c, exact);
          expect(isSum(c, a, b, subtract)).toBe(expected);
          if (exact !== undefined) expect(isSum(exact, a, b, subtract)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('rejects a near miss and a wrong sign', () => {
    const a = new Decimal('39.25793465778274929');
    const b = new Decimal('39.84724084990090678');
    expect(isSum(a.plus(b), a, b, false)).toBe(true);
    expect(isSum(a.plus(b).plus('1e-17'), a, b, false)).toBe(false);
    expect(isSum(a.plus(b).neg(), a, b, false)).toBe(false);
    expect(isSum(new Decimal('-0'), new Decimal(0), new Decimal(0), false)).toBe(false);
    expect(isSum(new Decimal('-0'), new Decimal('-0'), new Decimal(0), true)).toBe(true);
    expect(isSum(new Decimal(0), a, a, true)).toBe(true);
    expect(rebuilt(new Decimal('-0'), new Decimal('-0'), false).isNeg()).toBe(true);
  });
});
