import type { RepeatedMeasurement, RunMeasurement } from './result-line.js';

/** The summary of repeated runs of one workload, and how they disagree (they must not: the work is the same). */
export interface BestOfRuns {
  readonly measurement: RepeatedMeasurement;
  /** One message per field in which a run differs from the first (bars, fills, trades, final equity). */
  readonly problems: readonly string[];
}

/**
 * Summarises runs of one workload: the fastest run's seconds (timing noise on a shared machine only ever adds
 * time) and page faults, the median seconds, the highest peak RSS; the result fields of the first run, which
 * every other run must reproduce exactly.
 *
 * @throws RangeError for no runs
 */
export function bestOfRuns(runs: readonly RunMeasurement[]): BestOfRuns {
  const first = runs[0];
  if (first === undefined) throw new RangeError('bestOfRuns: no runs');
  const problems: string[] = [];
  runs.forEach((run, i) => {
    for (const key of ['symbols', 'bars', 'fills', 'trades', 'finalEquity'] as const) {
      if (run[key] !== first[key]) problems.push(`run ${i + 1} has ${key} ${run[key]}, run 1 ${first[key]}`);
    }
  });
  const fastest = runs.reduce((best, r) => (r.seconds < best.seconds ? r : best));
  const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b);
  const mid = seconds.length >> 1;
  const median =
    seconds.length % 2 === 1 ? (seconds[mid] as number) : ((seconds[mid - 1] as number) + (seconds[mid] as number)) / 2;
  return {
    measurement: {
      ...first,
      seconds: fastest.seconds,
      pageFaults: fastest.pageFaults,
      peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
      runs: runs.length,
      medianSeconds: median,
    },
    problems,
  };
}
