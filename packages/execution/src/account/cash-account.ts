import { ConfigError, exactNotional, moneyCompare, moneyPlus, ReasonCode } from '@ml4t/core';
import type { AccountCheckInput, AccountPolicy } from './account-policy.js';

/** Options of {@link cashAccount}. */
export interface CashAccountOptions {
  /**
   * Allow short sales whose proceeds are simply added to cash, with no margin requirement (backtrader's
   * default broker). A plain cash account cannot short.
   * @defaultValue false
   */
  readonly allowShorts?: boolean;
}

/**
 * A cash account: no leverage — a buy that opens or adds to a position must be paid from spendable cash
 * (notional + commission); no shorts unless `allowShorts`. Rejections carry `insufficient_cash` or
 * `short_not_allowed`.
 */
export function cashAccount(options: CashAccountOptions = {}): AccountPolicy {
  const allowShorts = options.allowShorts ?? false;
  if (typeof allowShorts !== 'boolean') throw new ConfigError('account.allowShorts', 'boolean', 'must be a boolean');
  return {
    name: allowShorts ? 'cash+shorts' : 'cash',
    allowsShorts: allowShorts,
    check(input: AccountCheckInput) {
      if (input.side === 'SELL') {
        if (!allowShorts) {
          return {
            code: ReasonCode.ShortNotAllowed,
            message: `a cash account cannot sell ${input.openingQuantity} units short`,
            source: 'cashAccount',
          };
        }
        return undefined;
      }
      const cost = moneyPlus(input.commission, exactNotional(input.price, input.quantity, input.multiplier));
      if (moneyCompare(input.spendableCash, cost) < 0) {
        return {
          code: ReasonCode.InsufficientCash,
          message: `needs ${cost.toFixed(2)} but only ${input.spendableCash.toFixed(2)} is available`,
          source: 'cashAccount',
        };
      }
      return undefined;
    },
  };
}
