import type { Money } from '@ml4t/core';

/** decimal.js's word base: `d` holds base-10⁷ words aligned to the decimal point (its `LOG_BASE` is 7). */
const BASE = 1e7;
/** Widest span of words a sum is checked over (operands further apart are not taken as a sum). */
const MAX_SPAN = 24;
/** Significant digits of the ledger's Decimal: a longer sum would be rounded when rebuilt with `moneyPlus`. */
const PRECISION = 34;

/**
 * True if `c` is exactly `a + b` (or `a − b` with `subtract`), digit for digit and sign included (a zero sum
 * is −0 only as −0 + −0). Amounts a ledger derives from others (a trade's total commission, its net P&L…)
 * are checked with it and then rebuilt with core's `moneyPlus` / `moneyMinus` instead of stored. Rounding plays no
 * part: a sum that decimal.js rounded is not equal, and a sum of more than 34 digits (which the rebuild would
 * round) is refused; both get stored.
 *
 * One pass over the words from the lowest, comparing each word of the sum with `c`'s as it goes (no scratch
 * words, no normalisation).
 */
export function isSum(c: Money, a: Money, b: Money, subtract: boolean): boolean {
  const ad = a.d;
  const bd = b.d;
  const cd = c.d;
  const as = a.s;
  const bs = subtract ? -b.s : b.s;
  // Fewer than five words hold at most 28 digits: only longer sums can exceed the precision.
  if (cd.length > 4 && cd[0] !== 0 && significantDigits(cd) > PRECISION) return false;
  if (ad[0] === 0 || bd[0] === 0 || cd[0] === 0) return isZeroCase(c, a, b, as, bs);
  const aw = Math.floor(a.e / 7);
  const bw = Math.floor(b.e / 7);
  const cw = Math.floor(c.e / 7);
  const aLow = aw - ad.length + 1;
  const bLow = bw - bd.length + 1;
  const low = Math.min(aLow, bLow);
  const top = Math.max(aw, bw);
  // Operands not too far apart; and c has no trailing zero word: one below both operands cannot match.
  if (top - low + 2 > MAX_SPAN || cw - cd.length + 1 < low) return false;
  if (as === bs) {
    if (c.s !== as || cw > top + 1) return false;
    let carry = 0;
    for (let x = low; x <= top; x++) {
      const v = wordAt(ad, aw, aLow, x) + wordAt(bd, bw, bLow, x) + carry;
      carry = v >= BASE ? 1 : 0;
      if (v - carry * BASE !== wordAt(cd, cw, cw - cd.length + 1, x)) return false;
    }
    return carry === 0 ? cw <= top : cw === top + 1 && cd[0] === 1;
  }
  // Opposite signs: c's sign says which magnitude is the larger; subtract the smaller from it.
  if (cw > top) return false;
  const aLarger = c.s === as;
  const xd = aLarger ? ad : bd;
  const xw = aLarger ? aw : bw;
  const xLow = aLarger ? aLow : bLow;
  const yd = aLarger ? bd : ad;
  const yw = aLarger ? bw : aw;
  const yLow = aLarger ? bLow : aLow;
  let borrow = 0;
  for (let x = low; x <= top; x++) {
    const v = wordAt(xd, xw, xLow, x) - wordAt(yd, yw, yLow, x) - borrow;
    borrow = v < 0 ? 1 : 0;
    if (v + borrow * BASE !== wordAt(cd, cw, cw - cd.length + 1, x)) return false;
  }
  return borrow === 0;
}

/** The word of digit words `d` (first word at word exponent `w`, last at `low`) at word exponent `x`. */
function wordAt(d: readonly number[], w: number, low: number, x: number): number {
  return x <= w && x >= low ? (d[w - x] as number) : 0;
}

/** {@link isSum} when `a`, `b` or `c` is zero (`as`, `bs`: the signs the operands are added with). */
function isZeroCase(c: Money, a: Money, b: Money, as: number, bs: number): boolean {
  const aZero = a.d[0] === 0;
  const bZero = b.d[0] === 0;
  if (aZero && bZero) return c.d[0] === 0 && c.s === (as === bs && as < 0 ? -1 : 1);
  if (aZero || bZero) return sameDigits(c, aZero ? b : a) && c.s === (aZero ? bs : as);
  // Two non-zero operands, zero sum: they cancel exactly (and the zero is +0).
  return as !== bs && c.s === 1 && sameDigits(a, b);
}

/** True if `x` and `y` have the same exponent and digit words. */
function sameDigits(x: Money, y: Money): boolean {
  if (x.e !== y.e || x.d.length !== y.d.length) return false;
  for (let k = 0; k < x.d.length; k++) if (x.d[k] !== y.d[k]) return false;
  return true;
}

/** Significant digits of non-zero digit words in decimal.js's normal form. */
function significantDigits(d: readonly number[]): number {
  const lead = d[0] as number;
  let digits =
    (d.length - 1) * 7 +
    (lead < 1e4 ? (lead < 100 ? (lead < 10 ? 1 : 2) : lead < 1e3 ? 3 : 4) : lead < 1e5 ? 5 : lead < 1e6 ? 6 : 7);
  // In int32 (`| 0`), so that `%` stays an integer operation rather than a call to fmod.
  for (let last = (d[d.length - 1] as number) | 0; last % 10 === 0; last = (last / 10) | 0) digits--;
  return digits;
}
