import { Ml4tError } from './ml4t-error.js';

/**
 * An order request is malformed (NaN quantity, missing limit price…). Thrown by {@link validateOrder};
 * the engine turns it into a `REJECTED` update with code `invalid_order` rather than crashing the run.
 */
export class InvalidOrderError extends Ml4tError {
  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string, message: string) {
    super('INVALID_ORDER', `${field}: ${message}`);
    this.field = field;
    this.rule = rule;
  }
}
