import { ConfigError, ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { nonEmpty, oneOf, optionsObject, positive, positiveInteger } from '../internal/validate.js';
import { exitAction } from './exit-at-level.js';
import type { PositionRuleOptions } from './rule-options.js';

/** How a non-price exit fills: at the close of the bar that decided it, or at the next bar's open. */
export type MarketExitFill = 'close' | 'nextOpen';

/** Options of {@link timeExit}. Set `maxBars`, `maxDurationMs` or both (the first reached exits). */
export interface TimeExitOptions extends PositionRuleOptions {
  /** Exit on the bar where the position has been held this many bars (barsHeld is 0 on the entry bar). */
  readonly maxBars?: number;
  /** Exit on the first bar stamped at least this many milliseconds after the entry fill. */
  readonly maxDurationMs?: number;
  /** @defaultValue 'close' */
  readonly fill?: MarketExitFill;
}

/**
 * A time-based exit: closes the position once it has been held `maxBars` bars of its symbol or `maxDurationMs`
 * since the entry fill, at that bar's close (or the next open with `fill: 'nextOpen'`). Exit reason
 * `TIME_EXIT`.
 *
 * Under NEXT_BAR timing with an entry at the open of bar b1, `maxBars: 10` exits at the close of b11.
 *
 * @example
 * ```ts
 * timeExit({ maxBars: 20 });
 * timeExit({ maxDurationMs: 5 * 86_400_000, fill: 'nextOpen' });
 * ```
 */
export function timeExit(options: TimeExitOptions): PositionRule {
  optionsObject('timeExit', options);
  if (options.maxBars === undefined && options.maxDurationMs === undefined) {
    throw new ConfigError('timeExit', 'required', "set 'maxBars', 'maxDurationMs' or both");
  }
  const maxBars =
    options.maxBars === undefined ? Number.POSITIVE_INFINITY : positiveInteger('timeExit.maxBars', options.maxBars);
  const maxMs =
    options.maxDurationMs === undefined
      ? Number.POSITIVE_INFINITY
      : positive('timeExit.maxDurationMs', options.maxDurationMs);
  const fill = options.fill === undefined ? 'close' : oneOf('timeExit.fill', options.fill, ['close', 'nextOpen']);
  const name = nonEmpty('timeExit.name', options.name ?? 'timeExit');
  const skipEntryBar = options.skipEntryBar ?? false;
  return {
    name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (skipEntryBar && input.isEntryBar) return undefined;
      const position = input.position;
      if (position.quantity === 0) return undefined;
      if (position.barsHeld < maxBars && input.timestamp - position.entryTime < maxMs) return undefined;
      return exitAction(fill, input.bar.close, ExitReason.TimeExit, name);
    },
  };
}
