import type { FeatureView } from '../contracts/feature-provider.js';
import type { MarketView } from '../contracts/market-view.js';
import type { OrderGateInput, PortfolioRule } from '../contracts/portfolio-rule.js';
import type { PortfolioView } from '../contracts/portfolio-view.js';
import type { OrderEvent } from '../domain/order-event.js';
import { type OrderReason, ReasonCode } from '../domain/order-reason.js';
import { OrderSide } from '../domain/order-side.js';
import type { SymbolId, SymbolTable } from '../domain/symbol-table.js';

/** The gate's verdict: the (possibly resized) order, or why it is refused. @internal */
export type GateResult = { readonly order: OrderEvent } | { readonly reason: OrderReason };

/**
 * DESIGN §3 step 5: runs the portfolio rules on one order, plus the engine's own same-bar re-entry block.
 *
 * @internal
 */
export class OrderGate {
  /** Slice index of the last protective exit per symbol (for the re-entry block). */
  private readonly exitedAt: Int32Array;

  constructor(
    private readonly rules: readonly PortfolioRule[],
    private readonly portfolio: PortfolioView,
    private readonly market: MarketView,
    private readonly features: FeatureView,
    private readonly blockReentry: boolean,
    private readonly symbols: SymbolTable,
  ) {
    this.exitedAt = new Int32Array(Math.max(1, symbols.size)).fill(-1);
  }

  /** Records a protective exit of `symbol` on the current slice. */
  noteExit(symbol: SymbolId): void {
    this.exitedAt[symbol] = this.market.index;
  }

  check(order: OrderEvent, symbolId: SymbolId): GateResult {
    const held = this.portfolio.quantity(symbolId);
    const signed = order.side === OrderSide.Buy ? order.quantity : -order.quantity;
    const opensExposure = held === 0 || Math.sign(held) === Math.sign(signed) || Math.abs(signed) > Math.abs(held);
    if (opensExposure && this.blockReentry && this.exitedAt[symbolId] === this.market.index) {
      return {
        reason: {
          code: ReasonCode.ReentryBlocked,
          message: `${order.symbol} was stopped out on this bar; new entries are allowed from the next bar`,
          source: 'engine.blockReentryAfterExit',
        },
      };
    }
    let current = order;
    for (const rule of this.rules) {
      const input: OrderGateInput = {
        order: current,
        symbolId,
        instrument: this.symbols.spec(symbolId),
        opensExposure,
        price: this.market.lastPrice[symbolId] ?? Number.NaN,
        portfolio: this.portfolio,
        market: this.market,
        features: this.features,
        timestamp: this.market.timestamp,
      };
      const decision = rule.check(input);
      switch (decision.action) {
        case 'accept':
          break;
        case 'resize':
          if (!(decision.quantity > 0)) return { reason: decision.reason };
          current = { ...current, quantity: decision.quantity };
          break;
        case 'reject':
        case 'halt':
          return { reason: decision.reason };
        default: {
          const never: never = decision;
          throw new TypeError(`unknown gate decision ${JSON.stringify(never)}`);
        }
      }
    }
    return { order: current };
  }
}
