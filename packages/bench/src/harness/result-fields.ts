import type { RunMeasurement } from './result-line.js';

/** The fields that say what a run computed rather than how fast: every run of a workload reproduces them. */
export const RESULT_FIELDS = ['symbols', 'bars', 'fills', 'trades', 'finalEquity'] as const;

/** The computed fields of a run (see {@link RESULT_FIELDS}). */
export type RunResult = Pick<RunMeasurement, (typeof RESULT_FIELDS)[number]>;

/**
 * One message per result field in which `run` differs from `reference`, e.g.
 * `"run 2 has fills 10, run 1 11"`.
 *
 * @param runName - how the message names `run`
 * @param referenceName - how the message names `reference`
 */
export function resultDifferences(
  runName: string,
  run: RunResult,
  referenceName: string,
  reference: RunResult,
): string[] {
  return RESULT_FIELDS.filter((key) => run[key] !== reference[key]).map(
    (key) => `${runName} has ${key} ${run[key]}, ${referenceName} ${reference[key]}`,
  );
}
