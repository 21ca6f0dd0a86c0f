import type { Money, OrderReason, OrderSide, SymbolId } from '@ml4t/core';

/** What an {@link AccountPolicy} sees for one prospective fill (the whole fill, before it happens). */
export interface AccountCheckInput {
  readonly symbolId: SymbolId;
  readonly side: OrderSide;
  /** Positive quantity about to fill. */
  readonly quantity: number;
  /** Part of `quantity` that opens or increases a position (the rest closes the current one). */
  readonly openingQuantity: number;
  /** Per-unit fill price (after slippage and impact). */
  readonly price: number;
  readonly multiplier: number;
  /** Total commission of the fill, in dollars. */
  readonly commission: Money;
  /** Signed position before the fill. */
  readonly position: number;
  /** Cash that may be spent now (settled cash minus proceeds still settling). */
  readonly spendableCash: Money;
  /** Equity marked at the last prices. */
  readonly equity: number;
  /** Σ |position value| before the fill. */
  readonly grossExposure: number;
  /** |value| of this symbol's position before the fill, at `price`. */
  readonly positionValue: number;
}

/**
 * An account type's rules: whether a fill is allowed (cash, shorts, leverage, margin) and when a margin call
 * forces liquidation. Reductions of a position are always allowed. A plugin is one object with these members.
 */
export interface AccountPolicy {
  readonly name: string;
  /** Whether positions may go short. */
  readonly allowsShorts: boolean;
  /** `undefined` to allow the fill, else why it is rejected. Called only for fills with an opening part. */
  check(input: AccountCheckInput): OrderReason | undefined;
  /**
   * True when the account breaches its maintenance requirement and positions must be liquidated
   * (checked at the end of every timestamp, DESIGN §3 step 7). Absent: never.
   */
  needsLiquidation?(equity: number, grossExposure: number): boolean;
}
