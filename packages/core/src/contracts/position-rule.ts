import type { ExitReason } from '../domain/exit-reason.js';
import type { Position } from '../domain/position.js';
import type { Timestamp } from '../domain/timestamp.js';
import type { BarView } from './bar-view.js';
import type { FeatureView } from './feature-provider.js';

/** What a {@link PositionRule} sees for one open position on one bar (DESIGN §3 step 3). */
export interface PositionRuleInput {
  readonly position: Position;
  /** The symbol's bar at the current timestamp. */
  readonly bar: BarView;
  readonly features: FeatureView;
  readonly timestamp: Timestamp;
  readonly index: number;
  /** True when the position was opened on this bar (at the open, under NEXT_BAR timing). */
  readonly isEntryBar: boolean;
  /**
   * State owned by this rule for this position only: a fresh object when the position opens, dropped when it
   * closes. Never shared across symbols or positions.
   */
  readonly state: Record<string, unknown>;
}

/**
 * How an exit fills.
 * - `stop`: at `price` when the bar reaches it; on a gap through the level, at the open (or per the broker's
 *   stop fill mode).
 * - `limit`: at `price` when the bar reaches it; on a gap beyond it, at the (better) open.
 * - `close`: at the close of the current bar.
 * - `nextOpen`: a market exit at the next bar's open.
 */
export type ExitTrigger = 'stop' | 'limit' | 'close' | 'nextOpen';

/** An exit decided by a position rule. */
export interface ExitAction {
  readonly kind: 'exit';
  readonly reason: ExitReason;
  readonly trigger: ExitTrigger;
  /** Trigger level for `stop` and `limit`; ignored otherwise. */
  readonly price: number;
  /** Units to close (positive); the whole position when absent. */
  readonly quantity?: number;
  /** Name of the rule, recorded on the trade. */
  readonly rule: string;
}

/** A position rule's answer: an exit, or nothing. */
export type PositionAction = ExitAction | undefined;

/**
 * A per-position risk rule (stop loss, take profit, trailing stop, time exit…), evaluated by the engine every
 * bar for every open position. Keep per-position state in `input.state`, never in the rule object, so one
 * rule instance serves every symbol. A plugin is one object with this method.
 */
export interface PositionRule {
  readonly name: string;
  evaluate(input: PositionRuleInput): PositionAction;
}
