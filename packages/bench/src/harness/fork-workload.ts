import { fork } from 'node:child_process';
import type { RunMeasurement } from './result-line.js';

/** The message a worker process sends back to the benchmark command. */
export type WorkerMessage =
  | { readonly ok: true; readonly measurement: RunMeasurement }
  | { readonly ok: false; readonly error: string };

/** How to start a worker process. */
export interface ForkOptions {
  /** The bundled worker script (see `bundleWorker`). */
  readonly worker: string;
  /** Run the small dataset. */
  readonly quick: boolean;
  /** Warm runs after the cold run (the worker's `--warm N`). */
  readonly warm: number;
  /** Directory for a V8 CPU profile of the worker (`--cpu-prof`); `undefined` for none. */
  readonly cpuProfileDir: string | undefined;
}

/**
 * Runs one workload in a fresh `node` process (its cold run, then its warm runs) and resolves with its
 * measurement. A fresh process per workload is what makes `peakRssMB` per workload: `maxRSS` is a
 * process-lifetime peak.
 *
 * @param id - workload id (`W0` … `W4`) or `W1-baseline`
 * @param run - which run of the workload this is (from 1): names the CPU profile of the second and later ones
 */
export function forkWorkload(id: string, options: ForkOptions, run = 1): Promise<RunMeasurement> {
  return new Promise((resolve, reject) => {
    const profile = run === 1 ? `${id}.cpuprofile` : `${id}.run${run}.cpuprofile`;
    const execArgv =
      options.cpuProfileDir === undefined
        ? []
        : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, `--cpu-prof-name=${profile}`];
    const args = [id, ...(options.quick ? ['--quick'] : []), '--warm', String(options.warm)];
    const child = fork(options.worker, args, {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let message: WorkerMessage | undefined;
    child.on('message', (m) => {
      message = m as WorkerMessage;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (message?.ok) resolve(message.measurement);
      else if (message) reject(new Error(`${id}: ${message.error}`));
      else reject(new Error(`${id}: worker exited with ${signal ?? `code ${code}`} before reporting`));
    });
  });
}
