/**
 * The benchmark command:
 * `pnpm bench [--quick] [--only W1,W2] [--repeat N] [--warm N] [--export-data DIR] [--cpu-prof DIR] [--json]`.
 *
 * Runs the workloads of BENCHMARKS.md, each in its own `node` process on a bundled build of the packages (so
 * peak RSS is per workload and nothing of the TypeScript loader is measured), `--repeat` times (3 by default,
 * one fresh process each). Each process generates its data once, runs the workload once cold (the first
 * full-size run in the process: JIT compilation, heap growth, page faults) and `--warm` times warm (4 by
 * default, 2 with `--quick`) on the same data. It prints one JSON line per workload: `seconds` is the fastest
 * warm run of all processes (steady-state throughput), `coldSeconds` the fastest cold run, with the medians
 * over the processes and the highest peak RSS (sampled right after each process's cold run). W1 also runs the
 * hand-written baseline loop (alternating with the engine), prints its line, adds `baselineRatio` and
 * `coldBaselineRatio` (engine seconds ÷ baseline seconds, warm and cold, fastest of each) to the W1 line, and
 * checks that both end with the same equity to the cent. Exits 1 on a mismatch (between runs of one process,
 * between processes of one workload, or with the baseline) or a failed workload, 2 on a bad command line. No
 * timing assertions: `--quick` is a CI smoke test.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '@ml4t/core';
import { exportDatasets } from './data/export-datasets.js';
import { type BenchOptions, parseBenchOptions } from './harness/bench-options.js';
import { bestOfRuns } from './harness/best-of-runs.js';
import { bundleWorker } from './harness/bundle-worker.js';
import { type ForkOptions, forkWorkload } from './harness/fork-workload.js';
import {
  formatResultLine,
  type RepeatedMeasurement,
  type RunMeasurement,
  toResultLine,
} from './harness/result-line.js';
import { BASELINE_ID } from './workloads/baseline-id.js';
import { PARQUET_DIR_ENV, PARQUET_ID, PARQUET_SIZE_ENV, parquetSize, writeW0Parquet } from './workloads/w0-parquet.js';

/**
 * Where relative directories are resolved: the directory the user ran `pnpm bench` in (pnpm runs the script
 * in this package, and sets `INIT_CWD` to the original one).
 */
const userDir = process.env.INIT_CWD ?? process.cwd();

async function main(options: BenchOptions): Promise<number> {
  if (options.exportDir !== undefined) {
    const written = await exportDatasets(resolve(userDir, options.exportDir), options.quick, options.only);
    for (const file of written) process.stderr.write(`exported ${file}\n`);
  }
  const cpuProfileDir = options.cpuProfileDir === undefined ? undefined : resolve(userDir, options.cpuProfileDir);
  if (cpuProfileDir !== undefined) await mkdir(cpuProfileDir, { recursive: true });
  // With profiles, the bundle stays next to them: their line numbers refer to it.
  const bundle = await bundleWorker(cpuProfileDir);
  const fork: ForkOptions = { worker: bundle.file, quick: options.quick, warm: options.warm, cpuProfileDir };
  let status = 0;
  /** The best of the runs of `id` (printed by the caller); differing runs set the exit status. */
  const best = (id: string, runs: readonly RunMeasurement[]): RepeatedMeasurement => {
    const { measurement, problems } = bestOfRuns(runs);
    for (const p of problems) process.stderr.write(`${id} is not deterministic: ${p}\n`);
    if (problems.length > 0) status = 1;
    return measurement;
  };
  const measured = async (id: string): Promise<RepeatedMeasurement> =>
    best(id, await repeatedRuns(id, fork, options.repeat));
  try {
    for (const id of options.only) {
      if (id === 'W0') {
        print(await measured(id));
        print(best(PARQUET_ID, await parquetRuns(fork, options.quick, options.repeat)));
        continue;
      }
      if (id !== 'W1') {
        print(await measured(id));
        continue;
      }
      const baselineRuns: RunMeasurement[] = [];
      const engineRuns: RunMeasurement[] = [];
      for (let run = 1; run <= options.repeat; run++) {
        baselineRuns.push(await forkWorkload(BASELINE_ID, fork, run));
        engineRuns.push(await forkWorkload(id, fork, run));
      }
      const baseline = best(BASELINE_ID, baselineRuns);
      const engine = best(id, engineRuns);
      print(engine, baseline);
      print(baseline);
      const problems = compare(engine, baseline);
      for (const p of problems) process.stderr.write(`W1 does not match its baseline: ${p}\n`);
      if (problems.length > 0) status = 1;
    }
  } finally {
    await bundle.dispose();
  }
  return status;
}

/**
 * The runs of the Parquet line (issue: "a 250 × 5,040 Parquet file loads and replays with peak memory recorded"):
 * the dataset is written here, once, so the workers' peak RSS covers only loading and replaying it.
 */
async function parquetRuns(fork: ForkOptions, quick: boolean, repeat: number): Promise<RunMeasurement[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ml4t-bench-parquet-'));
  try {
    await writeW0Parquet(dir, quick);
    process.env[PARQUET_DIR_ENV] = dir;
    process.env[PARQUET_SIZE_ENV] = parquetSize(quick);
    return await repeatedRuns(PARQUET_ID, fork, repeat);
  } finally {
    delete process.env[PARQUET_DIR_ENV];
    delete process.env[PARQUET_SIZE_ENV];
    await rm(dir, { recursive: true, force: true });
  }
}

/** `repeat` runs of workload `id`, one after the other, each in a fresh process. */
async function repeatedRuns(id: string, fork: ForkOptions, repeat: number): Promise<RunMeasurement[]> {
  const runs: RunMeasurement[] = [];
  for (let run = 1; run <= repeat; run++) runs.push(await forkWorkload(id, fork, run));
  return runs;
}

function print(m: RunMeasurement | RepeatedMeasurement, baseline?: RunMeasurement): void {
  process.stdout.write(`${formatResultLine(toResultLine(m, baseline))}\n`);
}

/** The correctness check of the W1 line: same work, same money. */
function compare(engine: RunMeasurement, baseline: RunMeasurement): string[] {
  const out: string[] = [];
  if (engine.finalEquity !== baseline.finalEquity) {
    out.push(`final equity ${engine.finalEquity} (engine) vs ${baseline.finalEquity} (baseline)`);
  }
  if (engine.fills !== baseline.fills) out.push(`${engine.fills} fills (engine) vs ${baseline.fills} (baseline)`);
  if (engine.trades !== baseline.trades) out.push(`${engine.trades} trades (engine) vs ${baseline.trades} (baseline)`);
  if (engine.bars !== baseline.bars) out.push(`${engine.bars} bars (engine) vs ${baseline.bars} (baseline)`);
  return out;
}

let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(
    `${err.message}\nusage: pnpm bench [--quick] [--only W0,W1,…] [--repeat N] [--warm N] [--export-data DIR] [--cpu-prof DIR] [--json]\n`,
  );
  process.exit(2);
}
main(options).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
