import type { SlippageModel } from '@ml4t/core';
import { adverse, nonNegative } from './validate.js';

/** Options of {@link fixedSlippage}. */
export interface FixedSlippageOptions {
  /** Price units per unit traded (e.g. 0.05 = five cents a share). */
  readonly amount: number;
}

/** A fixed amount per unit: buys pay `base + amount`, sells receive `base − amount`. */
export function fixedSlippage(options: FixedSlippageOptions): SlippageModel {
  const amount = nonNegative(options?.amount, 'slippage.amount');
  return {
    name: 'fixed',
    fillPrice: ({ order, basePrice }) => basePrice + adverse(order.side) * amount,
  };
}
