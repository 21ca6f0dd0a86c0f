import {
  ConfigError,
  type GateDecision,
  type OrderGateInput,
  type PortfolioRule,
  type PortfolioSnapshot,
} from '@ml4t/core';
import { portfolioRuleList, runRules } from '../compose/portfolio-chain.js';
import { finite, nonEmpty, oneOf, optionsObject } from '../internal/validate.js';
import type { FeatureScope } from './regime-filter.js';

/** Options of {@link regimeSwitch}. */
export interface RegimeSwitchOptions {
  /** Feature that names the regime (e.g. `vix`, or an integer regime code). */
  readonly feature: string;
  /** @defaultValue 'market' */
  readonly scope?: FeatureScope;
  /**
   * Ascending cut points: `sets[0]` applies below `breakpoints[0]`, `sets[i]` from `breakpoints[i − 1]`
   * (inclusive) to `breakpoints[i]`, the last set from the last breakpoint up. Integer regime codes 0, 1, 2 use
   * breakpoints `[0.5, 1.5]`.
   */
  readonly breakpoints: readonly number[];
  /** One rule list per regime: `breakpoints.length + 1` lists. */
  readonly sets: readonly (readonly PortfolioRule[])[];
  /** Rules used while the feature has no value. @defaultValue [] (accept) */
  readonly whenMissing?: readonly PortfolioRule[];
  /** @defaultValue 'regimeSwitch' */
  readonly name?: string;
}

/**
 * Regime-dependent portfolio rules: reads a regime feature at each order's timestamp and runs the rule list of
 * the current regime (in order, as the engine runs `portfolioRules`). Every snapshot reaches every rule of
 * every set, so stateful rules (drawdown, daily loss) stay current while their regime is inactive.
 *
 * @example
 * ```ts
 * regimeSwitch({
 *   feature: 'vix',
 *   breakpoints: [20, 30],
 *   sets: [[maxLeverage({ max: 2 })], [maxLeverage({ max: 1 })], [regimeFilter({ feature: 'vix', above: 30 })]],
 * });
 * ```
 */
export function regimeSwitch(options: RegimeSwitchOptions): PortfolioRule {
  const p = 'regimeSwitch';
  optionsObject(p, options);
  const feature = nonEmpty(`${p}.feature`, options.feature);
  const scope = oneOf(`${p}.scope`, options.scope ?? 'market', ['market', 'symbol']);
  if (!Array.isArray(options.breakpoints)) throw new ConfigError(`${p}.breakpoints`, 'array', 'must be an array');
  const breakpoints = Float64Array.from(options.breakpoints, (b: number, i: number) => {
    finite(`${p}.breakpoints.${i}`, b);
    if (i > 0 && b <= (options.breakpoints[i - 1] as number)) {
      throw new ConfigError(`${p}.breakpoints.${i}`, 'ascending', 'breakpoints must be strictly ascending');
    }
    return b;
  });
  if (!Array.isArray(options.sets) || options.sets.length !== breakpoints.length + 1) {
    throw new ConfigError(`${p}.sets`, 'length', `needs ${breakpoints.length + 1} rule lists (breakpoints + 1)`);
  }
  const sets = options.sets.map((set: readonly PortfolioRule[], i: number) => portfolioRuleList(`${p}.sets.${i}`, set));
  const missing = portfolioRuleList(`${p}.whenMissing`, options.whenMissing ?? []);
  const everyRule = [...new Set([...sets.flat(), ...missing])];
  const name = nonEmpty(`${p}.name`, options.name ?? p);
  return {
    name,
    check(input: OrderGateInput): GateDecision {
      const v = scope === 'market' ? input.features.market(feature) : input.features.get(input.symbolId, feature);
      if (Number.isNaN(v)) return runRules(missing, input);
      let regime = 0;
      while (regime < breakpoints.length && v >= (breakpoints[regime] as number)) regime += 1;
      return runRules(sets[regime] as readonly PortfolioRule[], input);
    },
    onSnapshot(snapshot: PortfolioSnapshot): void {
      for (const rule of everyRule) rule.onSnapshot?.(snapshot);
    },
  };
}
