import { oneOf } from '../internal/validate.js';

/**
 * How the price is assumed to move inside an OHLC bar, for rules whose level moves during the bar (the
 * `intrabar` trailing stop). Same names and default as the execution package's path model:
 * - `nearest_extreme_first` (default): open → the extreme nearer the open → the other extreme → close; when
 *   the open is equidistant the low comes first.
 * - `high_first`: open → high → low → close.
 * - `low_first`: open → low → high → close.
 */
export type IntrabarPath = 'nearest_extreme_first' | 'high_first' | 'low_first';

/** True when the path visits the high before the low. */
export function highFirst(path: IntrabarPath, open: number, high: number, low: number): boolean {
  if (path === 'high_first') return true;
  if (path === 'low_first') return false;
  return high - open < open - low;
}

/** Validates an {@link IntrabarPath} option (default `nearest_extreme_first`). */
export function intrabarPathOption(path: string, value: IntrabarPath | undefined): IntrabarPath {
  return value === undefined
    ? 'nearest_extreme_first'
    : oneOf(path, value, ['nearest_extreme_first', 'high_first', 'low_first']);
}
