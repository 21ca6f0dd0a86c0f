import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addQuantity } from '../src/domain/quantity.js';
import { Decimal } from '../src/money/decimal.js';

/** Whole numbers of units below 10^digits, to be scaled by a power of ten. */
const units = (digits: number) => fc.integer({ min: -(10 ** digits) + 1, max: 10 ** digits - 1 });

describe('addQuantity', () => {
  it('adds decimal quantities to the decimal a person would write (property)', () => {
    fc.assert(
      // Operands of at most 14 significant digits on one decimal scale: the sum fits the grid of 15.
      fc.property(units(14), units(14), fc.integer({ min: 0, max: 10 }), (ua, ub, k) => {
        const a = ua / 10 ** k;
        const b = ub / 10 ** k;
        // Below 10⁻⁸ quantities are added without rounding (see its limits).
        fc.pre(Math.max(Math.abs(a), Math.abs(b)) >= 1e-8);
        expect(addQuantity(a, b)).toBe(new Decimal(a).plus(b).toNumber());
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a running position exact over many fractional fills (property)', () => {
    fc.assert(
      fc.property(fc.array(units(12), { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: 8 }), (fills, k) => {
        let held = 0;
        let exact = new Decimal(0);
        for (const u of fills) {
          const q = u / 10 ** k;
          held = addQuantity(held, q);
          exact = exact.plus(q);
        }
        expect(held).toBe(exact.toNumber());
      }),
    );
  });

  it('removes the binary residue of the classic cases', () => {
    expect(addQuantity(0.3, -0.1)).toBe(0.2);
    expect(addQuantity(0.1, 0.2)).toBe(0.3);
    expect(addQuantity(0.19999999999999998, -0.2)).toBe(0);
    expect(addQuantity(1_000_000.3, -1_000_000.1)).toBe(0.2);
    expect(addQuantity(-0.3, 0.1)).toBe(-0.2);
    expect(Object.is(addQuantity(0.1, -0.1), 0)).toBe(true);
  });

  it('adds integers exactly and leaves non-finite values to IEEE arithmetic', () => {
    expect(addQuantity(100, 50)).toBe(150);
    expect(addQuantity(2 ** 52, 1)).toBe(2 ** 52 + 1);
    expect(addQuantity(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(addQuantity(Number.NaN, 1)).toBeNaN();
  });

  it('moves a full-precision double by at most one unit in its 15th significant digit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
        (a, b) => {
          const m = Math.max(a, b);
          const grid = 10 ** (Math.floor(Math.log10(m)) - 14);
          expect(Math.abs(addQuantity(a, b) - (a + b))).toBeLessThanOrEqual(grid);
        },
      ),
    );
  });
});
