import { ConfigError, type DataIssue } from '@ml4t/core';

/**
 * What to do with a bar that breaks a validation rule:
 * - `'error'`: throw a `DataValidationError` listing every issue; nothing is returned (the default).
 * - `'drop'`: drop every offending row and report it.
 * - `'repair'`: fix what has an obvious fix and report it — swap high and low, widen high/low to contain
 *   open and close, negative or non-finite volume → 0, crossed quotes → no quote, unsorted rows → sorted;
 *   rows that cannot be fixed (bad timestamp or number, non-finite or non-positive price, duplicate) are
 *   dropped and reported.
 *
 * Structural problems (a missing or duplicated column, a CSV syntax error, an unreadable file) always throw.
 */
export type ValidationPolicy = 'error' | 'drop' | 'repair';

/** What to do with suspicious gaps and jumps: report them as warnings, treat them as errors, or skip the check. */
export type SuspiciousPolicy = 'warn' | 'error' | 'ignore';

/** Options of {@link validateBars} and of every loader. */
export interface ValidationOptions {
  /** @defaultValue `'error'` */
  readonly policy?: ValidationPolicy;
  /**
   * Gaps and jumps: `'warn'` lists them in {@link ValidationReport.warnings}; `'error'` makes them errors
   * (thrown whatever the policy, as they have no repair); `'ignore'` skips the check.
   * @defaultValue `'warn'`
   */
  readonly suspicious?: SuspiciousPolicy;
  /**
   * A gap is two consecutive bars of one symbol more than this many milliseconds apart (rule `gap`).
   * @defaultValue 7 days (604,800,000 ms): longer than any NYSE weekend plus holiday
   */
  readonly maxGapMs?: number;
  /**
   * A jump is a bar whose open or close differs from the previous close of the same symbol by more than this
   * fraction (rule `jump`; 0.5 = ±50 %).
   * @defaultValue 0.5
   */
  readonly maxJump?: number;
  /**
   * At most this many issues are kept in a thrown error and in each report list (counts stay exact).
   * @defaultValue 1000
   */
  readonly maxIssues?: number;
}

/** What validation dropped, repaired and flagged. Each list is capped at `maxIssues`; the counts are exact. */
export interface ValidationReport {
  readonly policy: ValidationPolicy;
  /** Rows read. */
  readonly rowsIn: number;
  /** Rows kept. */
  readonly rowsOut: number;
  /** Rows removed, one issue per rule broken. */
  readonly dropped: readonly DataIssue[];
  readonly droppedCount: number;
  /** Values changed in place (the row is kept). */
  readonly repaired: readonly DataIssue[];
  readonly repairedCount: number;
  /** Suspicious gaps and jumps (rows kept unchanged). */
  readonly warnings: readonly DataIssue[];
  readonly warningCount: number;
}

/** Defaults of {@link ValidationOptions}, resolved. */
export interface ResolvedValidationOptions {
  readonly policy: ValidationPolicy;
  readonly suspicious: SuspiciousPolicy;
  readonly maxGapMs: number;
  readonly maxJump: number;
  readonly maxIssues: number;
}

const DAY_MS = 86_400_000;

/**
 * Applies the defaults of {@link ValidationOptions} and checks the values.
 *
 * @throws ConfigError naming the key path (`validation.maxGapMs`…) when a value is invalid.
 */
export function resolveValidationOptions(
  options: ValidationOptions = {},
  path = 'validation',
): ResolvedValidationOptions {
  const policy = options.policy ?? 'error';
  const suspicious = options.suspicious ?? 'warn';
  const maxGapMs = options.maxGapMs ?? 7 * DAY_MS;
  const maxJump = options.maxJump ?? 0.5;
  const maxIssues = options.maxIssues ?? 1000;
  oneOf(`${path}.policy`, policy, ['error', 'drop', 'repair']);
  oneOf(`${path}.suspicious`, suspicious, ['warn', 'error', 'ignore']);
  positive(`${path}.maxGapMs`, maxGapMs);
  positive(`${path}.maxJump`, maxJump);
  if (!Number.isInteger(maxIssues) || maxIssues < 1) {
    throw new ConfigError(`${path}.maxIssues`, 'positive-integer', `must be an integer ≥ 1, got ${maxIssues}`);
  }
  return { policy, suspicious, maxGapMs, maxJump, maxIssues };
}

function oneOf(path: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) {
    throw new ConfigError(path, 'one-of', `must be one of ${allowed.join(', ')}, got ${String(value)}`);
  }
}

function positive(path: string, value: number): void {
  if (typeof value !== 'number' || !(value > 0)) {
    throw new ConfigError(path, 'positive-number', `must be a number > 0, got ${String(value)}`);
  }
}
