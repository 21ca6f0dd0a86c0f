import type { Money } from '@ml4t/core';
import { moneyOf } from './money-words.js';

/** decimal.js's word base: `d` holds base-10⁷ words aligned to the decimal point (its `LOG_BASE` is 7). */
const BASE = 1e7;
/** Widest span of words a sum is worked out on (operands further apart are not summed). */
const MAX_SPAN = 24;
const out = new Int32Array(MAX_SPAN);
/** The last sum worked out: `out[start … start + len)`, decimal exponent, sign. */
let start = 0;
let len = 0;
let exponent = 0;
let sumNegative = false;

/**
 * True if `c` is exactly `a + b` (or `a − b` with `subtract`), digit for digit and sign included (a zero sum
 * is −0 only as −0 + −0). Amounts a ledger derives from others (a trade's total commission, its net P&L…)
 * are checked with it and then rebuilt by {@link sumOf} instead of stored. Rounding plays no part: a sum that
 * decimal.js rounded (more than 34 digits) is simply not equal, and gets stored.
 *
 * One pass over the words from the lowest, comparing each word of the sum with `c`'s as it goes (no scratch
 * words, no normalisation: {@link sumOf} works the sum out in full).
 */
export function isSum(c: Money, a: Money, b: Money, subtract: boolean): boolean {
  const ad = a.d;
  const bd = b.d;
  const cd = c.d;
  const as = a.s;
  const bs = subtract ? -b.s : b.s;
  if (ad[0] === 0 || bd[0] === 0 || cd[0] === 0) return isZeroCase(c, a, b, as, bs);
  const aw = Math.floor(a.e / 7);
  const bw = Math.floor(b.e / 7);
  const cw = Math.floor(c.e / 7);
  const aLow = aw - ad.length + 1;
  const bLow = bw - bd.length + 1;
  const low = Math.min(aLow, bLow);
  const top = Math.max(aw, bw);
  // Not beyond what sumOf works out; and c has no trailing zero word: one below both operands cannot match.
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

/** The exact `a + b` (or `a − b`) as a new Decimal, for operands {@link isSum} accepted (and `c` it matched). */
export function sumOf(a: Money, b: Money, subtract: boolean): Money {
  work(a, b, subtract);
  return moneyOf(out, start, len, exponent, sumNegative);
}

/** Works out `a ± b` in `out`; false if the operands span more than {@link MAX_SPAN} words. */
function work(a: Money, b: Money, subtract: boolean): boolean {
  const ad = a.d;
  const bd = b.d;
  const aLen = ad.length;
  const bLen = bd.length;
  const aE = a.e;
  const bE = b.e;
  const aS = a.s;
  const bS = subtract ? -b.s : b.s;
  // x ± 0 and 0 ± x (a common case: zero impact) need no word arithmetic.
  const aZero = ad[0] === 0;
  const bZero = bd[0] === 0;
  if (aZero || bZero) {
    if (aZero && bZero) {
      out[0] = 0;
      return result(0, 1, 0, aS === bS && aS < 0);
    }
    const d = aZero ? bd : ad;
    const n = aZero ? bLen : aLen;
    for (let k = 0; k < n; k++) out[k] = d[k] as number;
    return result(0, n, aZero ? bE : aE, (aZero ? bS : aS) < 0);
  }
  const aw = Math.floor(aE / 7);
  const bw = Math.floor(bE / 7);
  // Word `k` of `out` has word exponent `top − k`; word 0 takes the carry.
  const top = Math.max(aw, bw) + 1;
  const span = top - Math.min(aw - aLen, bw - bLen);
  if (span > MAX_SPAN) return false;
  for (let k = 0; k < span; k++) out[k] = 0;
  const ao = top - aw;
  for (let k = 0; k < aLen; k++) out[ao + k] = ad[k] as number;
  const bo = top - bw;
  let negative = aS < 0;
  if (aS === bS) {
    for (let k = 0; k < bLen; k++) out[bo + k] = (out[bo + k] as number) + (bd[k] as number);
    let carry = 0;
    for (let k = span - 1; k >= 0; k--) {
      const v = (out[k] as number) + carry;
      carry = v >= BASE ? 1 : 0;
      out[k] = v - carry * BASE;
    }
  } else {
    for (let k = 0; k < bLen; k++) out[bo + k] = (out[bo + k] as number) - (bd[k] as number);
    let borrow = 0;
    for (let k = span - 1; k > 0; k--) {
      const v = (out[k] as number) - borrow;
      borrow = v < 0 ? 1 : 0;
      out[k] = v + borrow * BASE;
    }
    if (borrow !== 0) {
      // |a| < |b|: the words hold BASE^(span−1) − |a − b|; take the complement, with b's sign.
      borrow = 0;
      for (let k = span - 1; k > 0; k--) {
        const v = -(out[k] as number) - borrow;
        borrow = v < 0 ? 1 : 0;
        out[k] = v + borrow * BASE;
      }
      negative = bS < 0;
    }
  }
  let first = 0;
  while (first < span && out[first] === 0) first++;
  if (first === span) {
    out[0] = 0;
    return result(0, 1, 0, false);
  }
  let last = span - 1;
  while (out[last] === 0) last--;
  return result(first, last - first + 1, (top - first) * 7 + digitCount(out[first] as number) - 1, negative);
}

/** Records the sum's place in `out`, exponent and sign; true. */
function result(at: number, words: number, e: number, minus: boolean): boolean {
  start = at;
  len = words;
  exponent = e;
  sumNegative = minus;
  return true;
}

function digitCount(word: number): number {
  return word < 1e4 ? (word < 100 ? (word < 10 ? 1 : 2) : word < 1000 ? 3 : 4) : word < 1e5 ? 5 : word < 1e6 ? 6 : 7;
}
