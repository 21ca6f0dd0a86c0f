import { ConfigError, ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { roundDown } from '../internal/quantity.js';
import { nonEmpty, nonNegative, optionsObject, positive, unitFraction } from '../internal/validate.js';
import { cachedBasis, direction, limitExit } from './exit-at-level.js';
import { type PriceBasis, priceBasisOption } from './price-basis.js';
import type { PositionRuleOptions } from './rule-options.js';

/** One scale-out level: at a gain of `percent`, close `fraction` of the position's original size. */
export interface ScaleOutTarget {
  /** Gain from the basis price as a fraction (0.05 = +5 %). */
  readonly percent: number;
  /** Share of the original (largest seen) size to close at this level, in (0, 1]. */
  readonly fraction: number;
}

/** Options of {@link scaledExit}. */
export interface ScaledExitOptions extends PositionRuleOptions {
  /** Levels by strictly ascending `percent`; fractions must sum to at most 1. */
  readonly targets: readonly ScaleOutTarget[];
  /** @defaultValue 'fill_price' */
  readonly basis?: PriceBasis;
  /**
   * Partial quantities are rounded down to a multiple of this (1 = whole shares; 0 = no rounding). The level
   * that brings the cumulative fraction to 1 always closes everything left. @defaultValue 1
   */
  readonly quantityStep?: number;
}

/**
 * Scaled (partial) take-profit exits, e.g. 50 % at +5 % and the rest at +10 %.
 *
 * Each level fills as a `limit` at `basis × (1 + percent)` (mirrored for shorts; the better open on a gap)
 * for `fraction × original size`. Which levels are done is read from the position's remaining size, so an exit
 * the broker could not fill is retried. One level per bar: when a bar reaches two levels, the next one exits
 * on a later bar that still reaches it. Exit reason `SCALED_EXIT`.
 *
 * @example
 * ```ts
 * scaledExit({ targets: [{ percent: 0.05, fraction: 0.5 }, { percent: 0.1, fraction: 0.5 }] });
 * ```
 */
export function scaledExit(options: ScaledExitOptions): PositionRule {
  const p = 'scaledExit';
  optionsObject(p, options);
  const targets = options.targets;
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new ConfigError(`${p}.targets`, 'non-empty', 'at least one target is required');
  }
  const percents = new Float64Array(targets.length);
  /** Cumulative fraction closed once level i is done. */
  const cumulative = new Float64Array(targets.length);
  let sum = 0;
  targets.forEach((t: ScaleOutTarget, i: number) => {
    percents[i] = positive(`${p}.targets.${i}.percent`, t.percent);
    if (i > 0 && t.percent <= (percents[i - 1] as number)) {
      throw new ConfigError(`${p}.targets.${i}.percent`, 'ascending', 'targets must have strictly ascending percent');
    }
    sum += unitFraction(`${p}.targets.${i}.fraction`, t.fraction);
    if (sum > 1 + 1e-9) throw new ConfigError(`${p}.targets`, 'sum-le-1', `fractions sum to ${sum}, more than 1`);
    cumulative[i] = sum >= 1 - 1e-9 ? 1 : sum;
  });
  const basis = priceBasisOption(`${p}.basis`, options.basis);
  const step = nonNegative(`${p}.quantityStep`, options.quantityStep ?? 1);
  const name = nonEmpty(`${p}.name`, options.name ?? p);
  const skipEntryBar = options.skipEntryBar ?? false;
  return {
    name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (skipEntryBar && input.isEntryBar) return undefined;
      const d = direction(input.position);
      if (d === 0) return undefined;
      const held = Math.abs(input.position.quantity);
      const state = input.state;
      const seen = typeof state.originalSize === 'number' ? state.originalSize : 0;
      const original = Math.max(held, seen);
      state.originalSize = original;
      const tolerance = original * 1e-9;
      for (let i = 0; i < cumulative.length; i++) {
        const done = cumulative[i] as number;
        const level = cachedBasis(input, basis) * (1 + d * (percents[i] as number));
        if (done >= 1) return limitExit(input.bar, d, level, ExitReason.ScaledExit, name);
        // Level i is done once less than one quantity step above its remaining size is left.
        const quantity = roundDown(held - original * (1 - done), step);
        if (!(quantity > tolerance)) continue;
        return limitExit(input.bar, d, level, ExitReason.ScaledExit, name, quantity);
      }
      return undefined;
    },
  };
}
