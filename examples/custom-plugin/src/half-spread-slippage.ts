import { ConfigError, OrderSide, type SlippageModel } from '@ml4t/core';

/** Options of {@link halfSpreadSlippage}. */
export interface HalfSpreadSlippageOptions {
  /**
   * Per-side cost in basis points used when a bar has no bid/ask quotes.
   * @defaultValue 5
   */
  readonly fallbackBps?: number;
}

/**
 * A slippage model that pays half the quoted spread: a buy fills at the reference price plus
 * `(ask − bid) / 2`, a sell at the reference price minus it. Bars without quotes cost `fallbackBps` basis points
 * of the reference price per side instead.
 *
 * @throws ConfigError when `fallbackBps` is negative or not finite.
 *
 * @example
 * ```ts
 * halfSpreadSlippage({ fallbackBps: 5 }); // a buy at 100.00 without quotes fills at 100.05
 * ```
 */
export function halfSpreadSlippage(options: HalfSpreadSlippageOptions = {}): SlippageModel {
  const bps = options.fallbackBps ?? 5;
  if (!Number.isFinite(bps) || bps < 0) {
    throw new ConfigError('fallbackBps', 'non-negative', `must be a finite number ≥ 0, got ${bps}`);
  }
  const fallback = bps / 10_000;
  return {
    name: 'half-spread',
    fillPrice({ order, bar, basePrice }) {
      const sign = order.side === OrderSide.Buy ? 1 : -1;
      const spread = bar.ask - bar.bid;
      const cost = Number.isFinite(spread) && spread >= 0 ? spread / 2 : basePrice * fallback;
      return basePrice + sign * cost;
    },
  };
}
