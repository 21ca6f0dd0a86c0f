import {
  type Broker,
  type BrokerContext,
  Decimal,
  ExitReason,
  type ExitRequest,
  type Order,
  type OrderEvent,
  OrderSide,
  OrderStatus,
  type SubmitMeta,
  TimeInForce,
  ZERO,
} from '../../src/index.js';

/**
 * A deliberately tiny broker for core's own tests: market orders only, filled at the next bar's open of their
 * symbol, no costs, no cash checks. Risk exits fill at their trigger level (or the open on a gap).
 */
export class MarketBroker implements Broker {
  private ctx!: BrokerContext;
  private pending: Order[] = [];

  init(ctx: BrokerContext): void {
    this.ctx = ctx;
  }

  submit(request: OrderEvent, meta: SubmitMeta): Order {
    const order: Order = {
      id: meta.id,
      request,
      symbol: request.symbol,
      symbolId: meta.symbolId,
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
    const { market } = this.ctx;
    const keep: Order[] = [];
    for (const order of this.pending) {
      if (order.submittedIndex >= market.index || !market.hasBar(order.symbolId)) {
        keep.push(order);
        continue;
      }
      const price = market.open[order.symbolId] as number;
      this.emit(
        order.symbolId,
        order.side,
        order.quantity,
        price,
        order.id,
        order.request.exitReason ?? ExitReason.Signal,
        order.signalPrice,
        'market@open',
      );
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

  exit(request: ExitRequest): boolean {
    const { market, portfolio } = this.ctx;
    const s = request.symbolId;
    const held = portfolio.quantity(s);
    const side = held > 0 ? OrderSide.Sell : OrderSide.Buy;
    const open = market.open[s] as number;
    let price = market.close[s] as number;
    if (request.trigger === 'stop') {
      const gap = side === OrderSide.Sell ? open <= request.price : open >= request.price;
      price = gap ? open : request.price;
    }
    this.emit(s, side, request.quantity, price, `risk:${request.rule}`, request.reason, Number.NaN, request.trigger);
    return true;
  }

  onClose(): void {}
  onEnd(): void {}
  finish(): void {}

  private emit(
    symbolId: number,
    side: OrderSide,
    quantity: number,
    price: number,
    orderId: string,
    exitReason: ExitReason,
    signalPrice: number,
    priceRule: string,
  ): void {
    const { market } = this.ctx;
    this.ctx.fill({
      id: this.ctx.nextFillId(),
      orderId,
      timestamp: market.timestamp,
      sliceIndex: market.index,
      symbol: this.ctx.symbols.name(symbolId),
      symbolId,
      side,
      orderType: 'MARKET',
      quantity,
      price,
      basePrice: price,
      slippagePerUnit: 0,
      impactPerUnit: 0,
      slippage: ZERO,
      impact: ZERO,
      commission: ZERO,
      notional: new Decimal(price).times(quantity),
      multiplier: 1,
      signalPrice,
      priceRule,
      liquidity: 'taker',
      exitReason,
    });
  }
}
