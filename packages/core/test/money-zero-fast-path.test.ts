import { describe, expect, it } from 'vitest';
import { Decimal, proRata } from '../src/index.js';

// The ledger reuses a zero Decimal instead of computing `a ± b` or a pro-rata share of zero (portfolio.ts): these
// are the results decimal.js gives, which the shortcuts must reproduce, signs of zero included.
describe('zero shortcuts agree with decimal.js', () => {
  const zeros = [new Decimal(0), new Decimal('-0')];
  it('plus and minus of zeros', () => {
    const signs = (f: (a: Decimal, b: Decimal) => Decimal) =>
      zeros.flatMap((a) => zeros.map((b) => f(a, b).isNegative()));
    expect(signs((a, b) => a.plus(b))).toEqual([false, false, false, true]);
    expect(signs((a, b) => a.minus(b))).toEqual([false, false, true, false]);
  });
  it('a pro-rata share of zero is that zero', () => {
    for (const z of zeros) {
      const slow = z.times(3).div(7).toDecimalPlaces(12, Decimal.ROUND_HALF_EVEN);
      expect(proRata(z, 3, 7).isNegative()).toBe(slow.isNegative());
      expect(proRata(z, 3, 7).isZero()).toBe(true);
    }
  });
});
