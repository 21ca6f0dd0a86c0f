import type { Money } from './decimal.js';
import { decimalOf, WORD, WORD_DIGITS, wordDigits } from './decimal-fields.js';

/** Significant digits of {@link Decimal} (its `precision`): longer results are rounded by decimal.js. */
const PRECISION = 34;
/** Operands of at most this many words take the fast path (34 digits span at most 6 words). */
const MAX_WORDS = 6;

/**
 * `a.plus(b)` — the same Decimal (digits, exponent, sign) — computed on decimal.js's base-10⁷ words directly
 * when both are non-zero and the exact sum has at most 34 significant digits (no rounding needed), which is
 * the case for the prices, quantities, cash and costs of a ledger. Anything else is left to decimal.js.
 */
export function moneyPlus(a: Money, b: Money): Money {
  return add(a, b, b.s) ?? a.plus(b);
}

/** `a.minus(b)`, with the fast path of {@link moneyPlus}. */
export function moneyMinus(a: Money, b: Money): Money {
  return add(a, b, -b.s) ?? a.minus(b);
}

/**
 * `a.times(b)` — the same Decimal — computed by schoolbook multiplication of the words when both are non-zero,
 * at most six words long and the exact product has at most 34 significant digits. Anything else is left to
 * decimal.js.
 */
export function moneyTimes(a: Money, b: Money): Money {
  const x = a.d;
  const y = b.d;
  if (!usable(x) || !usable(y)) return a.times(b);
  const nx = x.length;
  const ny = y.length;
  // Word k of the product has word exponent top(a) + top(b) + 1 − k; word 0 takes the last carry. Column sums
  // of at most six products below 10¹⁴ stay exact.
  const n = nx + ny;
  const out = new Array<number>(n);
  let carry = 0;
  for (let k = n - 1; k >= 1; k--) {
    let v = carry;
    const from = Math.max(0, k - ny);
    const to = Math.min(nx - 1, k - 1);
    for (let i = from; i <= to; i++) v += (x[i] as number) * (y[k - 1 - i] as number);
    // Floor and multiply rather than `%`, which on a double above 2³¹ is a call to fmod; a quotient rounded up
    // to the next integer shows as a negative remainder.
    let q = Math.floor(v / WORD);
    let w = v - q * WORD;
    if (w < 0) {
      w += WORD;
      q -= 1;
    }
    out[k] = w;
    carry = q;
  }
  out[0] = carry;
  return normalised(a.s * b.s, top(a) + top(b) + 1, out) ?? a.times(b);
}

/**
 * `a.cmp(b)` (−1, 0 or 1) read from the words, without the copy of `b` decimal.js makes to compare. Zeros and
 * non-finite values are left to decimal.js (NaN compares as `NaN`).
 */
export function moneyCompare(a: Money, b: Money): number {
  const x = a.d;
  const y = b.d;
  if (!usable(x) || !usable(y)) return a.cmp(b);
  if (a.s !== b.s) return a.s;
  const order = compareMagnitude(x, top(a), y, top(b));
  return a.s < 0 && order !== 0 ? -order : order;
}

/** True for the words of a finite, non-zero Decimal short enough for the fast paths. */
function usable(words: readonly number[] | null | undefined): words is readonly number[] {
  return words !== null && words !== undefined && words.length <= MAX_WORDS && words[0] !== 0;
}

/** The word exponent (in units of 7 digits) of a Decimal's first word. */
function top(d: Money): number {
  return Math.floor(d.e / WORD_DIGITS);
}

/** `a + sign(b)·|b|` on words, or `undefined` when decimal.js must decide (zeros, cancellation, rounding). */
function add(a: Money, b: Money, bSign: number): Money | undefined {
  const x = a.d;
  const y = b.d;
  if (!usable(x) || !usable(y)) return undefined;
  const tx = top(a);
  const ty = top(b);
  if (a.s === bSign) return sum(x, tx, y, ty, a.s);
  // Opposite signs: subtract the smaller magnitude from the larger; an exact cancellation is decimal.js's.
  const order = compareMagnitude(x, tx, y, ty);
  if (order === 0) return undefined;
  return order > 0 ? difference(x, tx, y, ty, a.s) : difference(y, ty, x, tx, bSign);
}

