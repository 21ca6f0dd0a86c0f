import type { FillEvent } from '@ml4t/core';
import { mean } from './statistics.js';

/** Trading volume relative to the account. */
export interface TurnoverStats {
  /** Σ fill notional (one-way, in dollars) over the run divided by the mean equity. */
  readonly turnover: number;
  /** `turnover × periodsPerYear / bars`: the same per year of bars. */
  readonly annualTurnover: number;
}

/**
 * Computes {@link TurnoverStats}: every fill's `notional` (quantity × price × multiplier) counts once, buys
 * and sells alike. `NaN` when the curve is empty or its mean equity is not positive.
 */
export function turnoverStats(
  fills: readonly FillEvent[],
  equity: ArrayLike<number>,
  periodsPerYear: number,
): TurnoverStats {
  let traded = 0;
  for (const fill of fills) traded += Math.abs(fill.notional.toNumber());
  const avg = mean(equity);
  const turnover = avg > 0 ? traded / avg : Number.NaN;
  return {
    turnover,
    annualTurnover: equity.length > 0 ? (turnover * periodsPerYear) / equity.length : Number.NaN,
  };
}
