import { Ml4tError } from './ml4t-error.js';

/** A configuration value is missing, unknown or invalid. `path` is the dotted key path (`execution.slippage.rate`). */
export class ConfigError extends Ml4tError {
  readonly path: string;
  readonly rule: string;

  constructor(path: string, rule: string, message: string, options?: { cause?: unknown }) {
    super('CONFIG', `${path || '<root>'}: ${message}`, options);
    this.path = path;
    this.rule = rule;
  }
}
