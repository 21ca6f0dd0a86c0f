import type { ExitReason } from '../domain/exit-reason.js';
import type { FillEvent } from '../domain/fill-event.js';
import type { Order, OrderUpdate } from '../domain/order.js';
import type { OrderEvent } from '../domain/order-event.js';
import type { OrderReason } from '../domain/order-reason.js';
import type { SymbolId, SymbolTable } from '../domain/symbol-table.js';
import type { MarketView } from './market-view.js';
import type { OrderModification } from './order-bus.js';
import type { PortfolioView } from './portfolio-view.js';
import type { ExitTrigger } from './position-rule.js';

/** The engine services a {@link Broker} uses. */
export interface BrokerContext {
  readonly symbols: SymbolTable;
  readonly market: MarketView;
  readonly portfolio: PortfolioView;
  /**
   * Applies a fill to the ledger and publishes it (fills$, trades$, strategy.onFill), synchronously: the
   * portfolio reflects the fill when this returns.
   */
  fill(fill: FillEvent): void;
  /** Publishes an order transition on orders$ and to the strategy. */
  publish(update: OrderUpdate): void;
  /**
   * True while nothing that receives order updates needs frozen copies: no strategy `onOrderUpdate`, no
   * subscriber on orders$, and every sink that takes orders takes live ones (`ResultSink.onOrderLive`).
   * A broker may then publish with {@link BrokerContext.publishLive} and build no copy. Asked per update: a
   * subscription can start at any time.
   */
  liveOrders?(): boolean;
  /**
   * Publishes an order transition without a copy: `update.order` is the broker's own record of the order as
   * of this transition, and the update object may be reused. Receivers read what they need during the call
   * (`ResultSink.onOrderLive`). Only while {@link BrokerContext.liveOrders} is true. An order's id, request-derived fields
   * (symbol, side, type, time in force), submission fields, parent and OCO group do not change between its
   * updates.
   */
  publishLive?(update: OrderUpdate): void;
  /** The next deterministic fill id (`F1`, `F2`, …). */
  nextFillId(): string;
  /** The next deterministic order id (`O1`, `O2`, …), for orders the broker creates itself (OTO children). */
  nextOrderId(): string;
}

/** Extra facts the engine attaches to an order at submission. */
export interface SubmitMeta {
  /** The order's id, assigned by the engine; the broker must use it. */
  readonly id: string;
  /** The symbol's close when the order was created; `NaN` if it has none yet. */
  readonly signalPrice: number;
  /** The run's id of the order's symbol, which the engine has resolved (a broker need not look it up again). */
  readonly symbolId: SymbolId;
}

/** A risk exit the engine asks the broker to execute now (DESIGN §3 step 3). */
export interface ExitRequest {
  readonly symbolId: SymbolId;
  /** Positive quantity to close. */
  readonly quantity: number;
  readonly trigger: ExitTrigger;
  /** Trigger level for `stop` and `limit` exits. */
  readonly price: number;
  readonly reason: ExitReason;
  readonly rule: string;
}

/**
 * The order-matching side of the engine: owns working orders, decides fills, applies costs and account
 * policies. `@ml4t/execution` provides `SimulatedBroker`. The engine calls the phase hooks once per timestamp,
 * in DESIGN §3 order.
 */
export interface Broker {
  /**
   * Declares that every fill this broker passes to `BrokerContext.fill` is a fresh plain, extensible object
   * literal with the {@link FillEvent} fields in their declaration order, the optional `rule`, `tag` and
   * `settleAt` only when defined, and every field of its declared type apart from the values user code
   * supplies: the money amounts (from the cost models), `rule` and `tag`. The engine then tells the sinks
   * (`RunInfo.canonicalRecords`), which may store fills and trades without checking their shape.
   * `SimulatedBroker` declares it.
   */
  readonly canonicalFills?: boolean;
  /** Called once before the first slice. */
  init(ctx: BrokerContext): void;
  /** Accepts or rejects a new order (already through the portfolio rules). */
  submit(request: OrderEvent, meta: SubmitMeta): Order;
  cancel(orderId: string, reason?: OrderReason): boolean;
  modify(orderId: string, changes: OrderModification): boolean;
  openOrders(symbol?: SymbolId): readonly Order[];
  /** Step 2: fill orders eligible at the open of this timestamp. */
  onOpen(): void;
  /** Step 3: execute a risk exit now (or schedule it, e.g. for the next open); returns whether anything filled. */
  exit(request: ExitRequest): boolean;
  /** Step 6: same-bar fills at the close. */
  onClose(): void;
  /** Step 7: expiries (DAY, IOC, GTD), trailing-stop updates. */
  onEnd(): void;
  /** End of data: cancel what is still working (reason `end_of_data`). */
  finish(): void;
}
