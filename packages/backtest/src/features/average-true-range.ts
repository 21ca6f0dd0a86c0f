import { ConfigError } from '@ml4t/core';
import type { BarColumns, SymbolFeatureTable } from '@ml4t/feeds';

/** Options of {@link averageTrueRange}. */
export interface AverageTrueRangeOptions {
  /** Bars in Wilder's smoothing window. @defaultValue 14 */
  readonly period?: number;
  /** Name of the feature. @defaultValue `'atr'` */
  readonly name?: string;
}

/**
 * Wilder's average true range of every symbol, as a per-symbol feature table for `PrecomputedFeatureProvider`
 * (the `atr` feature that volatility-scaled stops read).
 *
 * True range of a bar: `max(high − low, |high − previous close|, |low − previous close|)` (`high − low` on a
 * symbol's first bar). The ATR is the mean of the first `period` true ranges, then
 * `ATR_t = (ATR_{t−1} × (period − 1) + TR_t) / period`; `NaN` before a symbol's `period`-th bar. The value stamped
 * t uses bars up to and including t only, so it is point-in-time for decisions taken on t's close. In price
 * units. O(rows), one pass over the long-format columns.
 *
 * @throws ConfigError when `period` is not an integer ≥ 1.
 */
export function averageTrueRange(bars: BarColumns, options: AverageTrueRangeOptions = {}): SymbolFeatureTable {
  const period = options.period ?? 14;
  if (!Number.isInteger(period) || period < 1) {
    throw new ConfigError('period', 'positive-integer', `must be an integer ≥ 1, got ${period}`);
  }
  const n = bars.timestamp.length;
  const nSymbols = bars.symbols.length;
  const previousClose = new Float64Array(nSymbols).fill(Number.NaN);
  const seen = new Int32Array(nSymbols);
  const state = new Float64Array(nSymbols);
  const atr = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    const s = bars.symbol[row] as number;
    const high = bars.high[row] as number;
    const low = bars.low[row] as number;
    const prev = previousClose[s] as number;
    const range = Number.isNaN(prev) ? high - low : Math.max(high - low, Math.abs(high - prev), Math.abs(low - prev));
    const count = (seen[s] as number) + 1;
    seen[s] = count;
    if (count < period) {
      state[s] = (state[s] as number) + range;
      atr[row] = Number.NaN;
    } else if (count === period) {
      state[s] = ((state[s] as number) + range) / period;
      atr[row] = state[s] as number;
    } else {
      state[s] = ((state[s] as number) * (period - 1) + range) / period;
      atr[row] = state[s] as number;
    }
    previousClose[s] = bars.close[row] as number;
  }
  return {
    kind: 'symbol',
    file: `${options.name ?? 'atr'}(${period})`,
    timestamp: bars.timestamp,
    symbol: bars.symbol,
    symbols: bars.symbols,
    features: { [options.name ?? 'atr']: atr },
  };
}
