import { Ml4tError } from './ml4t-error.js';

/** Where and why input data failed validation. */
export interface DataIssue {
  /** File path or feed name the data came from. */
  readonly file?: string;
  /** 1-based data row (header excluded), when known. */
  readonly row?: number;
  /** Column or field name. */
  readonly column?: string;
  /** Symbol of the offending row, when known. */
  readonly symbol?: string;
  /** The rule broken, e.g. `high-below-low`, `duplicate-bar`, `not-finite`, `unsorted`. */
  readonly rule: string;
  /** The offending value, as text. */
  readonly value?: string;
  /** A sentence for people. */
  readonly message: string;
}

/** Thrown when input data breaks a validation rule. The first issue is in the message; all are in `issues`. */
export class DataValidationError extends Ml4tError {
  readonly file: string | undefined;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly rule: string;
  readonly issues: readonly DataIssue[];

  constructor(issues: DataIssue | readonly DataIssue[]) {
    const list = Array.isArray(issues) ? (issues as readonly DataIssue[]) : [issues as DataIssue];
    const first = list[0];
    if (first === undefined) throw new RangeError('DataValidationError needs at least one issue');
    super('DATA_VALIDATION', formatIssue(first) + (list.length > 1 ? ` (and ${list.length - 1} more issues)` : ''));
    this.file = first.file;
    this.row = first.row;
    this.column = first.column;
    this.rule = first.rule;
    this.issues = list;
  }
}

/** `file:row [column] rule: message` — the one-line form used in messages and logs. */
export function formatIssue(issue: DataIssue): string {
  const where = [issue.file ?? '<data>', issue.row !== undefined ? `row ${issue.row}` : undefined]
    .filter((x) => x !== undefined)
    .join(':');
  const col = issue.column !== undefined ? ` column '${issue.column}'` : '';
  return `${where}${col} [${issue.rule}]: ${issue.message}`;
}
