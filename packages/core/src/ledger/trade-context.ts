import type { TradeContext } from '../domain/trade.js';

/** The context recorded when no trade context is configured. */
export const EMPTY_TRADE_CONTEXT: TradeContext = Object.freeze({
  score: Number.NaN,
  features: Object.freeze({}),
  market: Object.freeze({}),
});
