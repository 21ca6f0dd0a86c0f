import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../src/money/decimal.js';
import { decimalToNumber, numberToDecimal } from '../src/money/number-conversion.js';

function same(actual: Decimal, expected: Decimal): void {
  expect({ s: actual.s, e: actual.e, d: actual.d }).toEqual({ s: expected.s, e: expected.e, d: expected.d });
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  expect(actual.constructor).toBe(Decimal);
}

const prices = fc.tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 12 }));

describe('numberToDecimal', () => {
  it('equals new Decimal(x) on hand-picked floats', () => {
    const cases = [
      0.1,
      0.2,
      0.1 + 0.2,
      1,
      10,
      1e7,
      1e7 + 1,
      12_000_000,
      123.456,
      101.28518008390002,
      1e-7,
      1.5e-10,
      1e21,
      2 ** 53,
      2 ** 53 - 1,
      2 ** 51,
      2 ** 51 + 0.5,
      9_999_999.999_999_9,
      0.000_123,
      5e-324,
      Number.MAX_VALUE,
      100.05 * 1.0005,
      -0.5,
      -123.456,
      1 / 3,
      2 / 3,
      0.015,
      1234567.891,
      99.99,
      1e-22,
      3e-23,
    ];
    for (const x of cases) same(numberToDecimal(x), new Decimal(x));
  });

  it('keeps zero, its sign and non-finite values as decimal.js does', () => {
    expect(Object.is(numberToDecimal(-0).toNumber(), -0)).toBe(true);
    expect(numberToDecimal(0).isZero()).toBe(true);
    expect(numberToDecimal(Number.NaN).isNaN()).toBe(true);
    expect(numberToDecimal(Number.POSITIVE_INFINITY).toString()).toBe('Infinity');
  });

  it('equals new Decimal(x) on decimal prices, their float products and any double', () => {
    fc.assert(
      fc.property(prices, ([m, k]) => {
        const x = m / 10 ** k;
        same(numberToDecimal(x), new Decimal(x));
        same(numberToDecimal(x * 1.0005), new Decimal(x * 1.0005));
        same(numberToDecimal(x * 0.999_5 * 37), new Decimal(x * 0.999_5 * 37));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => same(numberToDecimal(x), new Decimal(x))),
      { numRuns: 3000 },
    );
  });

  it('equals new Decimal(x) on 16- and 17-digit floats of every magnitude and next to powers of two and ten', () => {
    const bits = new Float64Array(1);
    const words = new BigInt64Array(bits.buffer);
    /** The float `steps` representable values away from `x` (positive x). */
    const neighbour = (x: number, steps: number): number => {
      bits[0] = x;
      words[0] = (words[0] as bigint) + BigInt(steps);
      return bits[0] as number;
    };
    const cases = [
      0.1 + 0.2,
      1 / 3,
      2 / 3,
      0.3333333333333333 * 3,
      9007199254740.992,
      1e16 - 2,
      999_999_999_999_999.9,
      0.000_001_234_567_890_123_456_7,
    ];
    for (let p = -24; p <= 60; p++) cases.push(neighbour(2 ** p, -1), neighbour(2 ** p, 1));
    for (let p = -8; p <= 17; p++) for (const step of [-2, -1, 1, 2]) cases.push(neighbour(10 ** p, step));
    for (const x of cases) same(numberToDecimal(x), new Decimal(x));
    const spread = fc
      .tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -8, max: 17 }))
      .map(([m, p]) => m * 10 ** p);
    fc.assert(
      fc.property(spread, (x) => same(numberToDecimal(x), new Decimal(x))),
      { numRuns: 20_000 },
    );
  });
});

describe('decimalToNumber', () => {
  it('equals d.toNumber() on sums, products and quotients of prices', () => {
    fc.assert(
      fc.property(prices, prices, fc.integer({ min: 1, max: 100_000 }), ([a, i], [b, j], q) => {
        const x = new Decimal(a).div(10 ** i);
        const y = new Decimal(b).div(10 ** j);
        for (const d of [x, y, x.plus(y), x.times(q), x.times(y), x.div(q), x.minus(y).times(0.001), x.neg()]) {
          expect(Object.is(decimalToNumber(d), d.toNumber())).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('equals d.toNumber() on long mantissas: products and sums of 17-digit prices, 34-digit values', () => {
    const longs = fc.oneof(
      fc
        .tuple(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 1e4, noNaN: true }))
        .map(([a, b]) => new Decimal(a).times(b)),
      fc
        .tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }))
        .map(([a, b]) => new Decimal(a).plus(b)),
      fc
        .bigInt({ min: -(10n ** 34n), max: 10n ** 34n })
        .chain((m) => fc.integer({ min: -40, max: 20 }).map((k) => new Decimal(`${m}e${k}`))),
    );
    fc.assert(
      fc.property(longs, (d) => {
        expect(Object.is(decimalToNumber(d), d.toNumber())).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals d.toNumber() on any double and on zero, its sign and non-finite values', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const d = new Decimal(x);
        expect(Object.is(decimalToNumber(d), d.toNumber())).toBe(true);
      }),
      { numRuns: 3000 },
    );
    for (const d of [new Decimal(0), new Decimal(-0), new Decimal('1e-40'), new Decimal('123456789012345678901234')]) {
      expect(Object.is(decimalToNumber(d), d.toNumber())).toBe(true);
    }
  });
});
