import { ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { exactlyOne, nonEmpty, openFraction, optionsObject, positive } from '../internal/validate.js';
import { cachedBasis, direction, stopExit } from './exit-at-level.js';
import { type PriceBasis, priceBasisOption } from './price-basis.js';
import type { PositionRuleOptions } from './rule-options.js';

/** Options of {@link stopLoss}. Set exactly one of `percent` and `amount`. */
export interface StopLossOptions extends PositionRuleOptions {
  /** Stop distance as a fraction of the basis price (0.05 = 5 %). */
  readonly percent?: number;
  /** Stop distance in price units (absolute). */
  readonly amount?: number;
  /** Price the distance is measured from. @defaultValue 'fill_price' */
  readonly basis?: PriceBasis;
}

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
  optionsObject('stopLoss', options);
  const kind = exactlyOne('stopLoss', options, ['percent', 'amount']);
  const percent = kind === 'percent' ? openFraction('stopLoss.percent', options.percent as number) : Number.NaN;
  const amount = kind === 'amount' ? positive('stopLoss.amount', options.amount as number) : Number.NaN;
  const basis = priceBasisOption('stopLoss.basis', options.basis);
  const name = nonEmpty('stopLoss.name', options.name ?? 'stopLoss');
  const skipEntryBar = options.skipEntryBar ?? false;
  return {
    name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (skipEntryBar && input.isEntryBar) return undefined;
      const d = direction(input.position);
      if (d === 0) return undefined;
      const b = cachedBasis(input, basis);
      const level = kind === 'percent' ? b * (1 - d * percent) : b - d * amount;
      return stopExit(input.bar, d, level, ExitReason.StopLoss, name);
    },
  };
}