/** The word of `words` (first word exponent `t`) at word exponent `e`, 0 outside. */
function wordAt(words: readonly number[], t: number, e: number): number {
  const i = t - e;
  return i >= 0 && i < words.length ? (words[i] as number) : 0;
}

/** `sign × (|x| + |y|)`. */
function sum(x: readonly number[], tx: number, y: readonly number[], ty: number, sign: number): Money | undefined {
  const hi = Math.max(tx, ty);
  const lo = Math.min(tx - x.length, ty - y.length) + 1;
  const out = new Array<number>(hi - lo + 1);
  let carry = 0;
  for (let e = lo; e <= hi; e++) {
    const v = wordAt(x, tx, e) + wordAt(y, ty, e) + carry;
    carry = v >= WORD ? 1 : 0;
    out[hi - e] = carry === 1 ? v - WORD : v;
  }
  if (carry === 1) {
    out.unshift(1);
    return normalised(sign, hi + 1, out);
  }
  return normalised(sign, hi, out);
}

/** `sign × (|big| − |small|)`, for `|big| > |small|`. */
function difference(
  big: readonly number[],
  bigTop: number,
  small: readonly number[],
  smallTop: number,
  sign: number,
): Money | undefined {
  const lo = Math.min(bigTop - big.length, smallTop - small.length) + 1;
  const out = new Array<number>(bigTop - lo + 1);
  let borrow = 0;
  for (let e = lo; e <= bigTop; e++) {
    const v = wordAt(big, bigTop, e) - wordAt(small, smallTop, e) - borrow;
    borrow = v < 0 ? 1 : 0;
    out[bigTop - e] = borrow === 1 ? v + WORD : v;
  }
  return normalised(sign, bigTop, out);
}

/** Sign of `|x| − |y|` for word arrays with first-word exponents `tx`, `ty` (non-zero, normal form). */
function compareMagnitude(x: readonly number[], tx: number, y: readonly number[], ty: number): number {
  if (tx !== ty) return tx > ty ? 1 : -1;
  const n = Math.max(x.length, y.length);
  for (let k = 0; k < n; k++) {
    const xv = k < x.length ? (x[k] as number) : 0;
    const yv = k < y.length ? (y[k] as number) : 0;
    if (xv !== yv) return xv > yv ? 1 : -1;
  }
  return 0;
}

/**
 * The Decimal of `sign ×` words `out` whose first word has word exponent `hi`, in decimal.js's normal form (no
 * leading or trailing zero word); `undefined` if it is zero or has more than 34 significant digits.
 */
function normalised(sign: number, hi: number, out: number[]): Money | undefined {
  // Trimmed in place, leading zero words by moving the rest down (a loop the compiler inlines, where `shift` is a
  // call per word; this is the hot path of every sum).
  let zeros = 0;
  while (zeros < out.length && out[zeros] === 0) zeros++;
  if (zeros > 0) {
    for (let k = zeros; k < out.length; k++) out[k - zeros] = out[k] as number;
    for (let k = 0; k < zeros; k++) out.pop();
  }
  const first = hi - zeros;
  let end = out.length;
  while (end > 0 && out[end - 1] === 0) end--;
  if (end === 0) return undefined;
  // `pop`, which the compiler inlines, rather than setting `length`, a call.
  while (out.length > end) out.pop();
  const lead = out[0] as number;
  const leadDigits = wordDigits(lead);
  const span = leadDigits + (end - 1) * WORD_DIGITS;
  // The last word's trailing zeros only matter near the precision (counted in int32: `%` stays an integer op).
  if (span > PRECISION && span - trailingZeros(out[end - 1] as number) > PRECISION) return undefined;
  return decimalOf(sign < 0 ? -1 : 1, first * WORD_DIGITS + leadDigits - 1, out);
}

/** Trailing decimal zeros of a non-zero word (below 10⁷). */
function trailingZeros(word: number): number {
  let last = word | 0;
  let zeros = 0;
  while (last % 10 === 0) {
    last = (last / 10) | 0;
    zeros++;
  }
  return zeros;
}
