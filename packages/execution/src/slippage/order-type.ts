import type { SlippageModel } from '@ml4t/core';
import { adverse, nonNegative } from './validate.js';

/** Options of {@link orderTypeSlippage}: a percentage rate per order type. */
export interface OrderTypeSlippageOptions {
  /** Rate for market orders (and market-like exits). */
  readonly market: number;
  readonly limit: number;
  readonly stop: number;
  /** @defaultValue the `limit` rate */
  readonly stopLimit?: number;
  /** @defaultValue the `stop` rate */
  readonly trailingStop?: number;
}

/**
 * A percentage rate chosen by the order's type: e.g. market 10 bp, limit 1 bp, stop 5 bp. Buys pay
 * `base × (1 + rate)`, sells receive `base × (1 − rate)`.
 */
export function orderTypeSlippage(options: OrderTypeSlippageOptions): SlippageModel {
  const market = nonNegative(options?.market, 'slippage.market');
  const limit = nonNegative(options?.limit, 'slippage.limit');
  const stop = nonNegative(options?.stop, 'slippage.stop');
  const stopLimit = nonNegative(options.stopLimit ?? limit, 'slippage.stopLimit');
  const trailing = nonNegative(options.trailingStop ?? stop, 'slippage.trailingStop');
  const rates: Readonly<Record<string, number>> = {
    MARKET: market,
    LIMIT: limit,
    STOP: stop,
    STOP_LIMIT: stopLimit,
    TRAILING_STOP: trailing,
  };
  return {
    name: 'order-type',
    fillPrice: ({ order, basePrice }) => basePrice * (1 + adverse(order.side) * (rates[order.type] ?? market)),
  };
}
