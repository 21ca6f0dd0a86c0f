import { Decimal, type Money, moneyTimes, numberToDecimal } from '@ml4t/core';

let lastPrice = Number.NaN;
let lastExact: Money = new Decimal(0);
let lastNotionalPrice = Number.NaN;
let lastQuantity = Number.NaN;
let lastMultiplier = Number.NaN;
let lastNotional: Money = lastExact;

/**
 * The exact Decimal of a float price, remembered for the last price asked. One fill converts the same
 * float several times (slippage split, commission, notional), and a conversion is not free, so the fill path
 * shares one. Decimals are immutable, so sharing is safe. Zero is never remembered (it keeps the sign of `-0`).
 *
 * @internal
 */
export function exactPrice(price: number): Money {
  if (price !== lastPrice || price === 0) {
    lastExact = numberToDecimal(price);
    lastPrice = price;
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
  if (price !== lastNotionalPrice || quantity !== lastQuantity || multiplier !== lastMultiplier || price === 0) {
    const value = moneyTimes(exactPrice(price), numberToDecimal(quantity));
    lastNotional = multiplier === 1 ? value : moneyTimes(value, numberToDecimal(multiplier));
    lastNotionalPrice = price;
    lastQuantity = quantity;
    lastMultiplier = multiplier;
  }
  return lastNotional;
}
