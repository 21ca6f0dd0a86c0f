import type { OperatorFunction } from 'rxjs';
import type { FillEvent } from '../domain/fill-event.js';
import type { MarketEvent } from '../domain/market-event.js';
import type { OrderUpdate } from '../domain/order.js';
import type { OrderEvent } from '../domain/order-event.js';
import type { SymbolTable } from '../domain/symbol-table.js';
import type { TimeSlice } from '../domain/time-slice.js';
import type { FeatureView } from './feature-provider.js';
import type { HistoryView } from './history-view.js';
import type { MarketView } from './market-view.js';
import type { OrderBus } from './order-bus.js';
import type { PortfolioView } from './portfolio-view.js';

/** Everything a strategy may look at and do. Views are read-only and bound to the clock's current time. */
export interface StrategyContext {
  readonly symbols: SymbolTable;
  readonly portfolio: PortfolioView;
  readonly market: MarketView;
  /** Features at the current timestamp (see {@link FeatureView}). */
  readonly features: FeatureView;
  readonly history: HistoryView;
  readonly bus: OrderBus;
}

/**
 * A trading strategy: any subset of these callbacks. Implement `onTimeSlice` for columnar, cross-sectional
 * logic (fast), or `onMarketData` for one bar at a time (simple; allocates an event per bar).
 * Orders go out through `ctx.bus.submit`. A strategy may also be an RxJS operator, see {@link StrategyOperator}.
 */
export interface Strategy {
  readonly name?: string;
  /** Window of past closes the engine should keep for `ctx.history` (0 = none). @defaultValue 0 */
  readonly historyLength?: number;
  onStart?(ctx: StrategyContext): void;
  onTimeSlice?(slice: TimeSlice, ctx: StrategyContext): void;
  onMarketData?(event: MarketEvent, ctx: StrategyContext): void;
  onFill?(fill: FillEvent, ctx: StrategyContext): void;
  onOrderUpdate?(update: OrderUpdate, ctx: StrategyContext): void;
  onEnd?(ctx: StrategyContext): void;
}

/**
 * A strategy written as an RxJS operator: slices in, orders out. Orders emitted synchronously while a slice is
 * being handled are decided on that slice; the engine never waits for asynchronous emissions.
 */
export type StrategyOperator = OperatorFunction<TimeSlice, OrderEvent>;
