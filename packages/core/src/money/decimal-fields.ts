import { Decimal, type Money } from './decimal.js';

/** decimal.js's documented instance properties, writable (they are `readonly` in its typings). */
interface DecimalFields {
  constructor: typeof Decimal;
  s: number;
  e: number;
  d: number[];
}

/**
 * Base of decimal.js's words (its `LOG_BASE` is 7): a Decimal's `d` holds base-10⁷ words aligned to the point.
 *
 * @internal
 */
export const WORD = 1e7;
/** Decimal digits per word. @internal */
export const WORD_DIGITS = 7;

/** Digits of a non-zero word (below 10⁷): 1 … 7. @internal */
export function wordDigits(word: number): number {
  return word >= 1e6 ? 7 : word >= 1e5 ? 6 : word >= 1e4 ? 5 : word >= 1e3 ? 4 : word >= 100 ? 3 : word >= 10 ? 2 : 1;
}

/** The prototype decimal.js's classes share (a clone is told apart by its instances' own `constructor`). */
const PROTOTYPE: object = Object.getPrototypeOf(new Decimal(1));

/**
 * A constructor of bare instances on decimal.js's prototype: `new` with it is allocated inline by the optimizing
 * compiler, where `Object.create(PROTOTYPE)` is a call into the runtime on every Decimal.
 */
function DecimalShell(this: DecimalFields, sign: 1 | -1, e: number, words: number[]): void {
  this.constructor = Decimal;
  this.s = sign;
  this.e = e;
  this.d = words;
}
DecimalShell.prototype = PROTOTYPE;
const Shell = DecimalShell as unknown as new (sign: 1 | -1, e: number, words: number[]) => DecimalFields;

/**
 * A {@link Decimal} from decimal.js's documented fields, which must be in its normal form: `d` the base-10⁷
 * words aligned to the decimal point (no leading or trailing zero word), `e` the exponent of the leading digit,
 * `s` the sign. The instance has the own properties decimal.js gives its own, in its order.
 *
 * @internal
 */
export function decimalOf(sign: 1 | -1, e: number, words: number[]): Money {
  return new Shell(sign, e, words) as unknown as Money;
}
