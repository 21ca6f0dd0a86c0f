import type { SlippageModel } from '@ml4t/core';
import { adverse, nonNegative } from './validate.js';

/** Options of {@link spreadAwareSlippage}. */
export interface SpreadAwareSlippageOptions {
  /** Fraction of the half-spread paid: buys pay `base + factor × (ask − bid) / 2`. @defaultValue 1 */
  readonly halfSpreadFactor?: number;
  /** Percentage used when the bar has no bid/ask quotes (0.0005 = 5 bp). */
  readonly fallbackRate: number;
}

/**
 * Pays part of the quoted spread: with bid/ask on the bar, a buy fills at `base + factor × half-spread` and a
 * sell at `base − factor × half-spread`; without quotes it falls back to a percentage of the price.
 *
 * @example With bid 99.98 / ask 100.02, factor 0.5 and base 100: buy 100.01, sell 99.99.
 */
export function spreadAwareSlippage(options: SpreadAwareSlippageOptions): SlippageModel {
  const factor = nonNegative(options?.halfSpreadFactor ?? 1, 'slippage.halfSpreadFactor');
  const fallback = nonNegative(options?.fallbackRate, 'slippage.fallbackRate');
  return {
    name: 'spread-aware',
    fillPrice: ({ order, basePrice, bar }) => {
      const sign = adverse(order.side);
      const { bid, ask } = bar;
      if (bid > 0 && ask >= bid) return basePrice + sign * factor * ((ask - bid) / 2);
      return basePrice * (1 + sign * fallback);
    },
  };
}
