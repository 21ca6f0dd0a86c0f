import { type Money, type PortfolioView, roundCents, toMoney } from '@ml4t/core';

/**
 * The account's exact equity: Decimal cash plus every open position at its last price (`quantity ×
 * lastPrice`, exact from the float price). The benchmark's instruments all have multiplier 1.
 */
export function exactEquity(portfolio: PortfolioView): Money {
  let equity = portfolio.cash;
  for (const p of portfolio.positions()) equity = equity.plus(toMoney(p.lastPrice).times(p.quantity));
  return equity;
}

/** An amount as a string of dollars and cents (half away from zero), e.g. `"1234.57"`. */
export function toCents(amount: Money | number): string {
  return roundCents(toMoney(amount)).toFixed(2);
}
