import { ConfigError, DataValidationError, formatIssue, Ml4tError } from '@ml4t/core';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** Exit code of a successful command. */
export const EXIT_OK = 0;
/** Exit code when a run fails or data is invalid. */
export const EXIT_FAILURE = 1;
/** Exit code for a bad command line or configuration. */
export const EXIT_USAGE = 2;

/**
 * Prints an error the way a shell user expects and returns the exit code: typed errors as `error: <message>`
 * without a stack (unless `debug`), data validation errors as one `file:row column rule` line per issue,
 * unexpected errors with their stack.
 */
export function reportError(error: unknown, io: CliIo, debug: boolean): number {
  const write = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };
  const stack = (): void => {
    if (error instanceof Error && error.stack) write(error.stack);
  };
  if (error instanceof UsageError) {
    write(`error: ${error.message}`);
    write("Run 'ml4t-backtest --help' for usage.");
    if (debug) stack();
    return EXIT_USAGE;
  }
  if (error instanceof DataValidationError) {
    for (const issue of error.issues) write(`error: ${formatIssue(issue)}`);
    write(`${error.issues.length} data issue${error.issues.length === 1 ? '' : 's'} found.`);
    if (debug) stack();
    return EXIT_FAILURE;
  }
  if (error instanceof Ml4tError) {
    write(`error: ${error.message}`);
    if (debug) stack();
    return error instanceof ConfigError ? EXIT_USAGE : EXIT_FAILURE;
  }
  write(`error: ${error instanceof Error ? error.message : String(error)}`);
  // An untyped error is a bug somewhere: the stack is what a bug report needs.
  stack();
  return EXIT_FAILURE;
}
