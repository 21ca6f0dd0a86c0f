import type { ExitReason, PositionAction, PositionRule, PositionRuleInput } from '@ml4t/core';
import { exactlyOne, nonEmpty, optionsObject, positive } from '../internal/validate.js';
import { cachedBasis, direction, type limitExit, type stopExit } from './exit-at-level.js';
import { type PriceBasis, priceBasisOption } from './price-basis.js';
import type { PositionRuleOptions } from './rule-options.js';

/**
 * Options shared by the fixed-distance exits (`stopLoss`, `takeProfit`). Set exactly one of `percent` and
 * `amount`.
 */
export interface FixedDistanceOptions extends PositionRuleOptions {
  /** Distance as a fraction of the basis price (0.05 = 5 %). */
  readonly percent?: number;
  /** Distance in price units (absolute). */
  readonly amount?: number;
  /** Price the distance is measured from. @defaultValue 'fill_price' */
  readonly basis?: PriceBasis;
}

/** What distinguishes one fixed-distance exit from another. @internal */
export interface FixedDistanceSpec {
  /** Rule name, used as the default name and as the key-path prefix of option errors. */
  readonly rule: string;
  /** −1: the level lies against the position (a stop); +1: in its favour (a target). */
  readonly toward: -1 | 1;
  /** Validates `percent` (a stop's must stay below 1). */
  readonly percent: (path: string, value: number) => number;
  readonly exit: typeof stopExit | typeof limitExit;
  readonly reason: ExitReason;
}

/**
 * A rule that exits when the bar reaches `basis × (1 + toward × d × percent)` or `basis + toward × d × amount`,
 * where `d` is +1 for longs and −1 for shorts; the level is fixed by the basis the position was opened with.
 *
 * @internal
 */
export function fixedDistanceExit(options: FixedDistanceOptions, spec: FixedDistanceSpec): PositionRule {
  const { rule, toward, exit, reason } = spec;
  optionsObject(rule, options);
  const kind = exactlyOne(rule, options, ['percent', 'amount']);
  const percent = kind === 'percent' ? spec.percent(`${rule}.percent`, options.percent as number) : Number.NaN;
  const amount = kind === 'amount' ? positive(`${rule}.amount`, options.amount as number) : Number.NaN;
  const basis = priceBasisOption(`${rule}.basis`, options.basis);
  const name = nonEmpty(`${rule}.name`, options.name ?? rule);
  const skipEntryBar = options.skipEntryBar ?? false;
  return {
    name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (skipEntryBar && input.isEntryBar) return undefined;
      const d = direction(input.position);
      if (d === 0) return undefined;
      const b = cachedBasis(input, basis);
      const level = kind === 'percent' ? b * (1 + toward * d * percent) : b + toward * d * amount;
      return exit(input.bar, d, level, reason, name);
    },
  };
}
