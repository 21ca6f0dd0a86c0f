import { ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { cachedBasis, direction, stopExit } from './exit-at-level.js';
import { type VolatilityLevelOptions, volatilityDistance, volatilitySettings } from './volatility-distance.js';

/** Options of {@link volatilityStop}. */
export type VolatilityStopOptions = VolatilityLevelOptions;

/**
 * A volatility-scaled stop loss: exits when the bar trades through `basis − k × ATR` for a long
 * (`basis + k × ATR` for a short), or `basis × (1 ∓ k × vol)` with `measure: 'volatility'`.
 *
 * The volatility is read from a per-symbol feature (point in time, through `input.features`); by default the
 * distance is fixed on the first bar with a value and kept for the position's life. No level (no exit) while
 * the feature is missing. Fills as a `stop` (the open on a gap). Exit reason `VOLATILITY_STOP`.
 *
 * @example
 * ```ts
 * volatilityStop({ multiple: 2, feature: 'atr14' });
 * ```
 */
export function volatilityStop(options: VolatilityStopOptions): PositionRule {
  const s = volatilitySettings('volatilityStop', options);
  return {
    name: s.name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (s.skipEntryBar && input.isEntryBar) return undefined;
      const d = direction(input.position);
      if (d === 0) return undefined;
      const b = cachedBasis(input, s.basis);
      const distance = volatilityDistance(input, s, b);
      if (Number.isNaN(distance)) return undefined;
      return stopExit(input.bar, d, b - d * distance, ExitReason.VolatilityStop, s.name);
    },
  };
}
