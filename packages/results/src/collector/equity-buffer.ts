import type { PortfolioSnapshot } from '@ml4t/core';
import type { EquityCurve } from '../metrics/equity-curve.js';

/**
 * Growable typed-array columns for the per-bar account history: appending a snapshot writes six numbers and
 * allocates nothing until the capacity doubles.
 */
export class EquityBuffer {
  private size = 0;
  private timestamps: Float64Array;
  private equity: Float64Array;
  private cash: Float64Array;
  private gross: Float64Array;
  private net: Float64Array;
  private open: Int32Array;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.timestamps = new Float64Array(c);
    this.equity = new Float64Array(c);
    this.cash = new Float64Array(c);
    this.gross = new Float64Array(c);
    this.net = new Float64Array(c);
    this.open = new Int32Array(c);
  }

  /** Number of snapshots stored. */
  get length(): number {
    return this.size;
  }

  /** Appends one snapshot. */
  push(snapshot: PortfolioSnapshot): void {
    if (this.size === this.timestamps.length) this.grow();
    const i = this.size;
    this.timestamps[i] = snapshot.timestamp;
    this.equity[i] = snapshot.equity;
    this.cash[i] = snapshot.cashValue;
    this.gross[i] = snapshot.grossExposure;
    this.net[i] = snapshot.netExposure;
    this.open[i] = snapshot.openPositions;
    this.size = i + 1;
  }

  /** A copy of the stored points as an {@link EquityCurve} (later pushes do not change it). */
  toCurve(): EquityCurve {
    const n = this.size;
    return {
      length: n,
      timestamps: this.timestamps.slice(0, n),
      equity: this.equity.slice(0, n),
      cash: this.cash.slice(0, n),
      grossExposure: this.gross.slice(0, n),
      netExposure: this.net.slice(0, n),
      openPositions: this.open.slice(0, n),
    };
  }

  private grow(): void {
    const c = this.timestamps.length * 2;
    this.timestamps = growF64(this.timestamps, c);
    this.equity = growF64(this.equity, c);
    this.cash = growF64(this.cash, c);
    this.gross = growF64(this.gross, c);
    this.net = growF64(this.net, c);
    const open = new Int32Array(c);
    open.set(this.open);
    this.open = open;
  }
}

function growF64(column: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity);
  next.set(column);
  return next;
}
