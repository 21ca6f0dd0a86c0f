import { Decimal, type Money } from '@ml4t/core';
import { isInt32 } from './record-keys.js';
import type { WordCursor } from './word-stream.js';

/** Most base-10⁷ digit words of a coded amount (34 significant digits need at most 6). */
const MAX_DIGIT_WORDS = 7;
/** Exponents are coded in the header's upper 28 bits. */
const MAX_EXPONENT = 2 ** 27;
/** Most ints one coded amount takes: a header and its digit words. */
export const MONEY_MAX_INTS = 1 + MAX_DIGIT_WORDS;

/**
 * True if `value` is a finite Decimal of ml4t's class that {@link writeMoney} codes exactly: at most seven digit
 * words and an exponent below 2²⁷ in magnitude (every amount of precision 34 within ±10¹³⁴²¹⁷⁷²⁷).
 */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null || (value as Money).constructor !== Decimal) return false;
  const { d, e, s } = value as Money;
  return (
    d !== null &&
    d !== undefined &&
    d.length > 0 &&
    d.length <= MAX_DIGIT_WORDS &&
    isInt32(e) &&
    e < MAX_EXPONENT &&
    e >= -MAX_EXPONENT &&
    (s === 1 || s === -1)
  );
}

/**
 * Writes `value` (checked with {@link isMoney}) at `ints[p]`: a header (exponent × 16 + words × 2 + sign bit)
 * and decimal.js's digit words (its documented `d`, `e`, `s` instance properties). Returns the next position.
 */
export function writeMoney(ints: Int32Array, p: number, value: Money): number {
  const d = value.d;
  const len = d.length;
  ints[p] = (value.e << 4) | (len << 1) | (value.s < 0 ? 1 : 0);
  for (let k = 0; k < len; k++) ints[p + 1 + k] = d[k] as number;
  return p + 1 + len;
}

/** Reads the amount {@link writeMoney} wrote at the cursor. */
export function readMoney(c: WordCursor): Money {
  const header = c.int();
  const len = (header >> 1) & 7;
  const value = moneyOf(c.ints, c.ip, len, header >> 4, (header & 1) !== 0);
  c.ip += len;
  return value;
}

/** The Decimal with digit words `words[at … at + len)`, exponent `e` and the given sign (decimal.js's form). */
export function moneyOf(words: Int32Array, at: number, len: number, e: number, negative: boolean): Money {
  let digits = String(words[at]);
  for (let k = 1; k < len; k++) digits += String(words[at + k]).padStart(7, '0');
  const sign = negative ? '-' : '';
  return new Decimal(digits.length === 1 ? `${sign}${digits}e${e}` : `${sign}${digits[0]}.${digits.slice(1)}e${e}`);
}
