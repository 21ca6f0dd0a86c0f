/**
 * How the price is assumed to move inside an OHLC bar.
 *
 * - `nearest_extreme_first` (default): open → the extreme nearer the open → the other extreme → close; on a
 *   tie (open equidistant) the low comes first (the pessimistic order for long positions).
 * - `high_first`: open → high → low → close.
 * - `low_first`: open → low → high → close.
 *
 * The path decides which of two orders touched on one bar triggers first and whether a stop-limit's limit is
 * reachable after its stop triggered. Time along the path runs from 0 (the open) to 1 (the close); each of the
 * three legs takes a third.
 */
export type IntrabarPath = 'nearest_extreme_first' | 'high_first' | 'low_first';

/**
 * Writes the four path points `[open, first extreme, second extreme, close]` of a bar into `out`.
 * Allocation-free; `out` must have length ≥ 4.
 */
export function pathPoints(
  open: number,
  high: number,
  low: number,
  close: number,
  mode: IntrabarPath,
  out: Float64Array,
): Float64Array {
  let highFirst: boolean;
  if (mode === 'high_first') highFirst = true;
  else if (mode === 'low_first') highFirst = false;
  else highFirst = high - open < open - low;
  out[0] = open;
  out[1] = highFirst ? high : low;
  out[2] = highFirst ? low : high;
  out[3] = close;
  return out;
}

/** The price at path time `t` ∈ [0, 1] (linear between the path points). */
export function priceAt(points: Float64Array, t: number): number {
  if (t <= 0) return points[0] as number;
  if (t >= 1) return points[3] as number;
  const scaled = t * 3;
  const k = Math.floor(scaled);
  const a = points[k] as number;
  const b = points[k + 1] as number;
  return a + (b - a) * (scaled - k);
}

/**
 * The first path time ≥ `from` at which the price reaches `level` in direction `dir` (`+1`: price ≥ level,
 * `−1`: price ≤ level), or `NaN` when the bar never gets there. When the condition already holds at `from`
 * (at the open: a gap through the level) the answer is `from` itself.
 */
export function firstTouch(points: Float64Array, level: number, dir: 1 | -1, from: number): number {
  const start = priceAt(points, from);
  if (dir > 0 ? start >= level : start <= level) return from;
  for (let k = 1; k <= 3; k++) {
    const segEnd = k / 3;
    if (segEnd <= from) continue;
    const segStart = (k - 1) / 3;
    const aT = Math.max(segStart, from);
    const a = segStart < from ? start : (points[k - 1] as number);
    const b = points[k] as number;
    if (dir > 0 ? b >= level : b <= level) {
      const frac = b === a ? 0 : (level - a) / (b - a);
      return aT + frac * (segEnd - aT);
    }
  }
  return Number.NaN;
}
