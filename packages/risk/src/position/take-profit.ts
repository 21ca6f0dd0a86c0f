import { ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { exactlyOne, nonEmpty, optionsObject, positive } from '../internal/validate.js';
import { cachedBasis, direction, limitExit } from './exit-at-level.js';
import { type PriceBasis, priceBasisOption } from './price-basis.js';
import type { PositionRuleOptions } from './rule-options.js';

/** Options of {@link takeProfit}. Set exactly one of `percent` and `amount`. */
export interface TakeProfitOptions extends PositionRuleOptions {
  /** Target distance as a fraction of the basis price (0.10 = 10 %; may exceed 1). */
  readonly percent?: number;
  /** Target distance in price units (absolute). */
  readonly amount?: number;
  /** Price the distance is measured from. @defaultValue 'fill_price' */
  readonly basis?: PriceBasis;
}

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
  optionsObject('takeProfit', options);
  const kind = exactlyOne('takeProfit', options, ['percent', 'amount']);
  const percent = kind === 'percent' ? positive('takeProfit.percent', options.percent as number) : Number.NaN;
  const amount = kind === 'amount' ? positive('takeProfit.amount', options.amount as number) : Number.NaN;
  const basis = priceBasisOption('takeProfit.basis', options.basis);
  const name = nonEmpty('takeProfit.name', options.name ?? 'takeProfit');
  const skipEntryBar = options.skipEntryBar ?? false;
  return {
    name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (skipEntryBar && input.isEntryBar) return undefined;
      const d = direction(input.position);
      if (d === 0) return undefined;
      const b = cachedBasis(input, basis);
      const level = kind === 'percent' ? b * (1 + d * percent) : b + d * amount;
      return limitExit(input.bar, d, level, ExitReason.TakeProfit, name);
    },
  };
}
