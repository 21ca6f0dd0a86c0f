import type { CommissionModel } from '@ml4t/core';
import { perShareCommission } from './per-share.js';

/** Options of {@link ibFixedCommission}; defaults are IB's US-stock fixed pricing. */
export interface IbFixedCommissionOptions {
  /** @defaultValue 0.005 per share */
  readonly perShare?: number;
  /** @defaultValue 1.00 per order */
  readonly minimum?: number;
  /** @defaultValue 0.01 (1 % of trade value) */
  readonly maximumPercent?: number;
}

/**
 * Interactive Brokers "Fixed" pricing for US stocks: $0.005 a share, at least $1.00, at most 1 % of the trade
 * value (the cap wins over the minimum).
 *
 * @example 100 shares at $50 → $1.00; 1,000 shares at $50 → $5.00; 1,000 shares at $0.30 → $3.00.
 */
export function ibFixedCommission(options: IbFixedCommissionOptions = {}): CommissionModel {
  const model = perShareCommission({
    rate: options.perShare ?? 0.005,
    minimum: options.minimum ?? 1,
    maximumPercent: options.maximumPercent ?? 0.01,
  });
  return { name: 'ib-fixed', pure: true, commission: (input) => model.commission(input) };
}
