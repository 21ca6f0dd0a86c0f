import { ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { cachedBasis, direction, limitExit } from './exit-at-level.js';
import { type VolatilityLevelOptions, volatilityDistance, volatilitySettings } from './volatility-distance.js';

/** Options of {@link volatilityTakeProfit}. */
export type VolatilityTakeProfitOptions = VolatilityLevelOptions;

/**
 * A volatility-scaled take profit: exits when the bar trades through `basis + k × ATR` for a long
 * (`basis − k × ATR` for a short), or `basis × (1 ± k × vol)` with `measure: 'volatility'`.
 *
 * Same feature and fixing semantics as {@link volatilityStop}. Fills as a `limit` (the better open on a gap).
 * Exit reason `VOLATILITY_TAKE_PROFIT`.
 *
 * @example
 * ```ts
 * volatilityTakeProfit({ multiple: 3, feature: 'atr14' });
 * ```
 */
export function volatilityTakeProfit(options: VolatilityTakeProfitOptions): PositionRule {
  const s = volatilitySettings('volatilityTakeProfit', options);
  return {
    name: s.name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (s.skipEntryBar && input.isEntryBar) return undefined;
      const d = direction(input.position);
      if (d === 0) return undefined;
      const b = cachedBasis(input, s.basis);
      const distance = volatilityDistance(input, s, b);
      if (Number.isNaN(distance)) return undefined;
      return limitExit(input.bar, d, b + d * distance, ExitReason.VolatilityTakeProfit, s.name);
    },
  };
}
