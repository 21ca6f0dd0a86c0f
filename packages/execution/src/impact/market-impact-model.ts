import type { OrderSide, SymbolId } from '@ml4t/core';

/** What a {@link MarketImpactModel} sees for one prospective fill. */
export interface ImpactInput {
  readonly symbolId: SymbolId;
  readonly side: OrderSide;
  /** Positive quantity about to fill. */
  readonly quantity: number;
  /** Per-unit reference price before costs. */
  readonly basePrice: number;
  /** The bar's volume (`NaN` when unknown). */
  readonly barVolume: number;
}

/**
 * Market impact with memory: the per-unit adverse price move a fill causes (temporary, paid by this fill) plus
 * the displacement left by earlier fills (permanent, decaying over bars). Kept apart from slippage in fills.
 * Models keep per-symbol state; one instance serves one run.
 */
export interface MarketImpactModel {
  readonly name: string;
  /** Per-unit adverse impact of the fill (negative = the earlier displacement helps this side). */
  impactPerUnit(input: ImpactInput): number;
  /** Records an executed fill (updates the permanent displacement). */
  onFill(input: ImpactInput): void;
  /** Ages the displacement of `symbolId` by one of its bars (called once per bar of the symbol). */
  onBar(symbolId: SymbolId): void;
}
