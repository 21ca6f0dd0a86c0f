import type { SlippageModel } from '@ml4t/core';
import { adverse, nonNegative, participationOf } from './validate.js';

/** Options of {@link linearImpactSlippage}. */
export interface LinearImpactSlippageOptions {
  /** Price fraction per unit of participation: slippage = `coefficient × quantity ÷ bar volume` of the price. */
  readonly coefficient: number;
}

/**
 * Slippage linear in participation: `base × (1 ± coefficient × q / V)` with `V` the bar's volume
 * (no slippage when the volume is unknown or zero).
 */
export function linearImpactSlippage(options: LinearImpactSlippageOptions): SlippageModel {
  const k = nonNegative(options?.coefficient, 'slippage.coefficient');
  return {
    name: 'linear-impact',
    fillPrice: ({ order, basePrice, quantity, bar }) =>
      basePrice * (1 + adverse(order.side) * k * participationOf(quantity, bar.volume)),
  };
}
