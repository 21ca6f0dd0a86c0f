import { type CommissionInput, ConfigError, exactNotional, type Money } from '@ml4t/core';

/** Throws a {@link ConfigError} at `path` unless `value` is a finite number ≥ 0. @internal */
export function nonNegative(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(path, 'non-negative', `must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** Exact trade value `quantity × price × multiplier` of a fill. @internal */
export function tradeValue(input: CommissionInput): Money {
  return exactNotional(input.price, input.quantity, input.multiplier);
}
