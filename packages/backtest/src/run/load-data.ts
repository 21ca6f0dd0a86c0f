import { resolve } from 'node:path';
import type { DataFeed, FeatureProvider } from '@ml4t/core';
import {
  type BarColumns,
  ColumnarFeed,
  type FeatureTable,
  generateMarket,
  PrecomputedFeatureProvider,
  readFeatureCsv,
  readFeatureParquet,
  type SyntheticMarket,
} from '@ml4t/feeds';
import type { DataSection } from '../config/data-schema.js';
import { averageTrueRange } from '../features/average-true-range.js';
import { compact } from './compact.js';
import { isParquet, readBarsFile } from './read-bars.js';

/** The data of a run, loaded. */
export interface LoadedData {
  readonly feeds: readonly DataFeed[];
  /** Features and market series; absent when the data has none. */
  readonly features?: FeatureProvider;
}

/**
 * Loads the `data` section of a configuration with `@ml4t/feeds`: price files (validated; one feed per file,
 * merged by the engine's clock) or a synthetic market from `generateMarket` (bars, `score`, `vix`, `regime`),
 * feature files, and the `atr` feature computed from the bars when `data.atr` is set. Relative paths resolve
 * against `baseDir`.
 *
 * @throws DataValidationError for invalid files (file, row, column, rule); ConfigError for invalid generator
 * options.
 */
export async function loadData(data: DataSection, baseDir: string): Promise<LoadedData> {
  const feeds: DataFeed[] = [];
  const barSets: BarColumns[] = [];
  const tables: FeatureTable[] = [];
  if (data.synthetic !== undefined) {
    const market = generateSynthetic(data.synthetic);
    feeds.push(market.feed());
    barSets.push(market.bars);
    tables.push(...syntheticFeatureTables(market));
  }
  for (const path of listOf(data.prices)) {
    const { bars } = await readBarsFile(path, baseDir, data);
    feeds.push(new ColumnarFeed(bars, { name: path }));
    barSets.push(bars);
  }
  for (const path of listOf(data.features)) {
    const file = resolve(baseDir, path);
    tables.push(isParquet(file, data.format) ? await readFeatureParquet(file) : readFeatureCsv(file));
  }
  if (data.atr !== undefined) {
    for (const bars of barSets) tables.push(averageTrueRange(bars, { period: data.atr }));
  }
  if (tables.length === 0) return { feeds };
  return { feeds, features: new PrecomputedFeatureProvider(tables, compact({ lag: data.featureLag })) };
}

/** Runs the generator of `data.synthetic` (its `start` is an ISO date). */
function generateSynthetic(options: NonNullable<DataSection['synthetic']>): SyntheticMarket {
  const { start, ...rest } = options;
  return generateMarket(compact({ ...rest, start: start === undefined ? undefined : Date.parse(start) }));
}

/** The generated `score` (per symbol) and `vix` and `regime` (market-wide) series as feature tables. */
function syntheticFeatureTables(market: SyntheticMarket): FeatureTable[] {
  return [
    {
      kind: 'symbol',
      file: 'synthetic:scores',
      timestamp: market.bars.timestamp,
      symbol: market.bars.symbol,
      symbols: market.symbols,
      features: { score: market.scores },
    },
    {
      kind: 'market',
      file: 'synthetic:market',
      timestamp: market.timestamps,
      features: { vix: market.vix, regime: Float64Array.from(market.regime) },
    },
  ];
}

function listOf(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}
