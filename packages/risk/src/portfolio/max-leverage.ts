import { ACCEPT, type GateDecision, type OrderGateInput, type PortfolioRule } from '@ml4t/core';
import { nonEmpty, optionsObject, positive } from '../internal/validate.js';
import { capDecision, grossCapQuantity, type SizingRuleOptions, sizingSettings, unsizable } from './sizing.js';

/** Options of {@link maxLeverage}. */
export interface MaxLeverageOptions extends SizingRuleOptions {
  /** Largest gross exposure ÷ equity after the order (1 = unlevered, 2 = 2×). */
  readonly max: number;
}

/**
 * Caps leverage, gross exposure ÷ equity at the last marks, after the order. An entry that would exceed `max`
 * is resized to fit (or rejected with `onBreach: 'reject'`); reductions always pass.
 *
 * @example
 * ```ts
 * maxLeverage({ max: 2 });
 * ```
 */
export function maxLeverage(options: MaxLeverageOptions): PortfolioRule {
  optionsObject('maxLeverage', options);
  const s = sizingSettings('maxLeverage', options);
  nonEmpty('maxLeverage.name', s.name);
  const max = positive('maxLeverage.max', options.max);
  return {
    name: s.name,
    check(input: OrderGateInput): GateDecision {
      if (!input.opensExposure) return ACCEPT;
      const refused = unsizable(input, s);
      if (refused) return refused;
      return capDecision(input, s, grossCapQuantity(input, s, max * input.portfolio.equity), `leverage ${max}×`);
    },
  };
}
