import { parseCommandLine } from './args.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { type CliIo, processIo } from './io.js';
import { EXIT_OK, EXIT_USAGE, reportError } from './report-error.js';
import { UsageError } from './usage-error.js';
import { VERSION } from './version.js';

/**
 * The `ml4t-backtest` command-line tool, callable in-process: parses `argv` (without `node` and the script),
 * runs the command against `io`, and resolves with the exit code (0 ok, 1 run or data failure, 2 bad usage or
 * configuration). It never calls `process.exit` and never throws; errors are printed to `io.stderr`.
 *
 * @example
 * ```ts
 * const code = await main(['run', 'examples/configs/sma-crossover.yaml', '--out', 'out']);
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const args = parseCommandLine(argv);
    debug = args.debug;
    if (args.version) {
      io.stdout.write(`${VERSION}\n`);
      return EXIT_OK;
    }
    const command = args.command === 'help' ? args.positionals[0] : args.command;
    if (args.help || args.command === 'help') {
      io.stdout.write((command !== undefined ? COMMAND_HELP[command] : undefined) ?? MAIN_HELP);
      return EXIT_OK;
    }
    switch (command) {
      case undefined:
        io.stderr.write(MAIN_HELP);
        return EXIT_USAGE;
      case 'run':
        return await runCommand(args, io);
      case 'validate':
        return await validateCommand(args, io);
      case 'report':
        return await reportCommand(args, io);
      case 'schema':
        return schemaCommand(args, io);
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    return reportError(error, io, debug);
  }
}
