import { InvalidOrderError } from '../errors/invalid-order-error.js';
import type { OrderEvent } from './order-event.js';
import { OrderSide } from './order-side.js';
import { OrderType } from './order-type.js';
import { TimeInForce } from './time-in-force.js';

const TIFS: ReadonlySet<string> = new Set(Object.values(TimeInForce));

function positiveFinite(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidOrderError(field, 'positive-finite', `must be a positive finite number, got ${String(value)}`);
  }
}

/**
 * Checks an order request's shape: side, quantity and the price fields its type needs, time in force, GTD
 * expiry, trailing distance. Throws {@link InvalidOrderError} naming the field and rule.
 */
export function validateOrder(order: OrderEvent): void {
  if (typeof order.symbol !== 'string' || order.symbol.length === 0) {
    throw new InvalidOrderError('symbol', 'non-empty-string', 'must be a non-empty string');
  }
  if (order.side !== OrderSide.Buy && order.side !== OrderSide.Sell) {
    throw new InvalidOrderError('side', 'enum', `must be BUY or SELL, got ${String(order.side)}`);
  }
  positiveFinite(order.quantity, 'quantity');
  const tif = order.timeInForce ?? TimeInForce.Gtc;
  if (!TIFS.has(tif)) throw new InvalidOrderError('timeInForce', 'enum', `unknown time in force ${String(tif)}`);
  if (tif === TimeInForce.Gtd && (order.expireAt === undefined || !Number.isFinite(order.expireAt))) {
    throw new InvalidOrderError('expireAt', 'required-for-gtd', 'GTD orders need a finite expireAt');
  }
  switch (order.type) {
    case OrderType.Market:
      break;
    case OrderType.Limit:
      positiveFinite(order.limitPrice, 'limitPrice');
      break;
    case OrderType.Stop:
      positiveFinite(order.stopPrice, 'stopPrice');
      break;
    case OrderType.StopLimit:
      positiveFinite(order.stopPrice, 'stopPrice');
      positiveFinite(order.limitPrice, 'limitPrice');
      break;
    case OrderType.TrailingStop: {
      const hasAmount = order.trailAmount !== undefined;
      const hasPercent = order.trailPercent !== undefined;
      if (hasAmount === hasPercent) {
        throw new InvalidOrderError('trailAmount', 'exactly-one', 'set exactly one of trailAmount and trailPercent');
      }
      if (hasAmount) positiveFinite(order.trailAmount, 'trailAmount');
      else {
        positiveFinite(order.trailPercent, 'trailPercent');
        if ((order.trailPercent ?? 0) >= 1) {
          throw new InvalidOrderError('trailPercent', 'fraction', 'is a fraction below 1 (0.03 = 3 %)');
        }
      }
      break;
    }
    default: {
      const unknown: never = order;
      throw new InvalidOrderError('type', 'enum', `unknown order type ${String((unknown as { type: unknown }).type)}`);
    }
  }
  if (tif === TimeInForce.Moo || tif === TimeInForce.Moc) {
    if (order.type !== OrderType.Market) {
      throw new InvalidOrderError('timeInForce', 'market-only', `${tif} applies to market orders only`);
    }
  }
}
