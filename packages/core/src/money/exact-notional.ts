import { type Money, ZERO } from './decimal.js';
import { numberToDecimal } from './number-conversion.js';
import { moneyTimes } from './word-arithmetic.js';

// The arguments of the remembered results, in a typed array: module variables would box every double written.
const KEYS = new Float64Array(5).fill(Number.NaN);
const PRICE = 0;
const NOTIONAL_PRICE = 1;
const QUANTITY = 2;
const MULTIPLIER = 3;
const UNITS = 4;
let lastExact: Money = ZERO;
let lastNotional: Money = ZERO;
let lastUnits: Money = ZERO;

/**
 * The exact Decimal of a float price (`new Decimal(price)`), remembered for the last price asked: one fill
 * converts the same float several times (slippage split, commission, notional), and a conversion is not free,
 * so the fill path shares one. Decimals are immutable, so sharing is safe. Zero is never remembered (it keeps
 * the sign of `-0`).
 */
export function exactPrice(price: number): Money {
  if (price !== KEYS[PRICE] || price === 0) {
    lastExact = numberToDecimal(price);
    KEYS[PRICE] = price;
  }
  return lastExact;
}

/**
 * The exact trade value `price × quantity × multiplier` of float arguments (each taken as its exact Decimal),
 * remembered for the last arguments: the account check, the commission model and the fill record of one fill
 * share one product. Called again with the same arguments it returns the same object, so a holder of a notional
 * can tell by identity that it is this product of these arguments (the results collector stores such a fill's
 * notional as a flag). A zero price or quantity is never remembered (it keeps the sign of `-0`).
 */
export function exactNotional(price: number, quantity: number, multiplier: number): Money {
  if (
    price !== KEYS[NOTIONAL_PRICE] ||
    quantity !== KEYS[QUANTITY] ||
    multiplier !== KEYS[MULTIPLIER] ||
    price === 0 ||
    quantity === 0
  ) {
    const value = moneyTimes(exactPrice(price), exactUnits(quantity));
    lastNotional = multiplier === 1 ? value : moneyTimes(value, numberToDecimal(multiplier));
    KEYS[NOTIONAL_PRICE] = price;
    KEYS[QUANTITY] = quantity;
    KEYS[MULTIPLIER] = multiplier;
  }
  return lastNotional;
}

/**
 * The exact Decimal of a float quantity (`new Decimal(quantity)`), remembered for the last quantity asked: a
 * fill's notional and its slippage and impact dollars share one. Zero is never remembered (it keeps the sign of
 * `-0`).
 */
export function exactUnits(quantity: number): Money {
  if (quantity !== KEYS[UNITS] || quantity === 0) {
    lastUnits = numberToDecimal(quantity);
    KEYS[UNITS] = quantity;
  }
  return lastUnits;
}
