import { Ml4tError } from '@ml4t/core';

/**
 * The command line itself is wrong: unknown command or option, missing argument. The CLI prints the message
 * and a hint to `--help`, and exits with code 2.
 */
export class UsageError extends Ml4tError {
  constructor(message: string) {
    super('USAGE', message);
  }
}
