import type { OperatorFunction } from 'rxjs';
import type { InstrumentSpec } from '../domain/instrument-spec.js';
import type { OrderEvent } from '../domain/order-event.js';
import type { OrderReason } from '../domain/order-reason.js';
import type { PortfolioSnapshot } from '../domain/portfolio-snapshot.js';
import type { SymbolId } from '../domain/symbol-table.js';
import type { Timestamp } from '../domain/timestamp.js';
import type { FeatureView } from './feature-provider.js';
import type { MarketView } from './market-view.js';
import type { PortfolioView } from './portfolio-view.js';

/** What a {@link PortfolioRule} sees for one order (DESIGN §3 step 5). */
export interface OrderGateInput {
  readonly order: OrderEvent;
  readonly symbolId: SymbolId;
  /** The symbol's instrument spec (multiplier for notionals, sector for sector limits). */
  readonly instrument: InstrumentSpec;
  /** True when the order would increase the absolute position (an entry or add); false for reductions. */
  readonly opensExposure: boolean;
  /** Reference price for sizing: the symbol's last known price. */
  readonly price: number;
  readonly portfolio: PortfolioView;
  readonly market: MarketView;
  readonly features: FeatureView;
  readonly timestamp: Timestamp;
}

/** A portfolio rule's verdict on one order. */
export type GateDecision =
  | { readonly action: 'accept' }
  | { readonly action: 'resize'; readonly quantity: number; readonly reason: OrderReason }
  | { readonly action: 'reject'; readonly reason: OrderReason }
  /** Reject this order and every later exposure-increasing order until the rule resumes trading. */
  | { readonly action: 'halt'; readonly reason: OrderReason };

/** The decision that lets an order through unchanged. */
export const ACCEPT: GateDecision = Object.freeze({ action: 'accept' });

/**
 * A portfolio-level gate (max positions, exposure, drawdown halt, VIX filter…), run by the engine on every
 * order. `onSnapshot` lets stateful rules follow equity (drawdown, daily loss). Rules run in configuration
 * order; a resize feeds the next rule; the first reject or halt wins.
 */
export interface PortfolioRule {
  readonly name: string;
  check(input: OrderGateInput): GateDecision;
  onSnapshot?(snapshot: PortfolioSnapshot): void;
}

/** The stream form of an order gate, for custom pipelines (`engine.config.orderPipeline`). */
export type OrderOperator = OperatorFunction<OrderEvent, OrderEvent>;
