import type { BarColumns } from '../columnar/bar-columns.js';
import { ColumnarFeed } from '../columnar/columnar-feed.js';
import { type FeatureProviderOptions, PrecomputedFeatureProvider } from '../features/precomputed-feature-provider.js';
import type { ResolvedMarketOptions } from './market-options.js';

/**
 * A generated market held as columns: bars of every symbol at every timestamp (long format, sorted by
 * timestamp then symbol, so row `t × N + i` is symbol `i` at timestamp `t`), one ML `score` per bar, and the
 * market-wide `vix` and `regime` (0 calm, 1 stressed) per timestamp.
 */
export class SyntheticMarket {
  #scores: Float64Array | undefined;

  /**
   * @param makeScores - computes the scores (on first use of {@link SyntheticMarket.scores}: a workload without
   *   features does not hold them)
   */
  constructor(
    /** The options it was generated with (defaults applied). */
    readonly options: ResolvedMarketOptions,
    readonly symbols: readonly string[],
    /** The M timestamps (epoch ms, UTC). */
    readonly timestamps: Float64Array,
    /** M × N bars. */
    readonly bars: BarColumns,
    private readonly makeScores: () => Float64Array,
    /** VIX-like level per timestamp. */
    readonly vix: Float64Array,
    /** Volatility regime per timestamp: 0 calm, 1 stressed. */
    readonly regime: Uint8Array,
  ) {}

  /**
   * Score of symbol `i` at timestamp `t` at index `t × N + i`. Computed on first use from its own seeded
   * generator, so the values do not depend on when (or whether) they are asked for.
   */
  get scores(): Float64Array {
    this.#scores ??= this.makeScores();
    return this.#scores;
  }

  /** Periods per year of the bars, for annualising metrics (daily: the calendar's; minute: × minutes per session). */
  get periodsPerYear(): number {
    const cal = this.options.calendar;
    return this.options.frequency === 'daily' ? cal.periodsPerYear : cal.periodsPerYear * cal.minutesPerSession;
  }

  /** A {@link ColumnarFeed} over the bars (shares the columns, no copy). */
  feed(name = 'synthetic'): ColumnarFeed {
    return new ColumnarFeed(this.bars, { name });
  }

  /**
   * A {@link PrecomputedFeatureProvider} with the per-symbol `score` and market-wide `vix` and `regime`. The
   * provider holds its own copy of the scores; unless {@link SyntheticMarket.scores} was read, the market does
   * not keep them as well.
   */
  features(options: FeatureProviderOptions = {}): PrecomputedFeatureProvider {
    return new PrecomputedFeatureProvider(
      [
        {
          kind: 'symbol',
          file: 'synthetic:scores',
          timestamp: this.bars.timestamp,
          symbol: this.bars.symbol,
          symbols: this.symbols,
          features: { score: this.#scores ?? this.makeScores() },
        },
        {
          kind: 'market',
          file: 'synthetic:market',
          timestamp: this.timestamps,
          features: { vix: this.vix, regime: Float64Array.from(this.regime) },
        },
      ],
      options,
    );
  }
}
