import { ConfigError } from '@ml4t/core';

/** Warm runs per process of a full benchmark: enough for the fastest to reach the steady state. */
const DEFAULT_WARM_RUNS = 4;
/** Warm runs per process with `--quick`: more than one, so the CI smoke test exercises repeated runs. */
const DEFAULT_QUICK_WARM_RUNS = 2;
const MAX_WARM_RUNS = 100;

/**
 * The number of warm runs per worker process (timed runs after the cold one, on the same data): `value`, the
 * text of `--warm N`, or the default, 4 for a full run and 2 for a quick one.
 *
 * @throws ConfigError naming the option `warm` unless `value` is a whole number from 0 to 100
 */
export function warmRunCount(value: string | undefined, quick: boolean): number {
  if (value === undefined) return quick ? DEFAULT_QUICK_WARM_RUNS : DEFAULT_WARM_RUNS;
  if (!/^\d+$/.test(value) || Number(value) > MAX_WARM_RUNS) {
    throw new ConfigError('warm', 'integer-range', `must be a whole number from 0 to ${MAX_WARM_RUNS}, got ${value}`);
  }
  return Number(value);
}
