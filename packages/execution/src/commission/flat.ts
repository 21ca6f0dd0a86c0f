import { type CommissionModel, toMoney } from '@ml4t/core';
import { nonNegative } from './validate.js';

/** Options of {@link flatCommission}. */
export interface FlatCommissionOptions {
  /** Dollars per fill. */
  readonly amount: number;
}

/** A flat fee per fill, whatever its size. */
export function flatCommission(options: FlatCommissionOptions): CommissionModel {
  const amount = toMoney(nonNegative(options?.amount, 'commission.amount'));
  return { name: 'flat', pure: true, commission: () => amount };
}
