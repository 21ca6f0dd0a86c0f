import { type CommissionModel, ConfigError, Decimal, toMoney } from '@ml4t/core';
import { nonNegative, tradeValue } from './validate.js';

/** One monthly-volume tier of {@link ibTieredCommission}. */
export interface IbVolumeTier {
  /** Shares traded this month (before this fill) from which the rate applies. */
  readonly fromShares: number;
  /** Dollars per share. */
  readonly perShare: number;
}

/** Options of {@link ibTieredCommission}; defaults are IB's US-stock tiered pricing. */
export interface IbTieredCommissionOptions {
  /**
   * Monthly volume tiers.
   * @defaultValue 0: 0.0035, 300,000: 0.002, 3,000,000: 0.0015, 20,000,000: 0.001, 100,000,000: 0.0005
   */
  readonly tiers?: readonly IbVolumeTier[];
  /** @defaultValue 0.35 per order */
  readonly minimum?: number;
  /** @defaultValue 0.01 (1 % of trade value) */
  readonly maximumPercent?: number;
  /** Exchange, clearing and regulatory fees per share, added on top. @defaultValue 0.0002 (NSCC/DTC clearing) */
  readonly feesPerShare?: number;
}

const DEFAULT_TIERS: readonly IbVolumeTier[] = [
  { fromShares: 0, perShare: 0.0035 },
  { fromShares: 300_000, perShare: 0.002 },
  { fromShares: 3_000_000, perShare: 0.0015 },
  { fromShares: 20_000_000, perShare: 0.001 },
  { fromShares: 100_000_000, perShare: 0.0005 },
];

/**
 * Interactive Brokers "Tiered" pricing for US stocks: a per-share rate by the month's cumulative share volume
 * (calendar month, UTC, of the fill; the whole fill pays the rate of the volume traded before it; estimates with
 * `preview` do not count toward the volume), at least the minimum, at most `maximumPercent` of the trade value,
 * plus pass-through fees per share. Stateful: one instance per run.
 *
 * @example First fill of the month, 1,000 shares at $50: 1,000 × 0.0035 = $3.50, + $0.20 fees = $3.70.
 */
export function ibTieredCommission(options: IbTieredCommissionOptions = {}): CommissionModel {
  const tiers = (options.tiers ?? DEFAULT_TIERS).map((t, i) => ({
    from: nonNegative(t.fromShares, `commission.tiers.${i}.fromShares`),
    rate: toMoney(nonNegative(t.perShare, `commission.tiers.${i}.perShare`)),
  }));
  if (tiers.length === 0 || tiers[0]?.from !== 0) {
    throw new ConfigError('commission.tiers', 'starts-at-zero', 'tiers must be non-empty and start at 0 shares');
  }
  const minimum = toMoney(nonNegative(options.minimum ?? 0.35, 'commission.minimum'));
  const maxPct = toMoney(nonNegative(options.maximumPercent ?? 0.01, 'commission.maximumPercent'));
  const fees = toMoney(nonNegative(options.feesPerShare ?? 0.0002, 'commission.feesPerShare'));
  let month = -1;
  let volume = 0;
  return {
    name: 'ib-tiered',
    commission(input) {
      const d = new Date(input.timestamp);
      const m = d.getUTCFullYear() * 12 + d.getUTCMonth();
      if (m !== month) {
        month = m;
        volume = 0;
      }
      let rate = tiers[0]?.rate ?? minimum;
      for (const t of tiers) if (volume >= t.from) rate = t.rate;
      if (input.preview !== true) volume += input.quantity;
      let fee = Decimal.max(rate.times(input.quantity), minimum);
      fee = Decimal.min(fee, tradeValue(input).times(maxPct));
      return fee.plus(fees.times(input.quantity));
    },
  };
}
