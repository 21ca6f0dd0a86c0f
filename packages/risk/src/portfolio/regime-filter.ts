import { ACCEPT, ConfigError, type GateDecision, type OrderGateInput, OrderSide, type PortfolioRule } from '@ml4t/core';
import { finite, nonEmpty, oneOf, optionsObject } from '../internal/validate.js';
import { rejectOrder } from './gate-decisions.js';

/** Where a regime feature is read: a market-wide series (`vix`) or the order's own symbol. */
export type FeatureScope = 'market' | 'symbol';

/** Options of {@link regimeFilter}. The regime is on while the feature is above `above` or below `below`. */
export interface RegimeFilterOptions {
  /** Feature name (e.g. `vix`). */
  readonly feature: string;
  /** @defaultValue 'market' */
  readonly scope?: FeatureScope;
  /** Regime on while the value is strictly above this. */
  readonly above?: number;
  /** Regime on while the value is strictly below this. */
  readonly below?: number;
  /** Which new entries the regime blocks. @defaultValue 'long' */
  readonly block?: 'long' | 'short' | 'all';
  /** What to do when the feature has no value at the order's time. @defaultValue 'accept' */
  readonly whenMissing?: 'accept' | 'reject';
  /** @defaultValue 'regimeFilter' */
  readonly name?: string;
}

/**
 * A regime filter: while a feature signals a hostile regime (e.g. `vix > 30`), new entries in the blocked
 * direction are rejected with a reason naming the value. "Long entry" means a buy that opens or adds long
 * exposure (including a buy that reverses a short); exits and reductions always pass. The feature is read
 * point in time, at the order's timestamp.
 *
 * @example
 * ```ts
 * regimeFilter({ feature: 'vix', above: 30 }); // no new longs while VIX > 30
 * ```
 */
export function regimeFilter(options: RegimeFilterOptions): PortfolioRule {
  const p = 'regimeFilter';
  optionsObject(p, options);
  const feature = nonEmpty(`${p}.feature`, options.feature);
  const scope = oneOf(`${p}.scope`, options.scope ?? 'market', ['market', 'symbol']);
  if (options.above === undefined && options.below === undefined) {
    throw new ConfigError(p, 'required', "set 'above', 'below' or both");
  }
  const above = options.above === undefined ? Number.POSITIVE_INFINITY : finite(`${p}.above`, options.above);
  const below = options.below === undefined ? Number.NEGATIVE_INFINITY : finite(`${p}.below`, options.below);
  const block = oneOf(`${p}.block`, options.block ?? 'long', ['long', 'short', 'all']);
  const rejectMissing = oneOf(`${p}.whenMissing`, options.whenMissing ?? 'accept', ['accept', 'reject']) === 'reject';
  const name = nonEmpty(`${p}.name`, options.name ?? p);
  return {
    name,
    check(input: OrderGateInput): GateDecision {
      if (!input.opensExposure) return ACCEPT;
      const buy = input.order.side === OrderSide.Buy;
      if ((block === 'long' && !buy) || (block === 'short' && buy)) return ACCEPT;
      const v = scope === 'market' ? input.features.market(feature) : input.features.get(input.symbolId, feature);
      if (Number.isNaN(v)) return rejectMissing ? rejectOrder(name, `${feature} has no value now`) : ACCEPT;
      if (!(v > above || v < below)) return ACCEPT;
      return rejectOrder(
        name,
        `${feature} = ${v} is ${v > above ? `above ${above}` : `below ${below}`}: no new ${buy ? 'long' : 'short'} entries`,
      );
    },
  };
}
