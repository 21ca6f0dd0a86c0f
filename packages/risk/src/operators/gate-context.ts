import { type OrderEvent, type OrderGateInput, OrderSide, type StrategyContext } from '@ml4t/core';

/**
 * Supplies everything a portfolio rule needs about an order except the order itself, at the moment the order
 * passes: `undefined` when the order cannot be judged (e.g. an unknown symbol), in which case it passes through.
 */
export type GateContextProvider = (order: OrderEvent) => Omit<OrderGateInput, 'order'> | undefined;

/**
 * A {@link GateContextProvider} built on a strategy's context (capture it in `onStart`), computing the order's
 * symbol id and instrument spec, whether it opens exposure (as the engine does: from flat, in the held direction, or reversing) and
 * its reference price (the symbol's last price). Before `context()` returns a context every order passes.
 *
 * @example
 * ```ts
 * let ctx: StrategyContext | undefined;
 * const pipeline = asOrderOperator(maxPositions({ max: 5 }), strategyGateContext(() => ctx));
 * ```
 */
export function strategyGateContext(context: () => StrategyContext | undefined): GateContextProvider {
  return (order: OrderEvent) => {
    const ctx = context();
    if (ctx === undefined) return undefined;
    const symbolId = ctx.symbols.id(order.symbol);
    if (symbolId < 0) return undefined;
    const held = ctx.portfolio.quantity(symbolId);
    const signed = order.side === OrderSide.Buy ? order.quantity : -order.quantity;
    return {
      symbolId,
      instrument: ctx.symbols.spec(symbolId),
      opensExposure: held === 0 || Math.sign(held) === Math.sign(signed) || Math.abs(signed) > Math.abs(held),
      price: ctx.market.lastPrice[symbolId] ?? Number.NaN,
      portfolio: ctx.portfolio,
      market: ctx.market,
      features: ctx.features,
      timestamp: ctx.market.timestamp,
    };
  };
}
