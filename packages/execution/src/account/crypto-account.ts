import { decimalToNumber, ReasonCode } from '@ml4t/core';
import type { AccountCheckInput, AccountPolicy } from './account-policy.js';
import { postTradeGross } from './post-trade-gross.js';

/**
 * A crypto-exchange style account: shorts allowed, no leverage. A buy that opens a position must be paid from
 * spendable cash; after any opening fill, gross exposure may not exceed equity. Rejections carry
 * `insufficient_cash` or `leverage_not_allowed`.
 */
export function cryptoAccount(): AccountPolicy {
  return {
    name: 'crypto',
    allowsShorts: true,
    check(input: AccountCheckInput) {
      const notional = input.price * input.quantity * input.multiplier;
      if (input.side === 'BUY' && input.position >= 0) {
        const cost = input.commission.plus(notional);
        if (input.spendableCash.lt(cost)) {
          return {
            code: ReasonCode.InsufficientCash,
            message: `needs ${cost.toFixed(2)} but only ${input.spendableCash.toFixed(2)} is available`,
            source: 'cryptoAccount',
          };
        }
      }
      const after = postTradeGross(input);
      const equity = input.equity - decimalToNumber(input.commission);
      if (after > equity + 1e-9) {
        return {
          code: ReasonCode.LeverageNotAllowed,
          message: `gross exposure ${after.toFixed(2)} would exceed equity ${equity.toFixed(2)}`,
          source: 'cryptoAccount',
        };
      }
      return undefined;
    },
  };
}
