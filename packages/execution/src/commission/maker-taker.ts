import { type CommissionModel, toMoney } from '@ml4t/core';
import { nonNegative, tradeValue } from './validate.js';

/** Options of {@link makerTakerCommission}. */
export interface MakerTakerCommissionOptions {
  /** Fraction of trade value for fills that add liquidity (resting limits filled at their level). */
  readonly maker: number;
  /** Fraction of trade value for fills that take liquidity (market, stops, marketable limits). */
  readonly taker: number;
}

/**
 * Exchange-style fees by liquidity flag: `maker` for a resting limit filled at its level, `taker` for
 * everything else. Rates are ≥ 0 (rebates are not modelled).
 */
export function makerTakerCommission(options: MakerTakerCommissionOptions): CommissionModel {
  const maker = toMoney(nonNegative(options?.maker, 'commission.maker'));
  const taker = toMoney(nonNegative(options?.taker, 'commission.taker'));
  return {
    name: 'maker-taker',
    pure: true,
    commission: (input) => tradeValue(input).times(input.liquidity === 'maker' ? maker : taker),
  };
}
