import { Decimal, type Money, moneyTimes, numberToDecimal } from '@ml4t/core';

// The arguments of the remembered results, in a typed array: module variables would box every double written.
const KEYS = new Float64Array([Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
const PRICE = 0;
const NOTIONAL_PRICE = 1;
const QUANTITY = 2;
const MULTIPLIER = 3;
const UNITS = 4;
let lastExact: Money = new Decimal(0);
let lastNotional: Money = lastExact;
let lastUnits: Money = lastExact;

/**
 * The exact Decimal of a float price, remembered for the last price asked. One fill converts the same
 * float several times (slippage split, commission, notional), and a conversion is not free, so the fill path
 * shares one. Decimals are immutable, so sharing is safe. Zero is never remembered (it keeps the sign of `-0`).
 *
 * @internal
 */
export function exactPrice(price: number): Money {
  if (price !== KEYS[PRICE] || price === 0) {
    lastExact = numberToDecimal(price);
    KEYS[PRICE] = price;
  }
  return lastExact;
}

/**
 * The exact trade value `price × quantity × multiplier`, remembered for the last arguments: the account check,
 * the commission model and the fill record of one fill share one product.
 *
 * @internal
 */
export function exactNotional(price: number, quantity: number, multiplier: number): Money {
  if (price !== KEYS[NOTIONAL_PRICE] || quantity !== KEYS[QUANTITY] || multiplier !== KEYS[MULTIPLIER] || price === 0) {
    const value = moneyTimes(exactPrice(price), exactUnits(quantity));
    lastNotional = multiplier === 1 ? value : moneyTimes(value, numberToDecimal(multiplier));
    KEYS[NOTIONAL_PRICE] = price;
    KEYS[QUANTITY] = quantity;
    KEYS[MULTIPLIER] = multiplier;
  }
  return lastNotional;
}

/**
 * The exact Decimal of a float quantity, remembered for the last quantity asked: a fill's notional and its
 * slippage and impact dollars share one. Zero is never remembered (it keeps the sign of `-0`).
 *
 * @internal
 */
export function exactUnits(quantity: number): Money {
  if (quantity !== KEYS[UNITS] || quantity === 0) {
    lastUnits = numberToDecimal(quantity);
    KEYS[UNITS] = quantity;
  }
  return lastUnits;
}
