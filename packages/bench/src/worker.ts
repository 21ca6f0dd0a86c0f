/**
 * One benchmark workload in its own process: `worker.ts <W0…W4|W1-baseline> [--quick]`.
 *
 * The benchmark command bundles this file and forks it once per workload (results go back over IPC). Run
 * directly it prints the JSON line: `node --import tsx --conditions=@ml4t/source src/worker.ts W2 --quick`.
 * To profile, prefer `pnpm bench --only W2 --cpu-prof DIR`, which profiles the bundled build.
 */
import type { WorkerMessage } from './harness/fork-workload.js';
import { formatResultLine, type RunMeasurement, toResultLine } from './harness/result-line.js';
import { peakRssMB } from './harness/stopwatch.js';
import { WORKLOADS } from './workloads/registry.js';

const [id = '', ...flags] = process.argv.slice(2);
const quick = flags.includes('--quick');

function reply(message: WorkerMessage): void {
  if (process.send) {
    process.send(message, () => process.disconnect());
  } else if (message.ok) {
    process.stdout.write(`${formatResultLine(toResultLine(message.measurement))}\n`);
  } else {
    process.stderr.write(`${message.error}\n`);
    process.exitCode = 1;
  }
}

const workload = WORKLOADS.find((w) => w.id === id);
if (workload === undefined) {
  reply({ ok: false, error: `unknown workload ${id}; expected one of ${WORKLOADS.map((w) => w.id).join(', ')}` });
} else {
  try {
    // JIT warm-up: a full run first runs the quick version once, untimed, so the line measures steady-state
    // throughput rather than compilation (a fixed cost of a few tens of milliseconds, not a per-bar one).
    if (!quick) await workload.run(true);
    const outcome = await workload.run(quick);
    const measurement: RunMeasurement = { ...outcome, peakRssMB: peakRssMB() };
    reply({ ok: true, measurement });
  } catch (err) {
    reply({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
