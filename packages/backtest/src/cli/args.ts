import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/** A parsed command line: the command, its positional arguments and its flags. */
export interface ParsedArgs {
  readonly command: string | undefined;
  readonly positionals: readonly string[];
  readonly help: boolean;
  readonly version: boolean;
  readonly debug: boolean;
  readonly quiet: boolean;
  readonly progress: boolean;
  readonly out: string | undefined;
  readonly profile: string | undefined;
}

/**
 * Parses `argv` (without the `node` and script entries) with `node:util`'s `parseArgs`, strictly: an unknown
 * option or a missing option value is a {@link UsageError}.
 */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error),
    );
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  return {
    command,
    positionals: rest,
    help: values.help === true,
    version: values.version === true,
    debug: values.debug === true,
    quiet: values.quiet === true,
    progress: values['no-progress'] !== true,
    out: values.out,
    profile: values.profile,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      debug: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'no-progress': { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      profile: { type: 'string', short: 'p' },
    },
  });
}
