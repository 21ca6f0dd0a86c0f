import { ConfigError, ExitReason, type PositionRule } from '@ml4t/core';

/** Options of {@link gapDownExit}. */
export interface GapDownExitOptions {
  /**
   * Size of the gap that triggers the exit, as a fraction of the previous close (0.03 = the bar opens 3 % or
   * more below the previous close).
   * @defaultValue 0.03
   */
  readonly gap?: number;
}

/**
 * A position rule that leaves a long position at the open of a bar that gaps down by `gap` or more from the
 * previous bar's close (a short position mirrors it: a gap up). The previous close is kept in the rule's
 * per-position state, so the rule never fires on the bar the position was opened.
 *
 * Trades it closes carry exit reason `CUSTOM` and exit rule `gapDownExit`.
 *
 * @throws ConfigError when `gap` is not in (0, 1).
 */
export function gapDownExit(options: GapDownExitOptions = {}): PositionRule {
  const gap = options.gap ?? 0.03;
  if (!(gap > 0 && gap < 1)) throw new ConfigError('gap', 'fraction', `must be in (0, 1), got ${gap}`);
  return {
    name: 'gapDownExit',
    evaluate({ position, bar, state }) {
      const previous = state.previousClose;
      state.previousClose = bar.close;
      if (typeof previous !== 'number') return undefined;
      const long = position.quantity > 0;
      const gapped = long ? bar.open <= previous * (1 - gap) : bar.open >= previous * (1 + gap);
      if (!gapped) return undefined;
      return { kind: 'exit', reason: ExitReason.Custom, trigger: 'stop', price: bar.open, rule: 'gapDownExit' };
    },
  };
}
