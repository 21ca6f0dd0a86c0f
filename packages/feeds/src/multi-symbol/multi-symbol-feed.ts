import { ConfigError, type MarketEvent } from '@ml4t/core';
import type { BarColumns } from '../columnar/bar-columns.js';
import { BarColumnsBuilder } from '../columnar/bar-columns-builder.js';
import { ColumnarFeed } from '../columnar/columnar-feed.js';
import { mergeBars } from '../columnar/order-bars.js';
import { combineReports } from '../validation/combine-reports.js';
import { validateBars } from '../validation/validate-bars.js';
import type { ValidationOptions, ValidationReport } from '../validation/validation-options.js';

/** One symbol's bars as parallel columns (any array-like of numbers); quote columns are optional. */
export interface SymbolSeries {
  readonly timestamp: ArrayLike<number>;
  readonly open: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly close: ArrayLike<number>;
  readonly volume: ArrayLike<number>;
  readonly bid?: ArrayLike<number>;
  readonly ask?: ArrayLike<number>;
  readonly bidSize?: ArrayLike<number>;
  readonly askSize?: ArrayLike<number>;
}

/** One bar of a symbol as an object (quotes optional). */
export interface SeriesBar {
  readonly timestamp: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly bid?: number;
  readonly ask?: number;
  readonly bidSize?: number;
  readonly askSize?: number;
}

/** Options of {@link MultiSymbolDataFeed}. */
export interface MultiSymbolFeedOptions {
  /** @defaultValue `'multi-symbol'` */
  readonly name?: string;
  /** Validation of each symbol's series (issues name the series `name:SYMBOL`). */
  readonly validation?: ValidationOptions;
}

/**
 * A feed aligning many symbols' series by timestamp into one columnar store: at each timestamp it emits the
 * bars of every symbol that has one, so symbols may start late, stop early or skip bars (no bar is
 * invented; the engine carries the last price of a symbol without a bar).
 *
 * Symbols keep the order of `series` (object key or Map order). Each series is validated on its own, then
 * the series are merged in O(n log u).
 *
 * @example
 * ```ts
 * const feed = new MultiSymbolDataFeed({ AAPL: aaplBars, MSFT: msftColumns });
 * ```
 */
export class MultiSymbolDataFeed extends ColumnarFeed {
  /** What validation dropped, repaired or flagged, over all series. */
  readonly report: ValidationReport;
  private readonly firsts: Float64Array;
  private readonly lasts: Float64Array;

  constructor(
    series:
      | Readonly<Record<string, SymbolSeries | readonly SeriesBar[]>>
      | ReadonlyMap<string, SymbolSeries | readonly SeriesBar[]>,
    options: MultiSymbolFeedOptions = {},
  ) {
    const name = options.name ?? 'multi-symbol';
    const entries = series instanceof Map ? [...series.entries()] : Object.entries(series);
    if (entries.length === 0) throw new ConfigError('series', 'non-empty', 'at least one symbol series is needed');
    const validated = entries.map(([symbol, s]) =>
      validateBars(seriesColumns(symbol, s), { ...options.validation, file: `${name}:${symbol}` }),
    );
    const bars = mergeBars(validated.map((v) => v.bars));
    super(bars, { name });
    this.report = combineReports(validated.map((v) => v.report));
    const n = bars.symbols.length;
    this.firsts = new Float64Array(n).fill(Number.NaN);
    this.lasts = new Float64Array(n).fill(Number.NaN);
    for (let i = 0; i < bars.timestamp.length; i++) {
      const s = bars.symbol[i] as number;
      if (Number.isNaN(this.firsts[s] as number)) this.firsts[s] = bars.timestamp[i] as number;
      this.lasts[s] = bars.timestamp[i] as number;
    }
  }

