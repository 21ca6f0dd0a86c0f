import type { EquityCurve } from './equity-curve.js';

/** How much of the account was at work in the market. */
export interface ExposureStats {
  /**
   * Average gross exposure as a fraction of equity: `mean(grossExposure[i] / equity[i])` over the bars with
   * positive equity (1 = fully invested, above 1 = leveraged). `NaN` with no such bar.
   */
  readonly exposure: number;
  /** Fraction of bars with at least one open position. `NaN` for an empty curve. */
  readonly timeInMarket: number;
}

/** Computes {@link ExposureStats} from an equity curve. */
export function exposureStats(curve: EquityCurve): ExposureStats {
  let sum = 0;
  let counted = 0;
  let invested = 0;
  for (let i = 0; i < curve.length; i++) {
    const e = curve.equity[i] as number;
    if (e > 0) {
      sum += (curve.grossExposure[i] as number) / e;
      counted += 1;
    }
    if ((curve.openPositions[i] as number) > 0) invested += 1;
  }
  return {
    exposure: counted > 0 ? sum / counted : Number.NaN,
    timeInMarket: curve.length > 0 ? invested / curve.length : Number.NaN,
  };
}
