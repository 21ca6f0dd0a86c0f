import type { Timestamp } from '@ml4t/core';

/**
 * The per-bar account history of a run, as columns: entry `i` is the `PortfolioSnapshot` of the `i`-th
 * timestamp (equity at the close, DESIGN §3 step 7). Values are floats in the account currency; exact cash is
 * only kept for the final balance (`RunSummary.finalCash`).
 *
 * @see `BacktestResults.getEquityCurve`
 */
export interface EquityCurve {
  /** Number of points. */
  readonly length: number;
  /** Epoch milliseconds (UTC) of each snapshot, non-decreasing. */
  readonly timestamps: Float64Array;
  /** `cash + Σ position value` at each snapshot. */
  readonly equity: Float64Array;
  /** Cash balance (float) at each snapshot. */
  readonly cash: Float64Array;
  /** Σ |position value|. */
  readonly grossExposure: Float64Array;
  /** Σ signed position value. */
  readonly netExposure: Float64Array;
  /** Number of open positions. */
  readonly openPositions: Int32Array;
}

/** One row of an {@link EquityCurve}, the shape used by exports. */
export interface EquityPoint {
  readonly timestamp: Timestamp;
  readonly equity: number;
  readonly cash: number;
  readonly grossExposure: number;
  readonly netExposure: number;
  readonly openPositions: number;
}

/** Builds an {@link EquityCurve} from rows (used by readers; allocates once). */
export function equityCurveFromPoints(points: readonly EquityPoint[]): EquityCurve {
  const n = points.length;
  const curve = {
    length: n,
    timestamps: new Float64Array(n),
    equity: new Float64Array(n),
    cash: new Float64Array(n),
    grossExposure: new Float64Array(n),
    netExposure: new Float64Array(n),
    openPositions: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const p = points[i] as EquityPoint;
    curve.timestamps[i] = p.timestamp;
    curve.equity[i] = p.equity;
    curve.cash[i] = p.cash;
    curve.grossExposure[i] = p.grossExposure;
    curve.netExposure[i] = p.netExposure;
    curve.openPositions[i] = p.openPositions;
  }
  return curve;
}

/** The rows of an {@link EquityCurve} (for exports; allocates one object per point). */
export function equityPoints(curve: EquityCurve): EquityPoint[] {
  const rows: EquityPoint[] = new Array(curve.length);
  for (let i = 0; i < curve.length; i++) {
    rows[i] = {
      timestamp: curve.timestamps[i] as number,
      equity: curve.equity[i] as number,
      cash: curve.cash[i] as number,
      grossExposure: curve.grossExposure[i] as number,
      netExposure: curve.netExposure[i] as number,
      openPositions: curve.openPositions[i] as number,
    };
  }
  return rows;
}
