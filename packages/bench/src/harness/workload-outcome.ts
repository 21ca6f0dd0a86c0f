import type { RunMeasurement } from './result-line.js';

/** What a workload reports from inside its process: everything but the peak RSS, which the worker adds. */
export type WorkloadOutcome = Omit<RunMeasurement, 'peakRssMB'>;

/** A runnable workload (or the baseline): builds its data, then runs and times the measured part. */
export interface Workload {
  /** The id printed in the `workload` field. */
  readonly id: string;
  /** Runs the full (`quick: false`) or the CI-sized (`quick: true`) version. */
  run(quick: boolean): Promise<WorkloadOutcome>;
}
