import { type AssetClass, ConfigError, type SlippageModel } from '@ml4t/core';

/** Options of {@link assetClassSlippage}. */
export interface AssetClassSlippageOptions {
  /** A model per asset class (from the instrument spec). */
  readonly models: Readonly<Partial<Record<AssetClass, SlippageModel>>>;
  /** Used for classes without a model. */
  readonly fallback: SlippageModel;
}

/** Delegates to a slippage model chosen by the instrument's asset class (`spec.assetClass`). */
export function assetClassSlippage(options: AssetClassSlippageOptions): SlippageModel {
  if (options?.fallback === undefined || typeof options.fallback.fillPrice !== 'function') {
    throw new ConfigError('slippage.fallback', 'required', 'a fallback slippage model is required');
  }
  const { models, fallback } = options;
  return {
    name: 'asset-class',
    fillPrice: (input) => (models[input.spec.assetClass] ?? fallback).fillPrice(input),
  };
}
