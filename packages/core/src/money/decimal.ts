import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The Decimal class used for money throughout ml4t: decimal.js configured with 34 significant digits (the
 * precision of IEEE decimal128), so sums of cents, prices and commissions over decades of fills stay exact.
 * Instances share decimal.js's prototype, so they interoperate with plain decimal.js values.
 */
export const Decimal: typeof DecimalJs = DecimalJs.clone({ precision: 34, rounding: DecimalJs.ROUND_HALF_EVEN });

/** An instance of {@link Decimal}. */
export type Decimal = DecimalJs;

/** An exact amount of money in the account currency. */
export type Money = Decimal;

/** Anything {@link toMoney} accepts. */
export type MoneyInput = Decimal | number | string;

/** Zero dollars (shared instance; Decimals are immutable). */
export const ZERO: Money = new Decimal(0);

/** Decimal places kept when an amount is split pro rata (e.g. entry commission over partial exits). */
export const ALLOCATION_PLACES = 12;

/**
 * Converts a float, string or Decimal to an exact {@link Money}. Floats are taken at their shortest decimal
 * representation (`0.1` becomes exactly 0.1), which is what a price printed in a data file means.
 *
 * @throws RangeError when the input is NaN or infinite.
 */
export function toMoney(value: MoneyInput): Money {
  if (value instanceof DecimalJs) {
    if (!value.isFinite()) throw new RangeError(`money must be finite, got ${value.toString()}`);
    return value;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`money must be finite, got ${value}`);
  }
  const d = new Decimal(value);
  if (!d.isFinite()) throw new RangeError(`money must be finite, got ${String(value)}`);
  return d;
}

/**
 * The part `quantity / total` of `amount`, rounded to {@link ALLOCATION_PLACES} decimal places, so that
 * `amount − part` stays exact and the parts of a split always add back up to the whole.
 */
export function proRata(amount: Money, quantity: number, total: number): Money {
  // A share of zero is that zero (no new Decimal: zero costs such as market impact are common).
  if (amount.isZero() && quantity > 0 && total > 0) return amount;
  return amount.times(quantity).div(total).toDecimalPlaces(ALLOCATION_PLACES, DecimalJs.ROUND_HALF_EVEN);
}

/** Rounds money to cents (half away from zero), for display and exports. */
export function roundCents(value: Money): Money {
  return value.toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);
}

/** Sum of amounts, exact. */
export function sumMoney(values: Iterable<Money>): Money {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
