/** Asset classes known to the cost and account models. */
export type AssetClass = 'equity' | 'future' | 'fx' | 'crypto' | 'option' | 'etf' | 'other';

/**
 * Static facts about a tradable instrument.
 *
 * `multiplier` scales every notional (a futures contract of multiplier 50 at price 4,000 is worth 200,000);
 * `tickSize` and `lotSize` are applied by execution when set.
 */
export interface InstrumentSpec {
  /** Contract multiplier. @defaultValue 1 */
  readonly multiplier: number;
  /** Minimum price increment; fill prices are rounded to it when set. @defaultValue 0 (no rounding) */
  readonly tickSize: number;
  /** Minimum quantity increment; order quantities are rounded down to it when set. @defaultValue 0 (no rounding) */
  readonly lotSize: number;
  /** @defaultValue 'equity' */
  readonly assetClass: AssetClass;
  /** Optional sector label, used by sector exposure rules. */
  readonly sector?: string;
}

/** The spec used for symbols without one: multiplier 1, no tick or lot rounding, equity. */
export const DEFAULT_INSTRUMENT: InstrumentSpec = Object.freeze({
  multiplier: 1,
  tickSize: 0,
  lotSize: 0,
  assetClass: 'equity',
});
