import { fsum } from './fsum.js';

/**
 * backtrader's `CrossOver(SMA(close, fast), SMA(close, slow))` for one symbol, fed one close per bar.
 *
 * SMA(n) = fsum(last n closes) / n. The cross at bar i is +1 when fast > slow and the last non-zero value of
 * fast − slow before bar i was negative, −1 mirrored, else 0; the difference on the first bar where the slow SMA
 * exists seeds that memory even when zero, so the first possible signal is on bar `slow + 1`.
 */
export class CrossOver {
  private readonly closes: number[] = [];
  private lastNonZero = Number.NaN;
  /** Fast and slow SMA of the latest bar (`NaN` until defined). */
  fastValue = Number.NaN;
  slowValue = Number.NaN;

  constructor(
    private readonly fast: number,
    private readonly slow: number,
  ) {}

  /** Adds the close of the next bar and returns its cross: +1, −1 or 0. */
  push(close: number): -1 | 0 | 1 {
    const c = this.closes;
    c.push(close);
    const n = c.length;
    this.fastValue = n >= this.fast ? fsum(c, n - this.fast, n) / this.fast : Number.NaN;
    this.slowValue = n >= this.slow ? fsum(c, n - this.slow, n) / this.slow : Number.NaN;
    if (n < this.slow) return 0;
    const diff = this.fastValue - this.slowValue;
    const previous = this.lastNonZero;
    if (n === this.slow || diff !== 0) this.lastNonZero = diff;
    if (n === this.slow) return 0;
    if (diff > 0 && previous < 0) return 1;
    if (diff < 0 && previous > 0) return -1;
    return 0;
  }
}
