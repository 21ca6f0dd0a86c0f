import { ACCEPT, type GateDecision, type OrderGateInput, type PortfolioRule } from '@ml4t/core';
import { nonEmpty, optionsObject, positiveInteger } from '../internal/validate.js';
import { rejectOrder } from './gate-decisions.js';

/** Options of {@link maxPositions}. */
export interface MaxPositionsOptions {
  /** Most positions open at once. */
  readonly max: number;
  /**
   * Count entries into new symbols already accepted at the same timestamp (not yet filled under NEXT_BAR
   * timing) against the limit, so ten buy orders on one bar cannot open ten positions under a limit of five.
   * An accepted order a later rule or the broker refuses still counts until the next timestamp.
   * @defaultValue true
   */
  readonly countSameBarEntries?: boolean;
  /** @defaultValue 'maxPositions' */
  readonly name?: string;
}

/**
 * Caps the number of open positions: an order that would open a position in a new symbol is rejected while
 * `max` positions are open. Adding to or reducing an existing position always passes.
 *
 * @example
 * ```ts
 * maxPositions({ max: 10 });
 * ```
 */
export function maxPositions(options: MaxPositionsOptions): PortfolioRule {
  optionsObject('maxPositions', options);
  const max = positiveInteger('maxPositions.max', options.max);
  const countPending = options.countSameBarEntries ?? true;
  const name = nonEmpty('maxPositions.name', options.name ?? 'maxPositions');
  let pendingAt = Number.NaN;
  const pending = new Set<number>();
  return {
    name,
    check(input: OrderGateInput): GateDecision {
      if (!input.opensExposure || input.portfolio.quantity(input.symbolId) !== 0) return ACCEPT;
      if (input.timestamp !== pendingAt) {
        pendingAt = input.timestamp;
        pending.clear();
      }
      if (pending.has(input.symbolId)) return ACCEPT;
      const open = input.portfolio.openPositionCount + (countPending ? pending.size : 0);
      if (open >= max) {
        return rejectOrder(name, `${input.order.symbol}: ${open} positions open or entering, the limit is ${max}`);
      }
      pending.add(input.symbolId);
      return ACCEPT;
    },
  };
}
