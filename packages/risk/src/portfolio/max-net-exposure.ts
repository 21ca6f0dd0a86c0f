import type { PortfolioRule } from '@ml4t/core';
import { type ExposureLimitOptions, exposureLimit } from './exposure-limit.js';
import { orderSign, unitValue } from './sizing.js';

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
  // net after = net + sign × q × unit value; |net after| ≤ limit ⇔ q ≤ (limit − sign × net) / unit value.
  return exposureLimit(
    'maxNetExposure',
    'net exposure',
    options,
    (input, s, limit) => (limit - orderSign(input) * input.portfolio.netExposure) / unitValue(input, s),
  );
}
