import { ACCEPT, type GateDecision, type OrderGateInput, type PortfolioRule } from '@ml4t/core';
import { nonEmpty, oneOf, optionsObject, positive } from '../internal/validate.js';
import type { ExposureLimitOptions } from './max-gross-exposure.js';
import { capDecision, orderSign, sizingSettings, unitValue, unsizable } from './sizing.js';

/**
 * Caps net exposure, |Σ signed position value| at the last marks, after the order: at most `max × equity` (or
 * `max` in currency). An order that moves net exposure toward zero passes even if it opens a position (a short
 * hedging a long book); one that would breach the limit is resized to fit or rejected.
 *
 * @example
 * ```ts
 * maxNetExposure({ max: 0.2 }); // market-neutral within ±20 % of equity
 * ```
 */
export function maxNetExposure(options: ExposureLimitOptions): PortfolioRule {
  optionsObject('maxNetExposure', options);
  const s = sizingSettings('maxNetExposure', options);
  nonEmpty('maxNetExposure.name', s.name);
  const max = positive('maxNetExposure.max', options.max);
  const unit =
    options.unit === undefined ? 'equity' : oneOf('maxNetExposure.unit', options.unit, ['equity', 'currency']);
  return {
    name: s.name,
    check(input: OrderGateInput): GateDecision {
      if (!input.opensExposure) return ACCEPT;
      const refused = unsizable(input, s);
      if (refused) return refused;
      const limit = unit === 'equity' ? max * input.portfolio.equity : max;
      // net after = net + sign × q × unit value; |net after| ≤ limit ⇔ q ≤ (limit − sign × net) / unit value.
      const maxQty = (limit - orderSign(input) * input.portfolio.netExposure) / unitValue(input, s);
      return capDecision(input, s, maxQty, `net exposure ${limit.toFixed(2)}`);
    },
  };
}
