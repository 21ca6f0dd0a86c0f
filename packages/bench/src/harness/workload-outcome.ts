import type { RunMeasurement } from './result-line.js';

/**
 * What one timed run of a workload reports from inside its process: its own `seconds` and `pageFaults` and
 * what it computed. The worker combines the cold and warm runs and adds the peak RSS.
 */
export type WorkloadOutcome = Omit<RunMeasurement, 'peakRssMB' | 'coldSeconds' | 'coldPageFaults' | 'warmRuns'>;

/** A workload whose data is ready: it can be run and timed any number of times. */
export interface PreparedWorkload {
  /**
   * Runs and times the measured part once on a fresh engine configuration (new feed over the same data, new
   * strategy, broker, results collector and feature provider), so every call does the same work.
   */
  run(): Promise<WorkloadOutcome>;
  /** Releases what `prepare` acquired (e.g. temporary files); the workload cannot be run afterwards. */
  dispose(): Promise<void>;
}

/** A runnable workload (or the baseline): builds its data once, then runs and times the measured part. */
export interface Workload {
  /** The id printed in the `workload` field. */
  readonly id: string;
  /** Generates the data of the full (`quick: false`) or the CI-sized (`quick: true`) version, untimed. */
  prepare(quick: boolean): Promise<PreparedWorkload>;
}
