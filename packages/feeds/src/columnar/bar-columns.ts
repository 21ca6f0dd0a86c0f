/**
 * Bars of many symbols stored as columns (long format): row `i` is the bar of symbol `symbols[symbol[i]]` at
 * `timestamp[i]` (epoch ms, UTC).
 *
 * This is the in-memory store every feed replays from. A {@link ColumnarFeed} requires rows sorted by
 * timestamp, then by symbol index, with at most one row per (timestamp, symbol); loaders and
 * {@link validateBars} produce that order. Prices are per unit as floats; quote columns are optional and
 * `NaN` marks a missing quote on a row.
 */
export interface BarColumns {
  /** Symbol names; `symbol[i]` indexes this list. */
  readonly symbols: readonly string[];
  /** Epoch milliseconds (UTC) of each row. */
  readonly timestamp: Float64Array;
  /** Index into {@link BarColumns.symbols} of each row. */
  readonly symbol: Int32Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Best bid per row (optional column). */
  readonly bid?: Float64Array;
  /** Best ask per row (optional column). */
  readonly ask?: Float64Array;
  /** Size at the best bid (optional column). */
  readonly bidSize?: Float64Array;
  /** Size at the best ask (optional column). */
  readonly askSize?: Float64Array;
}

/** Names of the required numeric columns of a {@link BarColumns}, in validation order. */
export const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;

/** Names of the optional quote columns of a {@link BarColumns}. */
export const QUOTE_FIELDS = ['bid', 'ask', 'bidSize', 'askSize'] as const;

/** One of {@link QUOTE_FIELDS}. */
export type QuoteField = (typeof QUOTE_FIELDS)[number];

/** Which optional quote columns a table carries. */
export type QuoteFlags = Readonly<Record<QuoteField, boolean>>;

/** The quote columns present in `bars`. */
export function quoteFlags(bars: BarColumns): QuoteFlags {
  return {
    bid: bars.bid !== undefined,
    ask: bars.ask !== undefined,
    bidSize: bars.bidSize !== undefined,
    askSize: bars.askSize !== undefined,
  };
}

/** Number of rows in `bars`. */
export function barCount(bars: BarColumns): number {
  return bars.timestamp.length;
}
