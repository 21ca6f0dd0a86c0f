import type { PositionRuleInput } from '@ml4t/core';
import { nonEmpty, oneOf, optionsObject, positive } from '../internal/validate.js';
import { type PriceBasis, priceBasisOption } from './price-basis.js';
import type { PositionRuleOptions } from './rule-options.js';

/**
 * How the volatility feature is read.
 * - `atr`: the feature is in price units (an average true range); distance = `multiple × atr`.
 * - `volatility`: the feature is a return volatility per bar (0.02 = 2 %); distance = `multiple × vol × basis`.
 */
export type VolatilityMeasure = 'atr' | 'volatility';

/** Options shared by {@link volatilityStop} and {@link volatilityTakeProfit}. */
export interface VolatilityLevelOptions extends PositionRuleOptions {
  /** The multiple k of the volatility (2 = 2 × ATR). */
  readonly multiple: number;
  /** Per-symbol feature holding the volatility, read through `input.features.get(symbolId, feature)`. @defaultValue 'atr' */
  readonly feature?: string;
  /** @defaultValue 'atr' */
  readonly measure?: VolatilityMeasure;
  /** Price the level is measured from. @defaultValue 'fill_price' */
  readonly basis?: PriceBasis;
  /**
   * Fix the distance at the first bar the rule sees with a finite, positive feature value (the entry bar under
   * the engine's default `riskOnEntryBar`), so the level does not move afterwards. When false, the distance is
   * re-read every bar. @defaultValue true
   */
  readonly fixedAtEntry?: boolean;
}

/** Validated volatility settings. @internal */
export interface VolatilitySettings {
  readonly name: string;
  readonly multiple: number;
  readonly feature: string;
  readonly measure: VolatilityMeasure;
  readonly basis: PriceBasis;
  readonly fixedAtEntry: boolean;
  readonly skipEntryBar: boolean;
}

/** Validates {@link VolatilityLevelOptions} under the key path `path`. @internal */
export function volatilitySettings(path: string, options: VolatilityLevelOptions): VolatilitySettings {
  optionsObject(path, options);
  return {
    name: nonEmpty(`${path}.name`, options.name ?? path),
    multiple: positive(`${path}.multiple`, options.multiple),
    feature: nonEmpty(`${path}.feature`, options.feature ?? 'atr'),
    measure: options.measure === undefined ? 'atr' : oneOf(`${path}.measure`, options.measure, ['atr', 'volatility']),
    basis: priceBasisOption(`${path}.basis`, options.basis),
    fixedAtEntry: options.fixedAtEntry ?? true,
    skipEntryBar: options.skipEntryBar ?? false,
  };
}

/**
 * The level's distance from the basis price in price units, or `NaN` while the feature is missing. Keeps the
 * fixed distance in the rule's per-position state. @internal
 */
export function volatilityDistance(input: PositionRuleInput, s: VolatilitySettings, basis: number): number {
  const state = input.state;
  if (s.fixedAtEntry) {
    const fixed = state.distance;
    if (typeof fixed === 'number') return fixed;
  }
  const v = input.features.get(input.position.symbolId, s.feature);
  if (!(v > 0) || !Number.isFinite(v)) return Number.NaN;
  const distance = s.measure === 'atr' ? s.multiple * v : s.multiple * v * basis;
  if (s.fixedAtEntry) state.distance = distance;
  return distance;
}
