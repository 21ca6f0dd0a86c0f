import type { Timestamp } from './timestamp.js';

/**
 * A stock split: on its ex-date each unit held becomes `ratio` units (2 for a 2-for-1 split, 0.1 for a 1-for-10
 * reverse split); the cost basis is unchanged, so the average price divides by `ratio`.
 */
export interface SplitAction {
  readonly kind: 'split';
  readonly symbol: string;
  /** Ex-date: applied before the first bar stamped at or after it. */
  readonly timestamp: Timestamp;
  readonly ratio: number;
}

/** A cash dividend of `amount` per unit, credited to longs and debited from shorts on the ex-date. */
export interface DividendAction {
  readonly kind: 'dividend';
  readonly symbol: string;
  readonly timestamp: Timestamp;
  readonly amount: number;
}

/** A corporate action applied by the engine to positions and cash (DESIGN §3 step 1). */
export type CorporateAction = SplitAction | DividendAction;
