/** File formats of {@link writeResults}. */
export type ExportFormat = 'csv' | 'json' | 'parquet';

/** Every export format, in the order `readResults` prefers them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'parquet', 'csv'];

/**
 * `manifest.json` of an export directory: what was written and the run's totals. Written last, so a directory
 * whose manifest lists a file holds a complete version of it. Contains no wall-clock time (exports of the same
 * run are identical).
 */
export interface ResultsManifest {
  readonly format: 'ml4t-results';
  readonly version: 1;
  /** The formats written; each has `trades`, `fills`, `equity` and `metrics` files. */
  readonly formats: readonly ExportFormat[];
  /** Exact money as decimal strings. */
  readonly initialCash: string;
  readonly finalCash: string;
  readonly dividends: string;
  readonly finalEquity: number | string;
  readonly slices: number;
  readonly bars: number;
  readonly fills: number;
  readonly closedTrades: number;
  readonly openTrades: number;
  /** ISO-8601 times of the first and last timestamp (`null` for an empty run). */
  readonly firstTimestamp: string | null;
  readonly lastTimestamp: string | null;
  /** Set when the run stopped early. */
  readonly error?: { readonly code: string; readonly message: string };
  readonly symbols: readonly string[];
  /** The run's configuration summary (`RunInfo.config`). */
  readonly config: Readonly<Record<string, unknown>>;
}
