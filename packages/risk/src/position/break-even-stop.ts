import { ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { nonEmpty, nonNegative, optionsObject, positive } from '../internal/validate.js';
import { cachedBasis, direction, stopExit } from './exit-at-level.js';
import { type PriceBasis, priceBasisOption } from './price-basis.js';
import type { PositionRuleOptions } from './rule-options.js';

/** Options of {@link breakEvenStop}. */
export interface BreakEvenStopOptions extends PositionRuleOptions {
  /** Gain (fraction of the basis price) the favourable water mark must reach to arm the stop (0.03 = +3 %). */
  readonly activation: number;
  /** Where the armed stop sits, as a gain locked in above the basis (0 = exactly at entry). @defaultValue 0 */
  readonly offset?: number;
  /** @defaultValue 'fill_price' */
  readonly basis?: PriceBasis;
}

/**
 * A break-even stop: once the position has been `activation` in profit (its highest high since entry, lowest
 * low for shorts, up to the previous bar), a stop sits at the entry price (plus `offset`), so a winner cannot
 * turn into a loser. Inactive until then. Fills as a `stop` (the open on a gap). Exit reason `BREAK_EVEN`.
 *
 * @example
 * ```ts
 * breakEvenStop({ activation: 0.03 });
 * ```
 */
export function breakEvenStop(options: BreakEvenStopOptions): PositionRule {
  optionsObject('breakEvenStop', options);
  const activation = positive('breakEvenStop.activation', options.activation);
  const offset = nonNegative('breakEvenStop.offset', options.offset ?? 0);
  const basis = priceBasisOption('breakEvenStop.basis', options.basis);
  const name = nonEmpty('breakEvenStop.name', options.name ?? 'breakEvenStop');
  const skipEntryBar = options.skipEntryBar ?? false;
  return {
    name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (skipEntryBar && input.isEntryBar) return undefined;
      const position = input.position;
      const d = direction(position);
      if (d === 0) return undefined;
      const b = cachedBasis(input, basis);
      const peak = d > 0 ? position.highWater : position.lowWater;
      if ((d * (peak - b)) / b < activation) return undefined;
      return stopExit(input.bar, d, b * (1 + d * offset), ExitReason.BreakEven, name);
    },
  };
}
