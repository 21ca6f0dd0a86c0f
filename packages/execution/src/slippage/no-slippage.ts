import type { SlippageModel } from '@ml4t/core';

/** No slippage: every fill happens at its base price (the default). */
export function noSlippage(): SlippageModel {
  return { name: 'none', fillPrice: ({ basePrice }) => basePrice };
}
