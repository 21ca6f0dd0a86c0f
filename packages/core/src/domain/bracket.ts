import { ExitReason } from './exit-reason.js';
import type { ContingentOrder, OrderEvent } from './order-event.js';
import { OrderSide } from './order-side.js';
import { OrderType } from './order-type.js';
import { TimeInForce } from './time-in-force.js';

/** Options of {@link bracket}. */
export interface BracketOptions {
  /** The entry order. */
  readonly entry: OrderEvent;
  /** Protective stop level (price). */
  readonly stopPrice?: number;
  /** Take-profit level (price). */
  readonly takeProfitPrice?: number;
  /** OCO group name of the two legs. @defaultValue a name derived from the entry's symbol and tag */
  readonly group?: string;
}

let bracketCounter = 0;

/**
 * Builds a bracket: an entry whose fill submits a protective stop and a take-profit limit in one OCO group,
 * each sized to the quantity filled. The legs are active from the bar after the entry fills; when one bar
 * touches both, the execution's intrabar path model decides which fills and the other is cancelled.
 *
 * @example
 * ```ts
 * bus.submit(bracket({ entry: { type: 'MARKET', symbol: 'AAPL', side: 'BUY', quantity: 100 },
 *   stopPrice: 95, takeProfitPrice: 110 }));
 * ```
 */
export function bracket(options: BracketOptions): OrderEvent {
  const exitSide = options.entry.side === OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
  bracketCounter += 1;
  const group = options.group ?? `bracket:${options.entry.symbol}:${options.entry.tag ?? ''}:${bracketCounter}`;
  const legs: ContingentOrder[] = [];
  if (options.stopPrice !== undefined) {
    legs.push({
      type: OrderType.Stop,
      side: exitSide,
      stopPrice: options.stopPrice,
      ocoGroup: group,
      reduceOnly: true,
      timeInForce: TimeInForce.Gtc,
      exitReason: ExitReason.StopLoss,
    });
  }
  if (options.takeProfitPrice !== undefined) {
    legs.push({
      type: OrderType.Limit,
      side: exitSide,
      limitPrice: options.takeProfitPrice,
      ocoGroup: group,
      reduceOnly: true,
      timeInForce: TimeInForce.Gtc,
      exitReason: ExitReason.TakeProfit,
    });
  }
  return { ...options.entry, onFill: [...(options.entry.onFill ?? []), ...legs] };
}
