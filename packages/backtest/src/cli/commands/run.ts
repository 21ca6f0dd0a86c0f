import { basename, resolve } from 'node:path';
import { type BacktestResults, ResultsCollector } from '@ml4t/results';
import { loadConfig } from '../../config/load-config.js';
import { optionsFromConfig, outputDirOf } from '../../run/options-from-config.js';
import { runBacktest } from '../../run/run-backtest.js';
import { writeOutputs } from '../../run/write-outputs.js';
import type { ParsedArgs } from '../args.js';
import { formatSummary } from '../format-summary.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress-reporter.js';
import { EXIT_OK } from '../report-error.js';
import { UsageError } from '../usage-error.js';

/**
 * `ml4t-backtest run <config>`: loads and validates the configuration, runs the backtest with a progress display,
 * writes the results and the HTML report to the output directory and prints a summary. When the run stops early
 * (a strategy or rule threw), the results up to the failure are written before the error is reported.
 */
export async function runCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('run needs a configuration file: ml4t-backtest run <config.yaml|json>');
  if (extra.length > 0) throw new UsageError(`run takes one configuration file, got also '${extra.join("' '")}'`);
  const loaded = await loadConfig(resolve(io.cwd, file), {
    ...(args.profile === undefined ? {} : { profile: args.profile }),
    ...(args.out === undefined ? {} : { outputDir: resolve(io.cwd, args.out) }),
  });
  const options = await optionsFromConfig(loaded);
  const progress = progressReporter(io, { quiet: args.quiet || !args.progress });
  const collector = new ResultsCollector(options.metrics === undefined ? {} : { metrics: options.metrics });
  const title = loaded.config.name ?? basename(loaded.file);
  let results: BacktestResults;
  try {
    results = await runBacktest({ ...options, collector, onProgress: (p) => progress.update(p) });
  } catch (error) {
    progress.stop();
    // The run stopped early: everything up to the failure is complete, so export it before reporting the error.
    if (collector.isComplete) {
      const partial = await writeOutputs(collector.results(), outputDirOf(loaded), loaded.config.output, title);
      io.stderr.write(`wrote the results up to the failure to ${partial.dir}\n`);
    }
    throw error;
  }
  progress.stop();
  const written = await writeOutputs(results, outputDirOf(loaded), loaded.config.output, title);
  if (!args.quiet) {
    io.stdout.write(`${title}\n${formatSummary(results)}\n`);
    io.stdout.write(`wrote ${written.files.join(', ')} to ${written.dir}\n`);
  }
  return EXIT_OK;
}
