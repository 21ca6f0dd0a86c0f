import { type FillEvent, type Money, ZERO } from '@ml4t/core';

/** What trading cost, in dollars, summed exactly over every fill. */
export interface CostStats {
  /** Σ fill commission. */
  readonly totalCommission: Money;
  /** Σ fill slippage (`slippagePerUnit × quantity × multiplier`), excluding market impact. */
  readonly totalSlippage: Money;
  /** Σ fill market impact. */
  readonly totalImpact: Money;
  /**
   * `(totalCommission + totalSlippage + totalImpact) / initialCapital`: the part of the initial capital spent
   * on costs (a price improvement counts as a negative cost).
   */
  readonly costDrag: number;
}

/** Computes {@link CostStats} from the fills of a run. */
export function costStats(fills: readonly FillEvent[], initialCapital: Money): CostStats {
  let commission = ZERO;
  let slippage = ZERO;
  let impact = ZERO;
  for (const fill of fills) {
    commission = commission.plus(fill.commission);
    slippage = slippage.plus(fill.slippage);
    impact = impact.plus(fill.impact);
  }
  return {
    totalCommission: commission,
    totalSlippage: slippage,
    totalImpact: impact,
    costDrag: commission.plus(slippage).plus(impact).div(initialCapital).toNumber(),
  };
}
