import { DataValidationError, formatIssue } from '@ml4t/core';
import { readBarsFile } from '../../run/read-bars.js';
import type { ParsedArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { EXIT_FAILURE, EXIT_OK } from '../report-error.js';
import { UsageError } from '../usage-error.js';

/**
 * `ml4t-backtest validate <data...>`: runs `@ml4t/feeds`' data validation on each price file and prints every
 * issue as `file:row column 'name' [rule]: message` (warnings such as gaps and jumps too). Exits with 1 when any
 * file has an error.
 */
export async function validateCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length === 0) {
    throw new UsageError('validate needs at least one data file: ml4t-backtest validate <prices.csv|parquet>...');
  }
  let failed = 0;
  for (const path of args.positionals) {
    try {
      const { bars, report } = await readBarsFile(path, io.cwd);
      for (const issue of report.warnings) io.stderr.write(`warning: ${formatIssue(issue)}\n`);
      const more = report.warningCount - report.warnings.length;
      if (more > 0) io.stderr.write(`warning: … and ${more} more warnings\n`);
      io.stdout.write(
        `ok: ${path}: ${report.rowsOut} bars, ${bars.symbols.length} symbol${bars.symbols.length === 1 ? '' : 's'}${
          report.warningCount > 0 ? `, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}` : ''
        }\n`,
      );
    } catch (error) {
      if (!(error instanceof DataValidationError)) throw error;
      failed += 1;
      for (const issue of error.issues) io.stderr.write(`error: ${formatIssue(issue)}\n`);
      io.stdout.write(`invalid: ${path}: ${error.issues.length} issue${error.issues.length === 1 ? '' : 's'}\n`);
    }
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
