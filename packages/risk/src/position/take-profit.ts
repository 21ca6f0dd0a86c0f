import { ExitReason, type PositionRule } from '@ml4t/core';
import { positive } from '../internal/validate.js';
import { limitExit } from './exit-at-level.js';
import { type FixedDistanceOptions, fixedDistanceExit } from './fixed-distance-exit.js';

/** Options of {@link takeProfit}: exactly one of `percent` (may exceed 1) and `amount`, and the `basis`. */
export type TakeProfitOptions = FixedDistanceOptions;

/**
 * A fixed take profit: exits when the bar trades through `basis × (1 + percent)` (or `basis + amount`) for a
 * long, `basis × (1 − percent)` (or `basis − amount`) for a short.
 *
 * Fills as a `limit` exit: at the level, or at the (better) open when the bar gaps beyond it. The exit reason
 * is `TAKE_PROFIT`.
 *
 * @example
 * ```ts
 * takeProfit({ percent: 0.1 });
 * ```
 */
export function takeProfit(options: TakeProfitOptions): PositionRule {
  return fixedDistanceExit(options, {
    rule: 'takeProfit',
    toward: 1,
    percent: positive,
    exit: limitExit,
    reason: ExitReason.TakeProfit,
  });
}
