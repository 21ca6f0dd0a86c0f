import { parseArgs } from 'node:util';
import { ConfigError } from '@ml4t/core';
import { warmRunCount } from './warm-runs.js';
import { isWorkloadId, WORKLOAD_IDS, type WorkloadId } from './workload-id.js';

/** What the benchmark command was asked to do. */
export interface BenchOptions {
  /**
   * Run the small datasets (a CI smoke test: seconds, no timing meaning).
   * @defaultValue false
   */
  readonly quick: boolean;
  /**
   * Workloads to run, in run order. The W1 baseline loop runs whenever W1 does.
   * @defaultValue every workload, W0 to W4
   */
  readonly only: readonly WorkloadId[];
  /** Directory to export the datasets to (Parquet and CSV); `undefined` for no export. */
  readonly exportDir: string | undefined;
  /** Directory for one V8 CPU profile per workload (`<id>.cpuprofile`); `undefined` for none. */
  readonly cpuProfileDir: string | undefined;
  /**
   * Processes per workload, each fresh with its own cold and warm runs; a line reports the fastest warm and
   * cold runs (the ones least disturbed by other work on the machine), the medians of the processes and the
   * highest peak RSS.
   * @defaultValue 3; 1 with `--quick` or `--cpu-prof`
   */
  readonly repeat: number;
  /**
   * Warm runs per process: timed runs after the process's cold (first full-size) run, on the same data; a line
   * reports the fastest as `seconds` (steady-state throughput) and the cold run beside it.
   * @defaultValue 4; 2 with `--quick`
   */
  readonly warm: number;
  /**
   * Print one JSON line per workload (the only output format; accepted for explicitness).
   * @defaultValue true
   */
  readonly json: boolean;
}

/**
 * Parses the benchmark command line: `--quick`, `--only W1,W2`, `--export-data DIR`, `--cpu-prof DIR`,
 * `--repeat N`, `--warm N`, `--json`.
 *
 * @throws ConfigError naming the option for an unknown workload id, a bad count or an unknown flag.
 */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new ConfigError('argv', 'known-flag', err instanceof Error ? err.message : String(err), { cause: err });
  }
  const { values } = parsed;
  const only: WorkloadId[] = [];
  if (values.only !== undefined) {
    for (const raw of values.only.split(',')) {
      const id = raw.trim().toUpperCase();
      if (id === '') continue;
      if (!isWorkloadId(id)) {
        throw new ConfigError(
          'only',
          'workload-id',
          `unknown workload ${raw}; expected some of ${WORKLOAD_IDS.join(',')}`,
        );
      }
      if (!only.includes(id)) only.push(id);
    }
    if (only.length === 0) throw new ConfigError('only', 'non-empty', 'name at least one workload, e.g. --only W1,W2');
  }
  const exportDir = directory(values['export-data'], 'export-data');
  const cpuProfileDir = directory(values['cpu-prof'], 'cpu-prof');
  const quick = values.quick ?? false;
  return {
    quick,
    only: only.length > 0 ? WORKLOAD_IDS.filter((id) => only.includes(id)) : [...WORKLOAD_IDS],
    exportDir,
    cpuProfileDir,
    repeat: repeatCount(values.repeat, quick || cpuProfileDir !== undefined ? 1 : DEFAULT_REPEAT),
    warm: warmRunCount(values.warm, quick),
    json: values.json ?? true,
  };
}

/** Timed runs per workload of a full benchmark. */
const DEFAULT_REPEAT = 3;
const MAX_REPEAT = 20;

function repeatCount(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_REPEAT) {
    throw new ConfigError('repeat', 'integer-range', `must be a whole number from 1 to ${MAX_REPEAT}, got ${value}`);
  }
  return n;
}

function directory(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && value.trim() === '') {
    throw new ConfigError(flag, 'non-empty', `needs a directory, e.g. --${flag} ./bench-out`);
  }
  return value;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv].filter((a) => a !== '--'),
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      'export-data': { type: 'string' },
      'cpu-prof': { type: 'string' },
      repeat: { type: 'string' },
      warm: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
}
