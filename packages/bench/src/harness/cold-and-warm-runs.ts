import { resultDifferences } from './result-fields.js';
import type { RunMeasurement } from './result-line.js';
import { peakRssMB } from './stopwatch.js';
import type { PreparedWorkload } from './workload-outcome.js';

/**
 * Runs a prepared workload in this process: once cold (the first run of this size, timed), then `warmRuns`
 * times warm on the same data. Reports the fastest warm run's seconds and page faults (the cold run's when
 * `warmRuns` is 0), the cold run's beside them, and the peak RSS sampled right after the cold run, before
 * later runs' garbage can raise it.
 *
 * @throws Error naming the run and the field when a warm run computes anything else than the cold run
 */
export async function coldAndWarmRuns(prepared: PreparedWorkload, warmRuns: number): Promise<RunMeasurement> {
  const cold = await prepared.run();
  const peak = peakRssMB();
  let fastest = cold;
  for (let i = 1; i <= warmRuns; i++) {
    const warm = await prepared.run();
    const problems = resultDifferences(`warm run ${i}`, warm, 'the cold run', cold);
    if (problems.length > 0) throw new Error(`${cold.workload} is not deterministic: ${problems.join('; ')}`);
    if (i === 1 || warm.seconds < fastest.seconds) fastest = warm;
  }
  return {
    ...cold,
    seconds: fastest.seconds,
    pageFaults: fastest.pageFaults,
    peakRssMB: peak,
    coldSeconds: cold.seconds,
    coldPageFaults: cold.pageFaults,
    warmRuns,
  };
}
