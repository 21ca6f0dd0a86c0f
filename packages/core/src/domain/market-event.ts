import type { Timestamp } from './timestamp.js';

/**
 * One OHLCV bar of one symbol, optionally with top-of-book quotes.
 *
 * Prices are per unit, as floats; `bid`/`ask` and their sizes are `NaN` when the feed has no quotes.
 * This object form is for users and slow paths; the engine's hot path reads {@link TimeSlice} columns.
 */
export interface MarketEvent {
  readonly kind: 'bar';
  readonly timestamp: Timestamp;
  readonly symbol: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly bid: number;
  readonly ask: number;
  readonly bidSize: number;
  readonly askSize: number;
}

/** Fields accepted by {@link bar}: quotes are optional. */
export type BarInput = Omit<MarketEvent, 'kind' | 'bid' | 'ask' | 'bidSize' | 'askSize'> &
  Partial<Pick<MarketEvent, 'bid' | 'ask' | 'bidSize' | 'askSize'>>;

/** Builds a {@link MarketEvent}, defaulting absent quotes to `NaN`. */
export function bar(input: BarInput): MarketEvent {
  return {
    kind: 'bar',
    timestamp: input.timestamp,
    symbol: input.symbol,
    open: input.open,
    high: input.high,
    low: input.low,
    close: input.close,
    volume: input.volume,
    bid: input.bid ?? Number.NaN,
    ask: input.ask ?? Number.NaN,
    bidSize: input.bidSize ?? Number.NaN,
    askSize: input.askSize ?? Number.NaN,
  };
}
