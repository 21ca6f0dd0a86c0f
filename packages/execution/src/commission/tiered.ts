import { type CommissionModel, ConfigError, toMoney } from '@ml4t/core';
import { nonNegative, tradeValue } from './validate.js';

/** One tier of {@link tieredCommission}: from this trade value up, the rate applies. */
export interface CommissionTier {
  /** Lower bound of the fill's trade value, in dollars. */
  readonly from: number;
  /** Fraction of trade value charged. */
  readonly rate: number;
}

/** Options of {@link tieredCommission}. */
export interface TieredCommissionOptions {
  /** Tiers in increasing `from` order; the first must start at 0. */
  readonly tiers: readonly CommissionTier[];
  /** Minimum per fill. @defaultValue 0 */
  readonly minimum?: number;
}

/**
 * A percentage whose rate depends on the fill's trade value: the rate of the last tier whose `from` ≤ value
 * applies to the whole value (not marginal), then the minimum.
 *
 * @example tiers `[{from: 0, rate: 0.002}, {from: 10_000, rate: 0.001}]`: $5,000 → $10; $20,000 → $20.
 */
export function tieredCommission(options: TieredCommissionOptions): CommissionModel {
  const tiers = options?.tiers;
  if (!Array.isArray(tiers) || tiers.length === 0) {
    throw new ConfigError('commission.tiers', 'non-empty', 'at least one tier is required');
  }
  let last = -1;
  const parsed = tiers.map((t, i) => {
    const from = nonNegative(t.from, `commission.tiers.${i}.from`);
    if (i === 0 && from !== 0) throw new ConfigError('commission.tiers.0.from', 'zero', 'the first tier starts at 0');
    if (from <= last) throw new ConfigError(`commission.tiers.${i}.from`, 'increasing', 'tiers must increase');
    last = from;
    return { from: toMoney(from), rate: toMoney(nonNegative(t.rate, `commission.tiers.${i}.rate`)) };
  });
  const minimum = toMoney(nonNegative(options.minimum ?? 0, 'commission.minimum'));
  return {
    name: 'tiered',
    pure: true,
    commission(input) {
      const value = tradeValue(input);
      let rate = parsed[0]?.rate ?? minimum;
      for (const tier of parsed) if (value.gte(tier.from)) rate = tier.rate;
      const fee = value.times(rate);
      return fee.lt(minimum) ? minimum : fee;
    },
  };
}
