import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ColumnarFeed } from './columnar/columnar-feed.js';
import { readCsvBars } from './csv/csv-bars.js';
import { readFeatureCsv, readFeatureParquet } from './features/feature-files.js';
import type { FeatureTable } from './features/feature-table.js';
import { type FeatureProviderOptions, PrecomputedFeatureProvider } from './features/precomputed-feature-provider.js';
import { readParquetBars } from './parquet/parquet-bars.js';
import type { ValidationOptions, ValidationReport } from './validation/validation-options.js';

/** Options of {@link loadMarketDirectory}. */
export interface MarketDirectoryOptions {
  /** @defaultValue `'parquet'` */
  readonly format?: 'parquet' | 'csv';
  readonly validation?: ValidationOptions;
  readonly features?: FeatureProviderOptions;
}

/** What {@link loadMarketDirectory} loaded. */
export interface LoadedMarket {
  readonly feed: ColumnarFeed;
  /** Scores and VIX, when `scores.*` or `vix.*` exist; otherwise `undefined`. */
  readonly features: PrecomputedFeatureProvider | undefined;
  readonly report: ValidationReport;
}

/**
 * Loads a directory in the BENCHMARKS.md export layout — `prices`, and optionally `scores` and `vix`, as
 * `.parquet` or `.csv` — into a feed and a feature provider. Benchmarks call it to measure load time and
 * peak memory of a dataset written by {@link writeMarketParquet} or {@link writeMarketCsv}.
 *
 * @throws DataValidationError for any invalid file (see {@link readParquetBars}, {@link readCsvBars}).
 */
export async function loadMarketDirectory(dir: string, options: MarketDirectoryOptions = {}): Promise<LoadedMarket> {
  const ext = options.format ?? 'parquet';
  const file = (name: string): string => join(dir, `${name}.${ext}`);
  const validation = options.validation ? { validation: options.validation } : {};
  const { bars, report } =
    ext === 'parquet' ? await readParquetBars(file('prices'), validation) : readCsvBars(file('prices'), validation);
  const tables: FeatureTable[] = [];
  for (const name of ['scores', 'vix']) {
    if (!existsSync(file(name))) continue;
    tables.push(ext === 'parquet' ? await readFeatureParquet(file(name)) : readFeatureCsv(file(name)));
  }
  return {
    feed: new ColumnarFeed(bars, { name: file('prices') }),
    features: tables.length > 0 ? new PrecomputedFeatureProvider(tables, options.features) : undefined,
    report,
  };
}
