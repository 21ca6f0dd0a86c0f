import { ACCEPT, type GateDecision, type OrderGateInput, type PortfolioRule } from '@ml4t/core';
import { nonEmpty, oneOf, optionsObject, positive } from '../internal/validate.js';
import { capDecision, grossCapQuantity, type SizingRuleOptions, sizingSettings, unsizable } from './sizing.js';

/** Options of {@link maxGrossExposure} and {@link maxNetExposure}. */
export interface ExposureLimitOptions extends SizingRuleOptions {
  /** The limit: a fraction of equity (1 = 100 %) or, with `unit: 'currency'`, an amount of money. */
  readonly max: number;
  /** @defaultValue 'equity' */
  readonly unit?: 'equity' | 'currency';
}

/**
 * Caps gross exposure, Σ |position value| at the last marks, after the order: at most `max × equity` (or
 * `max` in currency). An entry that would breach it is resized to fit (or rejected with `onBreach: 'reject'`);
 * orders that reduce exposure always pass.
 *
 * @example
 * ```ts
 * maxGrossExposure({ max: 1.5 }); // 150 % of equity
 * ```
 */
export function maxGrossExposure(options: ExposureLimitOptions): PortfolioRule {
  optionsObject('maxGrossExposure', options);
  const s = sizingSettings('maxGrossExposure', options);
  nonEmpty('maxGrossExposure.name', s.name);
  const max = positive('maxGrossExposure.max', options.max);
  const unit =
    options.unit === undefined ? 'equity' : oneOf('maxGrossExposure.unit', options.unit, ['equity', 'currency']);
  return {
    name: s.name,
    check(input: OrderGateInput): GateDecision {
      if (!input.opensExposure) return ACCEPT;
      const refused = unsizable(input, s);
      if (refused) return refused;
      const limit = unit === 'equity' ? max * input.portfolio.equity : max;
      return capDecision(input, s, grossCapQuantity(input, s, limit), `gross exposure ${limit.toFixed(2)}`);
    },
  };
}
