/** What one measured workload process produced, before formatting (see {@link formatResultLine}). */
export interface RunMeasurement {
  /** Workload id (`W0` … `W4`) or `W1-baseline` for the hand-written loop. */
  readonly workload: string;
  readonly symbols: number;
  /** Bars processed (every symbol's bar at every timestamp). */
  readonly bars: number;
  /**
   * Wall-clock seconds of the fastest warm run (engine construction to summary, data generation excluded): the
   * steady-state cost of the workload once the process has compiled and sized itself for it. The cold run's
   * seconds when there are no warm runs.
   */
  readonly seconds: number;
  /**
   * Peak resident set size of the process right after its cold run, in MiB: one backtest in a fresh process,
   * data and results included. Sampled before the warm runs on purpose: repeated runs in one process peak
   * higher only because the old generation keeps earlier runs' garbage until a major GC, which is not the
   * workload's memory.
   */
  readonly peakRssMB: number;
  /**
   * Minor page faults during the run of `seconds`: fresh memory touched (results stored, heap grown), at one
   * fault per 4 KiB page. Their cost depends on the machine (about 13 µs each on the project's VMs; see
   * performance.md).
   */
  readonly pageFaults: number;
  readonly fills: number;
  /** Closed trade records. */
  readonly trades: number;
  /** Final equity (exact cash plus positions marked at the last close), rounded to cents. */
  readonly finalEquity: string;
  /**
   * Wall-clock seconds of the cold run: the first full-size run in the process (after only the small warm-up),
   * so it includes most JIT compilation, hidden-class churn, young-generation growth and first-touch page
   * faults — what a user's first backtest in a fresh process costs.
   */
  readonly coldSeconds: number;
  /** Minor page faults during the cold run. */
  readonly coldPageFaults: number;
  /** Timed runs after the cold one in the same process, on the same data (0: `seconds` is the cold run's). */
  readonly warmRuns: number;
}

/**
 * The best of several processes of one workload (see `bestOfRuns`): the fastest warm and cold runs with their
 * page faults, the medians of both, the highest RSS.
 */
export interface RepeatedMeasurement extends RunMeasurement {
  /** Processes run, each fresh. */
  readonly runs: number;
  /** Median over the processes of each one's `seconds` (its fastest warm run). */
  readonly medianSeconds: number;
  /** Median over the processes of each one's `coldSeconds`. */
  readonly coldMedianSeconds: number;
}

/**
 * One JSON line of the benchmark output: the BENCHMARKS.md fields, `pageFaults`, the cold run's fields,
 * `runs` and the medians when a workload ran more than once, and the baseline ratios on the W1 line.
 */
export interface ResultLine extends RunMeasurement {
  readonly runs?: number;
  readonly medianSeconds?: number;
  readonly coldMedianSeconds?: number;
  readonly barsPerSec: number;
  /** Bars per second of the cold run. */
  readonly coldBarsPerSec: number;
  /** Engine `seconds` ÷ baseline-loop `seconds` of the same benchmark run (W1 only). */
  readonly baselineRatio?: number;
  /** Engine `coldSeconds` ÷ baseline-loop `coldSeconds` of the same benchmark run (W1 only). */
  readonly coldBaselineRatio?: number;
}

/**
 * Adds the derived fields to a measurement: bars per second of the warm and cold runs and, given the baseline
 * loop's measurement of the same benchmark run, the ratios of the engine's seconds to the baseline's.
 */
export function toResultLine(m: RunMeasurement | RepeatedMeasurement, baseline?: RunMeasurement): ResultLine {
  const rates = { barsPerSec: barsPerSec(m.bars, m.seconds), coldBarsPerSec: barsPerSec(m.bars, m.coldSeconds) };
  if (baseline === undefined) return { ...m, ...rates };
  return {
    ...m,
    ...rates,
    baselineRatio: m.seconds / baseline.seconds,
    coldBaselineRatio: m.coldSeconds / baseline.coldSeconds,
  };
}

/**
 * Formats a result as one JSON line with the key order of BENCHMARKS.md (`workload`, `symbols`, `bars`,
 * `seconds`, `barsPerSec`, `peakRssMB`, `fills`, `trades`, `finalEquity`), then `pageFaults`, `coldSeconds`,
 * `coldBarsPerSec`, `coldPageFaults`, `warmRuns`, then `runs`, `medianSeconds` and `coldMedianSeconds` for more
 * than one run and `baselineRatio` and `coldBaselineRatio` when set. Seconds keep 4 decimals, RSS and the
 * ratios 1 and 2.
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
    coldSeconds: round(line.coldSeconds, 4),
    coldBarsPerSec: line.coldBarsPerSec,
    coldPageFaults: line.coldPageFaults,
    warmRuns: line.warmRuns,
  };
  if (line.runs !== undefined && line.runs > 1) {
    ordered.runs = line.runs;
    if (line.medianSeconds !== undefined) ordered.medianSeconds = round(line.medianSeconds, 4);
    if (line.coldMedianSeconds !== undefined) ordered.coldMedianSeconds = round(line.coldMedianSeconds, 4);
  }
  if (line.baselineRatio !== undefined) ordered.baselineRatio = round(line.baselineRatio, 2);
  if (line.coldBaselineRatio !== undefined) ordered.coldBaselineRatio = round(line.coldBaselineRatio, 2);
  return JSON.stringify(ordered);
}

function barsPerSec(bars: number, seconds: number): number {
  return seconds > 0 ? Math.round(bars / seconds) : 0;
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
