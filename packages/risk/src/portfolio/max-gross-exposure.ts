import type { PortfolioRule } from '@ml4t/core';
import { type ExposureLimitOptions, exposureLimit } from './exposure-limit.js';
import { grossCapQuantity } from './sizing.js';

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
  return exposureLimit('maxGrossExposure', 'gross exposure', options, grossCapQuantity);
}
