import { resultDifferences } from './result-fields.js';
import type { RepeatedMeasurement, RunMeasurement } from './result-line.js';

/** The summary of repeated runs of one workload, and how they disagree (they must not: the work is the same). */
export interface BestOfRuns {
  readonly measurement: RepeatedMeasurement;
  /** One message per field in which a run differs from the first (symbols, bars, fills, trades, final equity). */
  readonly problems: readonly string[];
}

/**
 * Summarises the processes of one workload: the fastest warm run's seconds (timing noise on a shared machine
 * only ever adds time) and page faults, the fastest cold run's seconds and page faults, the median of each
 * process's warm and cold seconds, the highest peak RSS; the result fields of the first process, which every
 * other one must reproduce exactly.
 *
 * @throws RangeError for no runs
 */
export function bestOfRuns(runs: readonly RunMeasurement[]): BestOfRuns {
  const first = runs[0];
  if (first === undefined) throw new RangeError('bestOfRuns: no runs');
  const problems = runs.flatMap((run, i) => resultDifferences(`run ${i + 1}`, run, 'run 1', first));
  const fastest = runs.reduce((best, r) => (r.seconds < best.seconds ? r : best));
  const fastestCold = runs.reduce((best, r) => (r.coldSeconds < best.coldSeconds ? r : best));
  return {
    measurement: {
      ...first,
      seconds: fastest.seconds,
      pageFaults: fastest.pageFaults,
      coldSeconds: fastestCold.coldSeconds,
      coldPageFaults: fastestCold.coldPageFaults,
      peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
      runs: runs.length,
      medianSeconds: median(runs.map((r) => r.seconds)),
      coldMedianSeconds: median(runs.map((r) => r.coldSeconds)),
    },
    problems,
  };
}

/** The median of a non-empty list (the mean of the middle two for an even length). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
