import { configJsonSchema } from '../../config/json-schema.js';
import type { ParsedArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { EXIT_OK } from '../report-error.js';
import { UsageError } from '../usage-error.js';

/** `ml4t-backtest schema`: prints the JSON Schema of configuration files. */
export function schemaCommand(args: ParsedArgs, io: CliIo): number {
  if (args.positionals.length > 0) throw new UsageError(`schema takes no arguments, got '${args.positionals[0]}'`);
  io.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  return EXIT_OK;
}
