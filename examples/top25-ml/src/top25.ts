/**
 * The reference ML strategy of ml4t-backtest, built from the public packages:
 *
 * - a synthetic universe of 500 stocks (`generateMarket` of `@ml4t/feeds`), with one ML score per stock per day
 *   whose information coefficient with the next day's return is known (`ic`), and a VIX series;
 * - every week, hold the 25 stocks with the highest score, sized by score, keeping a holding while it ranks in
 *   the top half (`topNMl` of `@ml4t/backtest`);
 * - three risk rules (`@ml4t/risk`): a stop 3 ATRs below the entry, a trailing stop that tightens with every day
 *   held, and a time exit after 15 days;
 * - no new entries while VIX is above 30 (a regime filter);
 * - costs (`@ml4t/execution`): half the quoted bid/ask spread, and Interactive Brokers-style per-share commission;
 * - the ML score and VIX at entry and exit recorded on every trade (`tradeContext`).
 *
 * `examples/configs/top25-ml.yaml` describes the same run for the CLI; `test/identity.test.ts` proves both give
 * identical trades.
 */
import { averageTrueRange, type BacktestProgress, runBacktest, topNMl } from '@ml4t/backtest';
import { perShareCommission, spreadAwareSlippage } from '@ml4t/execution';
import { type FeatureTable, generateMarket, PrecomputedFeatureProvider } from '@ml4t/feeds';
import type { BacktestResults } from '@ml4t/results';
import { dynamicTrailingStop, regimeFilter, timeExit, volatilityStop } from '@ml4t/risk';

/** Knobs of the example run (the defaults are the ones of `examples/configs/top25-ml.yaml`). */
export interface Top25Options {
  /** Stocks in the universe. @defaultValue 500 */
  readonly symbols?: number;
  /** Trading days simulated. @defaultValue 252 */
  readonly days?: number;
  /** Seed of the synthetic market. @defaultValue 2024 */
  readonly seed?: number;
  /** Information coefficient of the score with the next day's return. @defaultValue 0.05 */
  readonly ic?: number;
  /** No new entries while VIX is above this. @defaultValue 30 */
  readonly vixThreshold?: number;
  /** Progress callback (see `runBacktest`). */
  readonly onProgress?: (progress: BacktestProgress) => void;
  /** Timestamps between progress calls. @defaultValue 100 */
  readonly progressEvery?: number;
}

/** Runs the reference ML strategy and returns its results. Deterministic for given options. */
export async function runTop25(options: Top25Options = {}): Promise<BacktestResults> {
  const market = generateMarket({
    symbols: options.symbols ?? 500,
    bars: options.days ?? 252,
    seed: options.seed ?? 2024,
    start: Date.UTC(2022, 0, 3),
    ic: options.ic ?? 0.05,
    quotes: true, // bid/ask around the close, so slippage can pay half the spread
    spreadBps: 6,
  });

  // Point-in-time features: the ML score per stock, VIX (and the regime) for the market, and a 14-day ATR
  // computed from the bars, which the volatility stop reads.
  const tables: FeatureTable[] = [
    {
      kind: 'symbol',
      timestamp: market.bars.timestamp,
      symbol: market.bars.symbol,
      symbols: market.symbols,
      features: { score: market.scores },
    },
    {
      kind: 'market',
      timestamp: market.timestamps,
      features: { vix: market.vix, regime: Float64Array.from(market.regime) },
    },
    averageTrueRange(market.bars, { period: 14 }),
  ];

  return runBacktest({
    feeds: market.feed(),
    features: new PrecomputedFeatureProvider(tables),
    initialCash: 1_000_000,
    strategy: topNMl({
      n: 25,
      exitRank: 250,
      score: 'score',
      weighting: 'score',
      rebalanceEvery: 5,
      investedFraction: 0.95,
    }),
    positionRules: [
      volatilityStop({ multiple: 3, feature: 'atr' }),
      dynamicTrailingStop({ initial: 0.12, perBar: 0.004, minimum: 0.05 }),
      timeExit({ maxBars: 15 }),
    ],
    portfolioRules: [regimeFilter({ feature: 'vix', above: options.vixThreshold ?? 30 })],
    execution: {
      fillTiming: 'next_bar',
      shareType: 'integer',
      slippage: spreadAwareSlippage({ halfSpreadFactor: 1, fallbackRate: 0.0005 }),
      commission: perShareCommission({ rate: 0.005, minimum: 1, maximumPercent: 0.01 }),
    },
    tradeContext: { score: 'score', market: ['vix'] },
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.progressEvery === undefined ? {} : { progressEvery: options.progressEvery }),
  });
}
