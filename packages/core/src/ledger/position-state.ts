import type { MarketView } from '../contracts/market-view.js';
import type { Position } from '../domain/position.js';
import type { SymbolId } from '../domain/symbol-table.js';
import type { Timestamp } from '../domain/timestamp.js';
import type { TradeContext } from '../domain/trade.js';
import type { Money } from '../money/decimal.js';
import { decimalToNumber } from '../money/number-conversion.js';

/**
 * The ledger's mutable record of one open position. Exposed to users only through the read-only
 * {@link Position} interface.
 *
 * @internal
 */
export class PositionState implements Position {
  quantity: number;
  costBasis: Money;
  openCommission: Money;
  /** Entry slippage dollars not yet allocated to closed records. */
  openSlippage: Money;
  /** Entry market-impact dollars not yet allocated to closed records. */
  openImpact: Money;
  barsHeld = 0;
  // The marks move every bar. Declared with a double, not left `undefined` until the constructor runs: V8 then
  // stores them as doubles in place; a field that first held `undefined` gets a new heap number per write.
  highWater = Number.NaN;
  lowWater = Number.NaN;
  highClose = Number.NaN;
  lowClose = Number.NaN;
  readonly entryOrderIds: string[];
  /**
   * The engine's position rules' state for this position, one object per rule, created on their first
   * evaluation. Kept here rather than in a map keyed by position: it lives and dies with the position.
   */
  ruleStates: Record<string, unknown>[] | undefined = undefined;
  /** {@link costBasis} as a float, and the Decimal it was converted from (a `toNumber` is a string round trip). */
  #basisNumber = 0;
  #basisOf: Money | undefined;

  constructor(
    readonly symbol: string,
    readonly symbolId: SymbolId,
    readonly multiplier: number,
    readonly positionId: string,
    readonly entryTime: Timestamp,
    readonly entryIndex: number,
    readonly entrySignalPrice: number,
    /** True when the entry filled at the close: the entry bar's range is not part of the position. */
    readonly entryAtClose: boolean,
    readonly entryContext: TradeContext,
    private readonly market: MarketView,
    quantity: number,
    price: number,
    costBasis: Money,
    commission: Money,
    slippage: Money,
    impact: Money,
    orderId: string,
  ) {
    this.quantity = quantity;
    this.costBasis = costBasis;
    this.openCommission = commission;
    this.openSlippage = slippage;
    this.openImpact = impact;
    this.highWater = price;
    this.lowWater = price;
    this.highClose = price;
    this.lowClose = price;
    this.entryOrderIds = [orderId];
  }

  /** Average entry price per unit: cost basis ÷ (|quantity| × multiplier). */
  get avgPrice(): number {
    return this.costBasisNumber() / (Math.abs(this.quantity) * this.multiplier);
  }

  /** `costBasis.toNumber()`, converted once per change of the cost basis. */
  costBasisNumber(): number {
    const basis = this.costBasis;
    if (basis !== this.#basisOf) {
      this.#basisNumber = decimalToNumber(basis);
      this.#basisOf = basis;
    }
    return this.#basisNumber;
  }

  get lastPrice(): number {
    return this.market.lastPrice[this.symbolId] ?? Number.NaN;
  }

  get marketValue(): number {
    return this.quantity * this.lastPrice * this.multiplier;
  }

  get unrealizedPnl(): number {
    const basis = this.costBasisNumber();
    return this.marketValue - (this.quantity > 0 ? basis : -basis);
  }
}
