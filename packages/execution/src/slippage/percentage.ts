import type { SlippageModel } from '@ml4t/core';
import { adverse, nonNegative } from './validate.js';

/** Options of {@link percentageSlippage}. */
export interface PercentageSlippageOptions {
  /** Fraction of the price (0.001 = 10 bp). */
  readonly rate: number;
}

/** A fraction of the price: buys pay `base × (1 + rate)`, sells receive `base × (1 − rate)`. */
export function percentageSlippage(options: PercentageSlippageOptions): SlippageModel {
  const rate = nonNegative(options?.rate, 'slippage.rate');
  return {
    name: 'percentage',
    fillPrice: ({ order, basePrice }) => basePrice * (1 + adverse(order.side) * rate),
  };
}
