import { OrderType } from '@ml4t/core';
import type { WorkingOrder } from '../orders/working-order.js';

/** The trailing distance of a trailing-stop order at reference price `ref` (amount, or percent × ref). */
export function trailDistance(order: WorkingOrder, ref: number): number {
  const r = order.request;
  if (r.type !== OrderType.TrailingStop) return Number.NaN;
  return r.trailAmount !== undefined ? r.trailAmount : ref * (r.trailPercent ?? 0);
}

/** The trailing level implied by reference price `ref`: below it for sells, above it for buys. */
export function trailLevelFrom(order: WorkingOrder, ref: number): number {
  const d = trailDistance(order, ref);
  return order.side === 'SELL' ? ref - d : ref + d;
}

/**
 * Moves a trailing stop's level toward the price, never away: up for sells, down for buys. Initialises a
 * level that is still `NaN`. Returns the new level.
 */
export function ratchetTrailing(order: WorkingOrder, ref: number): number {
  if (!Number.isFinite(ref)) return order.stopLevel;
  const candidate = trailLevelFrom(order, ref);
  const current = order.stopLevel;
  if (Number.isNaN(current)) order.stopLevel = candidate;
  else if (order.side === 'SELL' ? candidate > current : candidate < current) order.stopLevel = candidate;
  return order.stopLevel;
}
