import { ConfigError } from '@ml4t/core';

/** Throws a {@link ConfigError} at `path` unless `value` is a finite number ≥ 0. @internal */
export function nonNegative(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(path, 'non-negative', `must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** +1 for a buy, −1 for a sell (slippage is adverse: buys pay up, sells receive less). @internal */
export function adverse(side: string): 1 | -1 {
  return side === 'BUY' ? 1 : -1;
}

/** Quantity ÷ bar volume, or 0 when the volume is unknown or zero. @internal */
export function participationOf(quantity: number, volume: number): number {
  return volume > 0 ? quantity / volume : 0;
}
