import type { FeatureProvider } from '@ml4t/core';
import { type BarColumns, generateMarket, type MarketOptions, type SyntheticMarket } from '@ml4t/feeds';
import type { WorkloadId } from '../harness/workload-id.js';

/** Seed of every benchmark dataset: any machine regenerates the same bars, scores and VIX. */
export const BENCH_SEED = 20_240_101;

/** The generator options of a dataset: one per workload shape, full or quick (CI) size. */
export interface DatasetSpec {
  /** Directory name of the dataset in an export (`daily-250`, `daily-500`, `minute-100`). */
  readonly name: string;
  readonly options: MarketOptions;
}

const FULL: Readonly<Record<WorkloadId, DatasetSpec>> = {
  W0: { name: 'daily-250', options: { symbols: 250, bars: 5040, frequency: 'daily', seed: BENCH_SEED } },
  W1: { name: 'daily-250', options: { symbols: 250, bars: 5040, frequency: 'daily', seed: BENCH_SEED } },
  W2: { name: 'daily-250', options: { symbols: 250, bars: 5040, frequency: 'daily', seed: BENCH_SEED } },
  W3: { name: 'daily-500', options: { symbols: 500, bars: 2520, frequency: 'daily', seed: BENCH_SEED } },
  // 66 NYSE sessions of 390 one-minute bars.
  W4: { name: 'minute-100', options: { symbols: 100, bars: 25_740, frequency: 'minute', seed: BENCH_SEED } },
};

const QUICK: Readonly<Record<WorkloadId, DatasetSpec>> = {
  W0: { name: 'daily-250', options: { symbols: 50, bars: 504, frequency: 'daily', seed: BENCH_SEED } },
  W1: { name: 'daily-250', options: { symbols: 50, bars: 504, frequency: 'daily', seed: BENCH_SEED } },
  W2: { name: 'daily-250', options: { symbols: 50, bars: 504, frequency: 'daily', seed: BENCH_SEED } },
  W3: { name: 'daily-500', options: { symbols: 100, bars: 252, frequency: 'daily', seed: BENCH_SEED } },
  W4: { name: 'minute-100', options: { symbols: 20, bars: 1170, frequency: 'minute', seed: BENCH_SEED } },
};

/**
 * The dataset of workload `id` (BENCHMARKS.md): W0–W2 share 250 symbols × 5,040 business days, W3 is 500 ×
 * 2,520 days, W4 is 100 symbols × 25,740 one-minute bars. `quick` shrinks each to a few seconds of CI work.
 */
export function datasetSpec(id: WorkloadId, quick: boolean): DatasetSpec {
  return (quick ? QUICK : FULL)[id];
}

/** A generated dataset: the bars, and a fresh feature provider (`score` per symbol, `vix` market-wide). */
export interface BenchDataset {
  readonly market: SyntheticMarket;
  readonly bars: BarColumns;
  /** A new provider over the scores and VIX (a provider binds to one run). */
  features(): FeatureProvider;
}

/** Generates the dataset of workload `id` with the project's synthetic market generator. */
export function benchDataset(id: WorkloadId, quick: boolean): BenchDataset {
  const market = generateMarket(datasetSpec(id, quick).options);
  return { market, bars: market.bars, features: () => market.features() };
}