  /**
   * Builds a feed from bar events (e.g. recorded `MarketEvent`s), one series per symbol.
   *
   * Events are grouped by symbol, symbols in order of first appearance, and may be interleaved across symbols
   * in any way; each symbol's events keep their given order (they are not sorted, so a symbol going back in
   * time is an `unsorted` issue for validation). A quote or quote size is kept when finite and treated as
   * absent otherwise (`bar()` fills absent quotes with `NaN`). Each series is then validated and merged as by
   * the constructor.
   *
   * @example
   * ```ts
   * const feed = MultiSymbolDataFeed.fromEvents(recordedBars, { name: 'replay' }); // recordedBars: MarketEvent[]
   * ```
   * @throws ConfigError when `events` is empty; DataValidationError as the constructor does.
   */
  static fromEvents(events: readonly MarketEvent[], options: MultiSymbolFeedOptions = {}): MultiSymbolDataFeed {
    const series = new Map<string, SeriesBar[]>();
    for (const e of events) {
      let rows = series.get(e.symbol);
      if (rows === undefined) {
        rows = [];
        series.set(e.symbol, rows);
      }
      rows.push({
        timestamp: e.timestamp,
        open: e.open,
        high: e.high,
        low: e.low,
        close: e.close,
        volume: e.volume,
        ...(Number.isFinite(e.bid) ? { bid: e.bid } : {}),
        ...(Number.isFinite(e.ask) ? { ask: e.ask } : {}),
        ...(Number.isFinite(e.bidSize) ? { bidSize: e.bidSize } : {}),
        ...(Number.isFinite(e.askSize) ? { askSize: e.askSize } : {}),
      });
    }
    return new MultiSymbolDataFeed(series, options);
  }

  /** First timestamp with a bar of `symbol`; `NaN` when unknown. */
  firstTimestamp(symbol: string): number {
    const s = this.symbols.indexOf(symbol);
    return s < 0 ? Number.NaN : (this.firsts[s] as number);
  }

  /** Last timestamp with a bar of `symbol`; `NaN` when unknown. */
  lastTimestamp(symbol: string): number {
    const s = this.symbols.indexOf(symbol);
    return s < 0 ? Number.NaN : (this.lasts[s] as number);
  }
}

function seriesColumns(symbol: string, s: SymbolSeries | readonly SeriesBar[]): BarColumns {
  if (!Array.isArray(s)) {
    const cols = s as SymbolSeries;
    const n = cols.timestamp.length;
    const f = (x: ArrayLike<number>, field: string): Float64Array => {
      if (x.length !== n) {
        throw new ConfigError(`series.${symbol}.${field}`, 'same-length', `has ${x.length} values, timestamp has ${n}`);
      }
      return Float64Array.from(x);
    };
    return {
      symbols: [symbol],
      timestamp: f(cols.timestamp, 'timestamp'),
      symbol: new Int32Array(n),
      open: f(cols.open, 'open'),
      high: f(cols.high, 'high'),
      low: f(cols.low, 'low'),
      close: f(cols.close, 'close'),
      volume: f(cols.volume, 'volume'),
      ...(cols.bid ? { bid: f(cols.bid, 'bid') } : {}),
      ...(cols.ask ? { ask: f(cols.ask, 'ask') } : {}),
      ...(cols.bidSize ? { bidSize: f(cols.bidSize, 'bidSize') } : {}),
      ...(cols.askSize ? { askSize: f(cols.askSize, 'askSize') } : {}),
    };
  }
  const rows = s as readonly SeriesBar[];
  const quotes = {
    bid: rows.some((r) => r.bid !== undefined),
    ask: rows.some((r) => r.ask !== undefined),
    bidSize: rows.some((r) => r.bidSize !== undefined),
    askSize: rows.some((r) => r.askSize !== undefined),
  };
  const b = new BarColumnsBuilder(quotes, rows.length);
  const id = b.symbolId(symbol);
  for (const r of rows)
    b.push(r.timestamp, id, r.open, r.high, r.low, r.close, r.volume, r.bid, r.ask, r.bidSize, r.askSize);
  return b.build();
}
