import type { ExitTrigger } from '@ml4t/core';
import { ExitReason, type PositionRule } from '@ml4t/core';

/**
 * A test-only percentage stop loss for long positions: level = basis × (1 − pct), basis the fill price or the
 * signal close (backtrader). Exits with the given trigger when the bar's low reaches the level.
 */
export function testStopLoss(
  pct: number,
  basis: 'fill' | 'signal' = 'fill',
  trigger: ExitTrigger = 'stop',
): PositionRule {
  return {
    name: 'testStopLoss',
    evaluate({ position, bar }) {
      const ref = basis === 'fill' ? position.avgPrice : position.entrySignalPrice;
      const level = ref * (1 - pct);
      if (bar.low > level) return undefined;
      return { kind: 'exit', reason: ExitReason.StopLoss, trigger, price: level, rule: 'testStopLoss' };
    },
  };
}
