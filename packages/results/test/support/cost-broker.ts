import {
  type Broker,
  type BrokerContext,
  ExitReason,
  type Order,
  type OrderEvent,
  OrderSide,
  OrderStatus,
  type SubmitMeta,
  TimeInForce,
  toMoney,
} from '@ml4t/core';

/** Costs applied by {@link CostBroker}, as fractions of the price / notional. */
export interface CostBrokerOptions {
  readonly slippageRate?: number;
  readonly commissionRate?: number;
}

/**
 * A small broker for results tests (until `@ml4t/execution` lands): market orders only, filled whole at the
 * next bar's open of their symbol, with percentage slippage and percentage commission so every record has
 * costs. No cash checks, no risk exits.
 */
export class CostBroker implements Broker {
  private ctx!: BrokerContext;
  private pending: Order[] = [];

  constructor(private readonly options: CostBrokerOptions = {}) {}

  init(ctx: BrokerContext): void {
    this.ctx = ctx;
  }

  submit(request: OrderEvent, meta: SubmitMeta): Order {
    const order: Order = {
      id: meta.id,
      request,
      symbol: request.symbol,
      symbolId: this.ctx.symbols.id(request.symbol),
      side: request.side,
      type: request.type,
      quantity: request.quantity,
      timeInForce: request.timeInForce ?? TimeInForce.Gtc,
      status: OrderStatus.Accepted,
      filledQuantity: 0,
      avgFillPrice: Number.NaN,
      submittedAt: this.ctx.market.timestamp,
      submittedIndex: this.ctx.market.index,
      signalPrice: meta.signalPrice,
      stopLevel: Number.NaN,
      triggered: false,
    };
    this.ctx.publish({ timestamp: order.submittedAt, status: order.status, previousStatus: undefined, order });
    this.pending.push(order);
    return order;
  }

  cancel(): boolean {
    return false;
  }

  modify(): boolean {
    return false;
  }

  openOrders(): readonly Order[] {
    return this.pending;
  }

  onOpen(): void {
    const { market, symbols } = this.ctx;
    const keep: Order[] = [];
    for (const order of this.pending) {
      const s = order.symbolId;
      if (order.submittedIndex >= market.index || !market.hasBar(s)) {
        keep.push(order);
        continue;
      }
      const open = market.open[s] as number;
      const sign = order.side === OrderSide.Buy ? 1 : -1;
      const slip = open * (this.options.slippageRate ?? 0);
      const price = open + sign * slip;
      const notional = toMoney(price).times(order.quantity);
      this.ctx.fill({
        id: this.ctx.nextFillId(),
        orderId: order.id,
        timestamp: market.timestamp,
        sliceIndex: market.index,
        symbol: symbols.name(s),
        symbolId: s,
        side: order.side,
        orderType: order.type,
        quantity: order.quantity,
        price,
        basePrice: open,
        slippagePerUnit: slip,
        impactPerUnit: 0,
        slippage: toMoney(slip).times(order.quantity),
        impact: toMoney(0),
        commission: notional.times(this.options.commissionRate ?? 0),
        notional,
        multiplier: 1,
        signalPrice: order.signalPrice,
        priceRule: 'market@open',
        liquidity: 'taker',
        exitReason: order.request.exitReason ?? ExitReason.Signal,
        ...(order.request.tag !== undefined ? { tag: order.request.tag } : {}),
      });
      const filled: Order = {
        ...order,
        status: OrderStatus.Filled,
        filledQuantity: order.quantity,
        avgFillPrice: price,
      };
      this.ctx.publish({
        timestamp: market.timestamp,
        status: filled.status,
        previousStatus: order.status,
        order: filled,
      });
    }
    this.pending = keep;
  }

  exit(): boolean {
    return false;
  }

  onClose(): void {}
  onEnd(): void {}
  finish(): void {}
}
