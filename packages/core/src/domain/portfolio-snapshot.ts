import type { Money } from '../money/decimal.js';
import type { Timestamp } from './timestamp.js';

/**
 * The account at the end of one timestamp (DESIGN §3 step 7), published on `portfolio$`.
 *
 * `equity = cash + positionsValue`, where positions are marked at their last known price (the close at this
 * timestamp, or the last close before it for symbols without a bar now).
 */
export interface PortfolioSnapshot {
  readonly timestamp: Timestamp;
  readonly index: number;
  /** Exact cash balance. */
  readonly cash: Money;
  /** Cash as a float, for charts and metrics. */
  readonly cashValue: number;
  readonly positionsValue: number;
  readonly equity: number;
  /** Σ |position value|. */
  readonly grossExposure: number;
  /** Σ position value (signed). */
  readonly netExposure: number;
  readonly openPositions: number;
}
