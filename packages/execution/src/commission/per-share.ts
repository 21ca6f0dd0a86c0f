import { type CommissionModel, ConfigError, Decimal, toMoney } from '@ml4t/core';
import { nonNegative, tradeValue } from './validate.js';

/** Options of {@link perShareCommission}. */
export interface PerShareCommissionOptions {
  /** Dollars per unit (share or contract). */
  readonly rate: number;
  /** Minimum per fill. @defaultValue 0 */
  readonly minimum?: number;
  /** Maximum per fill in dollars. @defaultValue none */
  readonly maximum?: number;
  /** Maximum per fill as a fraction of trade value (0.01 = 1 %). @defaultValue none */
  readonly maximumPercent?: number;
}

/**
 * `quantity × rate`, raised to `minimum`, then capped at `maximum` and at `maximumPercent × trade value`
 * (the cap wins over the minimum, as at Interactive Brokers).
 *
 * @example rate 0.005, minimum 1: 100 shares → $1.00, 1,000 shares → $5.00; with maximumPercent 0.01,
 * 1,000 shares at $0.30 → $3.00.
 */
export function perShareCommission(options: PerShareCommissionOptions): CommissionModel {
  const rate = toMoney(nonNegative(options?.rate, 'commission.rate'));
  const minimum = toMoney(nonNegative(options.minimum ?? 0, 'commission.minimum'));
  const maximum =
    options.maximum === undefined ? undefined : toMoney(nonNegative(options.maximum, 'commission.maximum'));
  const maxPct =
    options.maximumPercent === undefined
      ? undefined
      : toMoney(nonNegative(options.maximumPercent, 'commission.maximumPercent'));
  if (maximum?.lt(minimum)) {
    throw new ConfigError('commission.maximum', 'at-least-minimum', 'must be ≥ minimum');
  }
  return {
    name: 'per-share',
    pure: true,
    commission(input) {
      let fee = Decimal.max(rate.times(input.quantity), minimum);
      if (maximum !== undefined) fee = Decimal.min(fee, maximum);
      if (maxPct !== undefined) fee = Decimal.min(fee, tradeValue(input).times(maxPct));
      return fee;
    },
  };
}
