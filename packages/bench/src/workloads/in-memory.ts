import type { PreparedWorkload, WorkloadOutcome } from '../harness/workload-outcome.js';

/** A prepared workload whose data lives in memory only, so disposing of it has nothing to release. */
export function inMemory(run: () => Promise<WorkloadOutcome>): PreparedWorkload {
  return { run, dispose: () => Promise.resolve() };
}
