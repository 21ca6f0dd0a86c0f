import { ExitReason, type PositionRule } from '@ml4t/core';
import { openFraction } from '../internal/validate.js';
import { stopExit } from './exit-at-level.js';
import { type FixedDistanceOptions, fixedDistanceExit } from './fixed-distance-exit.js';

/** Options of {@link stopLoss}: exactly one of `percent` (below 1) and `amount`, and the `basis`. */
export type StopLossOptions = FixedDistanceOptions;

/**
 * A fixed stop loss: exits when the bar trades through `basis × (1 − percent)` (or `basis − amount`) for a
 * long, `basis × (1 + percent)` (or `basis + amount`) for a short.
 *
 * Fills as a `stop` exit: at the level, or at the open when the bar gaps through it (SCENARIOS 3). The exit
 * reason is `STOP_LOSS`.
 *
 * @example
 * ```ts
 * stopLoss({ percent: 0.05 });                          // 5 % below the fill price
 * stopLoss({ amount: 2.5, basis: 'signal_close' });     // $2.50 below the signal bar's close
 * ```
 */
export function stopLoss(options: StopLossOptions): PositionRule {
  return fixedDistanceExit(options, {
    rule: 'stopLoss',
    toward: -1,
    percent: openFraction,
    exit: stopExit,
    reason: ExitReason.StopLoss,
  });
}
