import { ConfigError, ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { finite, nonEmpty, oneOf, optionsObject } from '../internal/validate.js';
import { direction, exitAction } from './exit-at-level.js';
import type { PositionRuleOptions } from './rule-options.js';
import type { MarketExitFill } from './time-exit.js';

/** Exit when the feature is strictly below `below` or strictly above `above` (either or both). */
export interface ThresholdCondition {
  readonly below?: number;
  readonly above?: number;
}

/** Options of {@link signalExit}. Give `long`, `short` or both; a missing side mirrors the other. */
export interface SignalExitOptions extends PositionRuleOptions {
  /** Feature to watch (e.g. an ML `score`). */
  readonly feature: string;
  /** `symbol`: the position's own feature; `market`: a market-wide series (e.g. `vix`). @defaultValue 'symbol' */
  readonly scope?: 'symbol' | 'market';
  /** When to exit long positions. */
  readonly long?: ThresholdCondition;
  /**
   * When to exit short positions. @defaultValue the mirror of `long`: `below: b` becomes `above: −b` and
   * `above: a` becomes `below: −a` (a signed score exits a short where it would exit a long, reflected).
   */
  readonly short?: ThresholdCondition;
  /** @defaultValue 'close' */
  readonly fill?: MarketExitFill;
}

/**
 * A signal-based exit: closes the position on the first bar where a feature crosses a threshold (strictly
 * beyond it), at that bar's close or the next open. A missing (`NaN`) value never exits. Exit reason
 * `SIGNAL_EXIT`.
 *
 * @example
 * ```ts
 * signalExit({ feature: 'score', long: { below: 0 } }); // shorts exit when score > 0
 * ```
 */
export function signalExit(options: SignalExitOptions): PositionRule {
  const p = 'signalExit';
  optionsObject(p, options);
  const feature = nonEmpty(`${p}.feature`, options.feature);
  const scope = options.scope === undefined ? 'symbol' : oneOf(`${p}.scope`, options.scope, ['symbol', 'market']);
  if (options.long === undefined && options.short === undefined) {
    throw new ConfigError(p, 'required', "set 'long', 'short' or both");
  }
  const long = options.long ?? mirror(options.short as ThresholdCondition);
  const short = options.short ?? mirror(options.long as ThresholdCondition);
  const longBelow = bound(`${p}.long.below`, long.below, Number.NEGATIVE_INFINITY);
  const longAbove = bound(`${p}.long.above`, long.above, Number.POSITIVE_INFINITY);
  const shortBelow = bound(`${p}.short.below`, short.below, Number.NEGATIVE_INFINITY);
  const shortAbove = bound(`${p}.short.above`, short.above, Number.POSITIVE_INFINITY);
  for (const [side, c] of [
    ['long', long],
    ['short', short],
  ] as const) {
    if (c.below === undefined && c.above === undefined) {
      throw new ConfigError(`${p}.${side}`, 'required', "set 'below', 'above' or both");
    }
  }
  const fill = options.fill === undefined ? 'close' : oneOf(`${p}.fill`, options.fill, ['close', 'nextOpen']);
  const name = nonEmpty(`${p}.name`, options.name ?? p);
  const skipEntryBar = options.skipEntryBar ?? false;
  return {
    name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (skipEntryBar && input.isEntryBar) return undefined;
      const d = direction(input.position);
      if (d === 0) return undefined;
      const v =
        scope === 'market' ? input.features.market(feature) : input.features.get(input.position.symbolId, feature);
      const hit = d > 0 ? v < longBelow || v > longAbove : v < shortBelow || v > shortAbove;
      return hit ? exitAction(fill, input.bar.close, ExitReason.SignalExit, name) : undefined;
    },
  };
}

function mirror(c: ThresholdCondition): ThresholdCondition {
  return {
    ...(c.above === undefined ? {} : { below: -c.above }),
    ...(c.below === undefined ? {} : { above: -c.below }),
  };
}

function bound(path: string, value: number | undefined, absent: number): number {
  return value === undefined ? absent : finite(path, value);
}
