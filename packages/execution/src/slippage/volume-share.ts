import { ConfigError, type SlippageModel } from '@ml4t/core';
import { adverse, nonNegative, participationOf } from './validate.js';

/** Options of {@link volumeShareSlippage}. */
export interface VolumeShareSlippageOptions {
  /** Impact constant. @defaultValue 0.1 */
  readonly priceImpact?: number;
  /** Cap on the volume share used in the formula. @defaultValue 0.025 */
  readonly volumeLimit?: number;
}

/**
 * Zipline's volume-share slippage: with `s = min(q / V, volumeLimit)`, the price moves by
 * `priceImpact × s²` of the price against the trader. No slippage when the bar volume is unknown or zero.
 * (Capping the fill size itself is the broker's `volumeLimit` knob.)
 */
export function volumeShareSlippage(options: VolumeShareSlippageOptions = {}): SlippageModel {
  const impact = nonNegative(options.priceImpact ?? 0.1, 'slippage.priceImpact');
  const limit = nonNegative(options.volumeLimit ?? 0.025, 'slippage.volumeLimit');
  if (limit > 1) throw new ConfigError('slippage.volumeLimit', 'fraction', 'must be ≤ 1');
  return {
    name: 'volume-share',
    fillPrice: ({ order, basePrice, quantity, bar }) => {
      const share = Math.min(participationOf(quantity, bar.volume), limit);
      return basePrice * (1 + adverse(order.side) * impact * share * share);
    },
  };
}
