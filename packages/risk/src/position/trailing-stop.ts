import { ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { exactlyOne, nonEmpty, openFraction, optionsObject, positive } from '../internal/validate.js';
import { direction } from './exit-at-level.js';
import { type IntrabarPath, intrabarPathOption } from './intrabar-path.js';
import type { PositionRuleOptions } from './rule-options.js';
import { type TrailTiming, trailExit, trailSettings, type WaterMarkSource } from './trail.js';

/** Options of {@link trailingStop}. Set exactly one of `percent` and `amount`. */
export interface TrailingStopOptions extends PositionRuleOptions {
  /** Trail as a fraction of the water mark (0.03 = 3 %). */
  readonly percent?: number;
  /** Trail in price units. */
  readonly amount?: number;
  /** When the level is taken and tested. @defaultValue 'lagged' */
  readonly timing?: TrailTiming;
  /** What the water mark follows. @defaultValue 'extreme' */
  readonly waterMark?: WaterMarkSource;
  /** Intrabar path for `timing: 'intrabar'`. @defaultValue 'nearest_extreme_first' */
  readonly path?: IntrabarPath;
}

/**
 * A trailing stop: the level follows the position's favourable water mark at a fixed distance
 * (`waterMark × (1 − percent)` or `waterMark − amount` for a long; mirrored for a short) and only moves in the
 * position's favour, because water marks only do.
 *
 * Timing (see {@link TrailTiming}): `lagged` fills as a stop at the level from previous bars (the open on a
 * gap); `intrabar` lets the current bar's favourable extreme raise the level first, assuming the bar follows
 * its {@link IntrabarPath}; `close_confirmed` exits at the close of a bar that closes through the lagged level.
 * On the entry bar the water mark is the entry price. Exit reason `TRAILING_STOP`.
 *
 * @example
 * ```ts
 * trailingStop({ percent: 0.03 });
 * trailingStop({ amount: 2, timing: 'close_confirmed', waterMark: 'close' });
 * ```
 */
export function trailingStop(options: TrailingStopOptions): PositionRule {
  optionsObject('trailingStop', options);
  const kind = exactlyOne('trailingStop', options, ['percent', 'amount']);
  const fraction = kind === 'percent' ? openFraction('trailingStop.percent', options.percent as number) : Number.NaN;
  const amount = kind === 'amount' ? positive('trailingStop.amount', options.amount as number) : Number.NaN;
  const settings = trailSettings(
    'trailingStop',
    options.timing,
    options.waterMark,
    intrabarPathOption('trailingStop.path', options.path),
  );
  const name = nonEmpty('trailingStop.name', options.name ?? 'trailingStop');
  const skipEntryBar = options.skipEntryBar ?? false;
  return {
    name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (skipEntryBar && input.isEntryBar) return undefined;
      const d = direction(input.position);
      if (d === 0) return undefined;
      return trailExit(input.position, input.bar, d, fraction, amount, settings, ExitReason.TrailingStop, name);
    },
  };
}
