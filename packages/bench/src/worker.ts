/**
 * One benchmark workload in its own process: `worker.ts <W0…W4|W0-parquet|W1-baseline> [--quick] [--warm N]`.
 *
 * A full run first runs the quick version once, untimed (JIT warm-up on small data), then generates the full
 * dataset once and runs the workload on it: first the cold run (the first full-size run in the process, timed,
 * with compilation, heap growth and first-touch page faults), then `--warm N` warm runs (4 by default; 2 with
 * `--quick`, whose first quick run is the cold one). It reports the fastest warm run as `seconds` (steady-state
 * throughput), the cold run as `coldSeconds`, and the peak RSS right after the cold run; every warm run must
 * compute exactly what the cold run did.
 *
 * The benchmark command bundles this file and forks it once per workload (results go back over IPC). Run
 * directly it prints the JSON line: `node --import tsx --conditions=@ml4t/source src/worker.ts W2 --quick`.
 * To profile, prefer `pnpm bench --only W2 --cpu-prof DIR`, which profiles the bundled build.
 */
import { parseArgs } from 'node:util';
import { coldAndWarmRuns } from './harness/cold-and-warm-runs.js';
import type { WorkerMessage } from './harness/fork-workload.js';
import { formatResultLine, toResultLine } from './harness/result-line.js';
import { warmRunCount } from './harness/warm-runs.js';
import type { PreparedWorkload, Workload } from './harness/workload-outcome.js';
import { WORKLOADS } from './workloads/registry.js';

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

/** Prepares `workload` at the given size, hands it to `use`, and disposes of it whatever happens. */
async function withPrepared<T>(
  workload: Workload,
  quick: boolean,
  use: (prepared: PreparedWorkload) => Promise<T>,
): Promise<T> {
  const prepared = await workload.prepare(quick);
  try {
    return await use(prepared);
  } finally {
    await prepared.dispose();
  }
}

async function measure(argv: readonly string[]): Promise<WorkerMessage> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { quick: { type: 'boolean' }, warm: { type: 'string' } },
  });
  const id = positionals[0] ?? '';
  const workload = WORKLOADS.find((w) => w.id === id);
  if (workload === undefined) {
    return { ok: false, error: `unknown workload ${id}; expected one of ${WORKLOADS.map((w) => w.id).join(', ')}` };
  }
  const quick = values.quick ?? false;
  const warm = warmRunCount(values.warm, quick);
  // Untimed JIT warm-up on small data: the cold run starts with the workload's code compiled once already.
  if (!quick) await withPrepared(workload, true, (prepared) => prepared.run());
  const measurement = await withPrepared(workload, quick, (prepared) => coldAndWarmRuns(prepared, warm));
  return { ok: true, measurement };
}

measure(process.argv.slice(2)).then(reply, (err: unknown) =>
  reply({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
);
