import { ACCEPT, type GateDecision, type OrderGateInput, type PortfolioRule } from '@ml4t/core';
import { nonEmpty, optionsObject, unitFraction } from '../internal/validate.js';
import {
  capDecision,
  quantityForAbsolute,
  type SizingRuleOptions,
  sizingSettings,
  unitValue,
  unsizable,
} from './sizing.js';

/** Options of {@link maxPositionWeight}. */
export interface MaxPositionWeightOptions extends SizingRuleOptions {
  /** Largest |position value| of one symbol as a fraction of equity (0.1 = 10 %). */
  readonly max: number;
}

/**
 * Caps each position's weight: an entry or add that would make |position value| exceed `max × equity` is
 * resized down to fit (or rejected with `onBreach: 'reject'`). Reductions always pass.
 *
 * @example
 * ```ts
 * maxPositionWeight({ max: 0.1 });
 * ```
 */
export function maxPositionWeight(options: MaxPositionWeightOptions): PortfolioRule {
  optionsObject('maxPositionWeight', options);
  const s = sizingSettings('maxPositionWeight', options);
  nonEmpty('maxPositionWeight.name', s.name);
  const max = unitFraction('maxPositionWeight.max', options.max);
  return {
    name: s.name,
    check(input: OrderGateInput): GateDecision {
      if (!input.opensExposure) return ACCEPT;
      const refused = unsizable(input, s);
      if (refused) return refused;
      const maxQty = quantityForAbsolute(input, (max * input.portfolio.equity) / unitValue(input, s));
      return capDecision(input, s, maxQty, `a weight of ${max} of equity`);
    },
  };
}
