import { ConfigError, decimalToNumber, ReasonCode } from '@ml4t/core';
import type { AccountCheckInput, AccountPolicy } from './account-policy.js';
import { postTradeGross } from './post-trade-gross.js';

/** Options of {@link marginAccount}. */
export interface MarginAccountOptions {
  /**
   * Initial margin as a fraction of gross exposure that equity must cover after an opening fill
   * (0.5 = Reg-T, 2× leverage).
   * @defaultValue 0.5
   */
  readonly initialMargin?: number;
  /**
   * Maintenance margin: when equity falls below this fraction of gross exposure at the end of a timestamp,
   * positions are liquidated at the close (largest first) with exit reason `MARGIN_CALL` until it holds again.
   * @defaultValue 0.25
   */
  readonly maintenanceMargin?: number;
}

/**
 * A margin account: shorts and leverage allowed within the initial margin; margin calls liquidate positions
 * when equity falls below the maintenance margin. Rejections carry `insufficient_margin`.
 */
export function marginAccount(options: MarginAccountOptions = {}): AccountPolicy {
  const initial = options.initialMargin ?? 0.5;
  const maintenance = options.maintenanceMargin ?? 0.25;
  if (!(initial > 0 && initial <= 1)) throw new ConfigError('account.initialMargin', 'fraction', 'must be in (0, 1]');
  if (!(maintenance > 0 && maintenance <= initial)) {
    throw new ConfigError('account.maintenanceMargin', 'fraction', 'must be in (0, initialMargin]');
  }
  return {
    name: 'margin',
    allowsShorts: true,
    check(input: AccountCheckInput) {
      const gross = postTradeGross(input);
      const equity = input.equity - decimalToNumber(input.commission);
      const required = gross * initial;
      if (required > equity + 1e-9) {
        return {
          code: ReasonCode.InsufficientMargin,
          message: `initial margin ${required.toFixed(2)} exceeds equity ${equity.toFixed(2)}`,
          source: 'marginAccount',
        };
      }
      return undefined;
    },
    needsLiquidation(equity: number, grossExposure: number) {
      return grossExposure > 0 && equity < grossExposure * maintenance;
    },
  };
}
