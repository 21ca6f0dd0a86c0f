/** What one measured run produced, before formatting (see {@link formatResultLine}). */
export interface RunMeasurement {
  /** Workload id (`W0` … `W4`) or `W1-baseline` for the hand-written loop. */
  readonly workload: string;
  readonly symbols: number;
  /** Bars processed (every symbol's bar at every timestamp). */
  readonly bars: number;
  /** Wall-clock seconds of the run itself (engine construction to summary), data generation excluded. */
  readonly seconds: number;
  /** Peak resident set size of the process that ran the workload, in MiB (data and results included). */
  readonly peakRssMB: number;
  /**
   * Minor page faults during the timed run: fresh memory touched (results stored, heap grown), at one fault per
   * 4 KiB page. Their cost depends on the machine (about 13 µs each on the project's VMs; see performance.md).
   */
  readonly pageFaults: number;
  readonly fills: number;
  /** Closed trade records. */
  readonly trades: number;
  /** Final equity (exact cash plus positions marked at the last close), rounded to cents. */
  readonly finalEquity: string;
}

/**
 * The best of several runs of one workload (see `bestOfRuns`): the fastest run's seconds and page faults, the
 * highest RSS.
 */
export interface RepeatedMeasurement extends RunMeasurement {
  /** Timed runs, each in a fresh process. */
  readonly runs: number;
  /** Median seconds over the runs. */
  readonly medianSeconds: number;
}

/**
 * One JSON line of the benchmark output: the BENCHMARKS.md fields, `pageFaults`, `runs` and `medianSeconds`
 * when a workload ran more than once, and `baselineRatio` on the W1 line.
 */
export interface ResultLine extends RunMeasurement {
  readonly runs?: number;
  readonly medianSeconds?: number;
  readonly barsPerSec: number;
  /** Engine seconds ÷ baseline-loop seconds of the same benchmark run (W1 only). */
  readonly baselineRatio?: number;
}

/** Adds the derived fields to a measurement. */
export function toResultLine(m: RunMeasurement | RepeatedMeasurement, baselineRatio?: number): ResultLine {
  const barsPerSec = m.seconds > 0 ? Math.round(m.bars / m.seconds) : 0;
  return baselineRatio === undefined ? { ...m, barsPerSec } : { ...m, barsPerSec, baselineRatio };
}

/**
 * Formats a result as one JSON line with the key order of BENCHMARKS.md (`workload`, `symbols`, `bars`,
 * `seconds`, `barsPerSec`, `peakRssMB`, `fills`, `trades`, `finalEquity`), then `pageFaults`, `runs` and
 * `medianSeconds` for more than one run and `baselineRatio` when set. Seconds keep 4 decimals, RSS and the ratio
 * 1 and 2.
 */
export function formatResultLine(line: ResultLine): string {
  const ordered: Record<string, string | number> = {
    workload: line.workload,
    symbols: line.symbols,
    bars: line.bars,
    seconds: round(line.seconds, 4),
    barsPerSec: line.barsPerSec,
    peakRssMB: round(line.peakRssMB, 1),
    fills: line.fills,
    trades: line.trades,
    finalEquity: line.finalEquity,
    pageFaults: line.pageFaults,
  };
  if (line.runs !== undefined && line.runs > 1) {
    ordered.runs = line.runs;
    if (line.medianSeconds !== undefined) ordered.medianSeconds = round(line.medianSeconds, 4);
  }
  if (line.baselineRatio !== undefined) ordered.baselineRatio = round(line.baselineRatio, 2);
  return JSON.stringify(ordered);
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
