/**
 * Drawdown at each bar: `equity[i] / peak − 1` (≤ 0), where the running peak starts at the initial capital.
 * A bar at or above the running peak has drawdown 0 and becomes the new peak.
 */
export function drawdownSeries(equity: ArrayLike<number>, initialCapital: number): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = initialCapital;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i] as number;
    if (e >= peak) peak = e;
    out[i] = peak > 0 ? e / peak - 1 : 0;
  }
  return out;
}

/** The deepest drawdown of a run and how long the account stayed under water. */
export interface DrawdownStats {
  /** Deepest drawdown as a negative fraction of the running peak (`-0.1` = 10 % below the peak); 0 if none. */
  readonly maxDrawdown: number;
  /**
   * Index of the peak before the deepest drawdown; `-1` when that peak is the initial capital (before the
   * first bar).
   */
  readonly peakIndex: number;
  /** Index of the deepest point; `-1` when there is no drawdown. */
  readonly troughIndex: number;
  /** First index at or above the peak after the trough; `-1` if the run ended under water. */
  readonly recoveryIndex: number;
  /**
   * Bars from the peak to the recovery (or to the last bar if never recovered) of the deepest drawdown's
   * episode. Before the first bar counts as index −1.
   */
  readonly maxDrawdownDurationBars: number;
  /** The same episode in milliseconds (the initial capital is dated at the first bar). */
  readonly maxDrawdownDurationMs: number;
  /** Bars of the longest episode under water (peak to recovery or end), whatever its depth. */
  readonly longestDrawdownBars: number;
  /** Milliseconds of the longest episode under water. */
  readonly longestDrawdownMs: number;
}

/**
 * Maximum drawdown and drawdown durations of an equity curve, starting from the initial capital as the first
 * peak. Ties: a bar exactly at the peak ends an episode. Empty curves give zeros and `-1` indexes.
 */
export function drawdownStats(
  timestamps: ArrayLike<number>,
  equity: ArrayLike<number>,
  initialCapital: number,
): DrawdownStats {
  const n = equity.length;
  const time = (i: number): number => timestamps[Math.max(i, 0)] as number;
  let peak = initialCapital;
  let peakIndex = -1;
  let maxDd = 0;
  let maxPeak = -1;
  let trough = -1;
  let recovery = -1;
  let longestBars = 0;
  let longestMs = 0;
  for (let i = 0; i < n; i++) {
    const e = equity[i] as number;
    if (e >= peak) {
      if (peakIndex < i - 1) {
        // An episode under water ended at i.
        if (i - peakIndex > longestBars) {
          longestBars = i - peakIndex;
          longestMs = time(i) - time(peakIndex);
        }
        if (maxPeak === peakIndex && recovery < 0 && trough >= 0) recovery = i;
      }
      peak = e;
      peakIndex = i;
      continue;
    }
    const dd = peak > 0 ? e / peak - 1 : 0;
    if (dd < maxDd) {
      maxDd = dd;
      maxPeak = peakIndex;
      trough = i;
      recovery = -1;
    }
  }
  if (n > 0 && peakIndex < n - 1) {
    const bars = n - 1 - peakIndex;
    if (bars > longestBars) {
      longestBars = bars;
      longestMs = time(n - 1) - time(peakIndex);
    }
  }
  const end = trough < 0 ? -1 : recovery >= 0 ? recovery : n - 1;
  return {
    maxDrawdown: maxDd,
    peakIndex: trough < 0 ? -1 : maxPeak,
    troughIndex: trough,
    recoveryIndex: recovery,
    maxDrawdownDurationBars: trough < 0 ? 0 : end - maxPeak,
    maxDrawdownDurationMs: trough < 0 ? 0 : time(end) - time(maxPeak),
    longestDrawdownBars: longestBars,
    longestDrawdownMs: longestMs,
  };
}
