import type { Money } from './decimal.js';
import { decimalOf } from './decimal-fields.js';

/** Base of decimal.js's words (`d`): each holds 7 decimal digits, aligned to the decimal point. */
const WORD = 1e7;
const WORD_DIGITS = 7;
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
  // Word k of the product has exponent (top(a) + top(b) + 1 − k) words; word 0 takes the last carry.
  const n = nx + ny;
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < nx; i++) {
    const xi = x[i] as number;
    for (let j = 0; j < ny; j++) out[i + j + 1] = (out[i + j + 1] as number) + xi * (y[j] as number);
  }
  let carry = 0;
  for (let k = n - 1; k >= 0; k--) {
    const v = (out[k] as number) + carry;
    const w = v % WORD;
    out[k] = w;
    carry = (v - w) / WORD;
  }
  return normalised(a.s * b.s, top(a) + top(b) + 1, out) ?? a.times(b);
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
  const lx = tx - x.length + 1;
  const ly = ty - y.length + 1;
  const hi = Math.max(tx, ty) + 1;
  const lo = Math.min(lx, ly);
  const n = hi - lo + 1;
  const out = new Array<number>(n).fill(0);
  if (a.s === bSign) {
    for (let i = 0; i < x.length; i++) out[hi - tx + i] = x[i] as number;
    let carry = 0;
    for (let k = n - 1; k >= 0; k--) {
      const j = k - (hi - ty);
      const v = (out[k] as number) + (j >= 0 && j < y.length ? (y[j] as number) : 0) + carry;
      carry = v >= WORD ? 1 : 0;
      out[k] = carry === 1 ? v - WORD : v;
    }
    return normalised(a.s, hi, out);
  }
  // Opposite signs: subtract the smaller magnitude from the larger; an exact cancellation is decimal.js's.
  const order = compareMagnitude(x, tx, y, ty);
  if (order === 0) return undefined;
  return order > 0 ? subtract(x, tx, y, ty, a.s, hi, out) : subtract(y, ty, x, tx, bSign, hi, out);
}

/** `sign × (|big| − |small|)` into the zeroed words `out` (first word exponent `hi`), for `|big| > |small|`. */
function subtract(
  big: readonly number[],
  bigTop: number,
  small: readonly number[],
  smallTop: number,
  sign: number,
  hi: number,
  out: number[],
): Money | undefined {
  for (let i = 0; i < big.length; i++) out[hi - bigTop + i] = big[i] as number;
  let borrow = 0;
  for (let k = out.length - 1; k >= 0; k--) {
    const j = k - (hi - smallTop);
    const v = (out[k] as number) - (j >= 0 && j < small.length ? (small[j] as number) : 0) - borrow;
    borrow = v < 0 ? 1 : 0;
    out[k] = borrow === 1 ? v + WORD : v;
  }
  return normalised(sign, hi, out);
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
  let first = 0;
  while (first < out.length && out[first] === 0) first++;
  let end = out.length;
  while (end > first && out[end - 1] === 0) end--;
  if (first === end) return undefined;
  const lead = out[first] as number;
  const leadDigits =
    lead >= 1e6 ? 7 : lead >= 1e5 ? 6 : lead >= 1e4 ? 5 : lead >= 1e3 ? 4 : lead >= 100 ? 3 : lead >= 10 ? 2 : 1;
  let last = out[end - 1] as number;
  let trailing = 0;
  while (last % 10 === 0) {
    last /= 10;
    trailing++;
  }
  if (leadDigits + (end - first - 1) * WORD_DIGITS - trailing > PRECISION) return undefined;
  const words = first === 0 && end === out.length ? out : out.slice(first, end);
  return decimalOf(sign < 0 ? -1 : 1, (hi - first) * WORD_DIGITS + leadDigits - 1, words);
}
