import type { Timestamp } from '@ml4t/core';

/** How far a {@link runBacktest} run has got; passed to its `onProgress` callback. */
export interface BacktestProgress {
  /** Timestamps (slices) processed so far. */
  readonly slices: number;
  /** Timestamp of the last processed slice. */
  readonly timestamp: Timestamp;
  /**
   * Fraction of the data's time span done (0 … 1), when the data's first and last timestamps are known
   * (feeds that expose their timestamps); `undefined` otherwise.
   */
  readonly fraction: number | undefined;
  /** True on the final call, after the last slice. */
  readonly done: boolean;
}
