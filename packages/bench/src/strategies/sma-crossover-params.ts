import { ConfigError } from '@ml4t/core';

/** The parameters of the W1/W4 strategy and its costs, shared by the engine run and the baseline loop. */
export interface SmaCrossoverParams {
  /** Fast window, in bars. @defaultValue 10 */
  readonly fast: number;
  /** Slow window, in bars. @defaultValue 50 */
  readonly slow: number;
  /** Shares bought on a cross up and sold on a cross down (long only). @defaultValue 100 */
  readonly quantity: number;
  /** Percentage slippage as a fraction of the open (0.0005 = 5 bps). @defaultValue 0.0005 */
  readonly slippageRate: number;
  /** Percentage commission as a fraction of the trade value (0.001 = 10 bps). @defaultValue 0.001 */
  readonly commissionRate: number;
  /** Starting cash in dollars (large enough that the cash account never rejects). @defaultValue 50,000,000 */
  readonly initialCash: number;
}

/** The W1 parameters of BENCHMARKS.md. */
export const W1_PARAMS: SmaCrossoverParams = Object.freeze({
  fast: 10,
  slow: 50,
  quantity: 100,
  slippageRate: 0.0005,
  commissionRate: 0.001,
  initialCash: 50_000_000,
});

/**
 * Checks crossover parameters once, at the boundary.
 *
 * @throws ConfigError naming the first invalid key (`fast`, `slow`, `quantity`, …).
 */
export function validateSmaCrossoverParams(params: SmaCrossoverParams): SmaCrossoverParams {
  const { fast, slow, quantity, slippageRate, commissionRate, initialCash } = params;
  if (!Number.isInteger(fast) || fast < 1)
    throw new ConfigError('fast', 'positive-integer', `must be an integer ≥ 1, got ${fast}`);
  if (!Number.isInteger(slow) || slow <= fast) {
    throw new ConfigError('slow', 'greater-than-fast', `must be an integer > fast (${fast}), got ${slow}`);
  }
  if (!(quantity > 0)) throw new ConfigError('quantity', 'positive', `must be > 0, got ${quantity}`);
  if (!(slippageRate >= 0 && slippageRate < 1)) {
    throw new ConfigError('slippageRate', 'fraction', `must be in [0, 1), got ${slippageRate}`);
  }
  if (!(commissionRate >= 0 && commissionRate < 1)) {
    throw new ConfigError('commissionRate', 'fraction', `must be in [0, 1), got ${commissionRate}`);
  }
  if (!(initialCash > 0)) throw new ConfigError('initialCash', 'positive', `must be > 0, got ${initialCash}`);
  return params;
}
