import type { Position } from '@ml4t/core';
import { oneOf } from '../internal/validate.js';

/**
 * The entry price a level is measured from.
 * - `fill_price`: the position's average entry price (after slippage).
 * - `signal_close`: the close of the bar on which the entry order was created (backtrader's basis); falls back
 *   to the fill price when the position has no signal price (e.g. it was opened at the very first bar).
 */
export type PriceBasis = 'fill_price' | 'signal_close';

/** The price of `basis` for `position`. */
export function basisPrice(position: Position, basis: PriceBasis): number {
  if (basis === 'signal_close') {
    const p = position.entrySignalPrice;
    if (Number.isFinite(p) && p > 0) return p;
  }
  return position.avgPrice;
}

/** Validates a {@link PriceBasis} option (default `fill_price`). */
export function priceBasisOption(path: string, basis: PriceBasis | undefined): PriceBasis {
  return basis === undefined ? 'fill_price' : oneOf(path, basis, ['fill_price', 'signal_close']);
}
