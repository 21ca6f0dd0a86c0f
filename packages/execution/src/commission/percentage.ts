import { type CommissionModel, moneyTimes, toMoney } from '@ml4t/core';
import { nonNegative, tradeValue } from './validate.js';

/** Options of {@link percentageCommission}. */
export interface PercentageCommissionOptions {
  /** Fraction of trade value (0.001 = 0.1 %). */
  readonly rate: number;
}

/**
 * A fraction of the trade value `quantity × price × multiplier` (the contract multiplier is included), exact.
 *
 * @example rate 0.001, 100 shares at 101 → $10.10.
 */
export function percentageCommission(options: PercentageCommissionOptions): CommissionModel {
  const rate = toMoney(nonNegative(options?.rate, 'commission.rate'));
  return { name: 'percentage', pure: true, commission: (input) => moneyTimes(tradeValue(input), rate) };
}
