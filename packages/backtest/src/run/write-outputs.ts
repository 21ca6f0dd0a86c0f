import { join } from 'node:path';
import { type BacktestResults, type ExportFormat, writeHtmlReport, writeResults } from '@ml4t/results';

/** What {@link writeOutputs} writes (the `output` section of a configuration). */
export interface WriteOutputsOptions {
  /** Export formats of trades, fills, equity and metrics. */
  readonly formats: readonly ExportFormat[];
  /** Also write `report.html`. */
  readonly report: boolean;
}

/** What {@link writeOutputs} wrote. */
export interface WrittenOutputs {
  readonly dir: string;
  /** File names written, relative to `dir`. */
  readonly files: readonly string[];
}

/**
 * Writes a run's results the way `ml4t-backtest run` does: trades, fills, equity and metrics in each of
 * `output.formats` plus `manifest.json` (with `@ml4t/results`' `writeResults`), and `report.html` when
 * `output.report` is set. Every file is written atomically.
 */
export async function writeOutputs(
  results: BacktestResults,
  dir: string,
  output: WriteOutputsOptions,
  title: string,
): Promise<WrittenOutputs> {
  const manifest = await writeResults(results, dir, { formats: output.formats });
  const files: string[] = [];
  for (const format of manifest.formats) {
    for (const table of ['trades', 'fills', 'equity', 'metrics']) files.push(`${table}.${format}`);
  }
  files.push('manifest.json');
  if (output.report) {
    await writeHtmlReport(results, join(dir, 'report.html'), { title });
    files.push('report.html');
  }
  return { dir, files };
}
