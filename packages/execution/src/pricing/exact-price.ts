import { Decimal, type Money, numberToDecimal } from '@ml4t/core';

let lastPrice = Number.NaN;
let lastExact: Money = new Decimal(0);

/**
 * The exact Decimal of a float price, remembered for the last price asked. One fill converts the same
 * float several times (slippage split, commission, notional), and converting a non-integer float costs a
 * string round trip (about 0.5 µs), so the fill path shares one conversion. Decimals are immutable, so
 * sharing is safe. Zero is never remembered (it keeps the sign of `-0`).
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
