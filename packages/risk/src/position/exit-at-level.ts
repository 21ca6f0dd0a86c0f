import type { BarView, ExitAction, ExitReason, ExitTrigger, Position, PositionRuleInput } from '@ml4t/core';
import { roundLevel } from '../internal/round-level.js';
import { basisPrice, type PriceBasis } from './price-basis.js';

/** +1 for a long position, −1 for a short one, 0 when flat. */
export function direction(position: Position): 1 | -1 | 0 {
  const q = position.quantity;
  return q > 0 ? 1 : q < 0 ? -1 : 0;
}

/**
 * A `stop` exit when the bar reached `level` (rounded to 12 significant digits) against the position (long: low ≤ level; short: high ≥ level),
 * else `undefined`. The broker fills at the level, or at the open when the bar gapped through it.
 */
export function stopExit(
  bar: BarView,
  d: 1 | -1,
  level: number,
  reason: ExitReason,
  rule: string,
  quantity?: number,
): ExitAction | undefined {
  const at = roundLevel(level);
  const touched = d > 0 ? bar.low <= at : bar.high >= at;
  return touched ? exitAction('stop', at, reason, rule, quantity) : undefined;
}

/**
 * A `limit` exit when the bar reached `level` (rounded to 12 significant digits) in the position's favour (long: high ≥ level; short:
 * low ≤ level), else `undefined`. The broker fills at the level, or at the better open on a gap beyond it.
 */
export function limitExit(
  bar: BarView,
  d: 1 | -1,
  level: number,
  reason: ExitReason,
  rule: string,
  quantity?: number,
): ExitAction | undefined {
  const at = roundLevel(level);
  const touched = d > 0 ? bar.high >= at : bar.low <= at;
  return touched ? exitAction('limit', at, reason, rule, quantity) : undefined;
}

/** Builds an {@link ExitAction}; `quantity` is omitted (whole position) when undefined. */
export function exitAction(
  trigger: ExitTrigger,
  price: number,
  reason: ExitReason,
  rule: string,
  quantity?: number,
): ExitAction {
  return quantity === undefined
    ? { kind: 'exit', reason, trigger, price, rule }
    : { kind: 'exit', reason, trigger, price, rule, quantity };
}

/**
 * The basis price of the position, cached in the rule's per-position state and recomputed only when the
 * position's size changes (adds move the average price), so the Decimal cost basis is not converted every bar.
 */
export function cachedBasis(input: PositionRuleInput, basis: PriceBasis): number {
  const state = input.state;
  const q = input.position.quantity;
  if (state.basisQuantity !== q) {
    state.basisQuantity = q;
    state.basisPrice = basisPrice(input.position, basis);
  }
  return state.basisPrice as number;
}
