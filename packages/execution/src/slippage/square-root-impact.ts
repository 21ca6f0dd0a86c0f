import type { SlippageModel } from '@ml4t/core';
import { adverse, nonNegative, participationOf } from './validate.js';

/** Options of {@link squareRootImpactSlippage}. */
export interface SquareRootImpactSlippageOptions {
  /** Price fraction at 100 % participation: slippage = `coefficient × √(q / V)` of the price. */
  readonly coefficient: number;
}

/**
 * The square-root law of market impact: `base × (1 ± coefficient × √(q / V))` with `V` the bar's volume
 * (no slippage when the volume is unknown or zero). The coefficient absorbs volatility (≈ Y·σ).
 */
export function squareRootImpactSlippage(options: SquareRootImpactSlippageOptions): SlippageModel {
  const k = nonNegative(options?.coefficient, 'slippage.coefficient');
  return {
    name: 'square-root-impact',
    fillPrice: ({ order, basePrice, quantity, bar }) =>
      basePrice * (1 + adverse(order.side) * k * Math.sqrt(participationOf(quantity, bar.volume))),
  };
}
