import { type AssetClass, type CommissionModel, ConfigError } from '@ml4t/core';

/** Options of {@link assetClassCommission}. */
export interface AssetClassCommissionOptions {
  /** A model per asset class (from the instrument spec). */
  readonly models: Readonly<Partial<Record<AssetClass, CommissionModel>>>;
  /** Used for classes without a model. */
  readonly fallback: CommissionModel;
}

/** Delegates to a commission model chosen by the instrument's asset class. */
export function assetClassCommission(options: AssetClassCommissionOptions): CommissionModel {
  if (options?.fallback === undefined || typeof options.fallback.commission !== 'function') {
    throw new ConfigError('commission.fallback', 'required', 'a fallback commission model is required');
  }
  const { models, fallback } = options;
  return {
    name: 'asset-class',
    pure: fallback.pure === true && Object.values(models).every((m) => m?.pure === true),
    commission: (input) => (models[input.assetClass] ?? fallback).commission(input),
  };
}
