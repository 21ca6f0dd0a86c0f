import type { Timestamp } from '../domain/timestamp.js';
import { Ml4tError } from './ml4t-error.js';

/**
 * A strategy, rule or sink threw during the run. The run stops at that timestamp; results up to it remain
 * readable. `cause` is the original error.
 */
export class StrategyError extends Ml4tError {
  readonly timestamp: Timestamp;
  readonly symbol: string | undefined;
  /** Which callback failed, e.g. `strategy.onTimeSlice`, `positionRule:stopLoss`. */
  readonly stage: string;

  constructor(stage: string, timestamp: Timestamp, symbol: string | undefined, cause: unknown) {
    const what = cause instanceof Error ? cause.message : String(cause);
    const at = Number.isFinite(timestamp) ? new Date(timestamp).toISOString() : String(timestamp);
    super('STRATEGY', `${stage} failed at ${at}${symbol ? ` (${symbol})` : ''}: ${what}`, { cause });
    this.timestamp = timestamp;
    this.symbol = symbol;
    this.stage = stage;
  }
}
