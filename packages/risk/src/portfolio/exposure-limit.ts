import { ACCEPT, type GateDecision, type OrderGateInput, type PortfolioRule } from '@ml4t/core';
import { nonEmpty, oneOf, optionsObject, positive } from '../internal/validate.js';
import { capDecision, type SizingRuleOptions, type SizingSettings, sizingSettings, unsizable } from './sizing.js';

/** Options of {@link maxGrossExposure} and {@link maxNetExposure}. */
export interface ExposureLimitOptions extends SizingRuleOptions {
  /** The limit: a fraction of equity (1 = 100 %) or, with `unit: 'currency'`, an amount of money. */
  readonly max: number;
  /** @defaultValue 'equity' */
  readonly unit?: 'equity' | 'currency';
}

/**
 * An exposure cap: validates the options once, then for every order that opens exposure turns the limit into
 * money (`max × equity` or `max`) and resizes or rejects the order to the quantity `maxQuantity` allows.
 *
 * @param rule - rule name, default name and key-path prefix of option errors
 * @param what - what is capped, for the refusal message (e.g. `gross exposure`)
 * @param maxQuantity - the largest quantity of the order that keeps the exposure within `limit` (money)
 * @internal
 */
export function exposureLimit(
  rule: string,
  what: string,
  options: ExposureLimitOptions,
  maxQuantity: (input: OrderGateInput, settings: SizingSettings, limit: number) => number,
): PortfolioRule {
  optionsObject(rule, options);
  const s = sizingSettings(rule, options);
  nonEmpty(`${rule}.name`, s.name);
  const max = positive(`${rule}.max`, options.max);
  const unit = options.unit === undefined ? 'equity' : oneOf(`${rule}.unit`, options.unit, ['equity', 'currency']);
  return {
    name: s.name,
    check(input: OrderGateInput): GateDecision {
      if (!input.opensExposure) return ACCEPT;
      const refused = unsizable(input, s);
      if (refused) return refused;
      const limit = unit === 'equity' ? max * input.portfolio.equity : max;
      return capDecision(input, s, maxQuantity(input, s, limit), `${what} ${limit.toFixed(2)}`);
    },
  };
}
