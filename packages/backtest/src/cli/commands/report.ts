import { join, resolve } from 'node:path';
import { writeHtmlReport } from '@ml4t/results';
import { resultsFromExport } from '../../run/results-from-export.js';
import type { ParsedArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { EXIT_OK } from '../report-error.js';
import { UsageError } from '../usage-error.js';

/** `ml4t-backtest report <results-dir>`: re-renders `report.html` from a run's exported files. */
export async function reportCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const [dir, ...extra] = args.positionals;
  if (dir === undefined) throw new UsageError('report needs a results directory: ml4t-backtest report <results-dir>');
  if (extra.length > 0) throw new UsageError(`report takes one results directory, got also '${extra.join("' '")}'`);
  const resultsDir = resolve(io.cwd, dir);
  const results = await resultsFromExport(resultsDir);
  const target = args.out === undefined ? join(resultsDir, 'report.html') : resolve(io.cwd, args.out);
  const name = results.info.config.name;
  await writeHtmlReport(results, target, { title: typeof name === 'string' ? name : 'Backtest report' });
  if (!args.quiet) io.stdout.write(`wrote ${target}\n`);
  return EXIT_OK;
}
