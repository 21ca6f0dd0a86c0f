/**
 * Base class of every error this project throws on purpose. `code` is stable and safe to switch on;
 * subclasses add structured fields (file, row, key path…) so nobody has to parse the message.
 */
export class Ml4tError extends Error {
  /** Stable machine-readable code, e.g. `DATA_VALIDATION`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
