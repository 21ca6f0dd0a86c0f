import type { Money, OrderSide, PortfolioView, SymbolId } from '@ml4t/core';
import type { AccountCheckInput } from './account-policy.js';

/**
 * The {@link AccountCheckInput} the broker hands to account policies. `equity` and `grossExposure` walk every
 * open position, and most policies (a cash account) never read them, so they are read from the portfolio
 * when asked, during the (synchronous) check, instead of on every fill.
 *
 * @internal
 */
export class AccountCheckView implements AccountCheckInput {
  constructor(
    readonly symbolId: SymbolId,
    readonly side: OrderSide,
    readonly quantity: number,
    readonly openingQuantity: number,
    readonly price: number,
    readonly multiplier: number,
    readonly commission: Money,
    readonly position: number,
    readonly spendableCash: Money,
    readonly positionValue: number,
    private readonly portfolio: PortfolioView,
  ) {}

  get equity(): number {
    return this.portfolio.equity;
  }

  get grossExposure(): number {
    return this.portfolio.grossExposure;
  }
}
