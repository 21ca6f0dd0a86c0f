import { ConfigError, type SlippageModel } from '@ml4t/core';
import { adverse, nonNegative, participationOf } from './validate.js';

/** Options of {@link volumeAwareSlippage}. */
export interface VolumeAwareSlippageOptions {
  /** Rate paid by any fill (0.0001 = 1 bp). */
  readonly baseRate: number;
  /** Extra rate per unit of participation: rate = `baseRate + coefficient × min(q / V, maxParticipation)`. */
  readonly coefficient: number;
  /** Participation used in the formula is capped here. @defaultValue 0.1 */
  readonly maxParticipation?: number;
}

/**
 * Participation-dependent slippage: the rate grows linearly with the fill's share of the bar's volume,
 * `rate = baseRate + coefficient × min(q / V, cap)`, applied as a percentage against the trader.
 * With an unknown or zero volume only the base rate applies.
 *
 * @example base 1 bp, coefficient 0.01, 1 % of bar volume → 1 bp + 0.01 × 0.01 = 2 bp.
 */
export function volumeAwareSlippage(options: VolumeAwareSlippageOptions): SlippageModel {
  const base = nonNegative(options?.baseRate, 'slippage.baseRate');
  const k = nonNegative(options?.coefficient, 'slippage.coefficient');
  const cap = nonNegative(options?.maxParticipation ?? 0.1, 'slippage.maxParticipation');
  if (cap > 1) throw new ConfigError('slippage.maxParticipation', 'fraction', 'must be ≤ 1');
  return {
    name: 'volume-aware',
    fillPrice: ({ order, basePrice, quantity, bar }) => {
      const rate = base + k * Math.min(participationOf(quantity, bar.volume), cap);
      return basePrice * (1 + adverse(order.side) * rate);
    },
  };
}
