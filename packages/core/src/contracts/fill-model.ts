import type { Order } from '../domain/order.js';
import type { BarView } from './bar-view.js';

/** The phase of the event loop in which a fill is attempted (DESIGN §3 steps 2 and 6). */
export type FillPhase = 'open' | 'close';

/** A fill model's answer: fill `quantity` at the per-unit `price` (before slippage). */
export interface FillDecision {
  readonly price: number;
  readonly quantity: number;
  /** e.g. `market@open`, `stop gap@open`, `limit@level`. */
  readonly priceRule: string;
  readonly liquidity: 'maker' | 'taker';
  /** Slippage input kind (see {@link SlippageInput.kind}). */
  readonly kind: string;
}

/** Decides whether, at what base price and how much of an order fills on a bar. */
export interface FillModel {
  readonly name: string;
  /** `undefined` when the order does not fill on this bar. */
  evaluate(order: Order, bar: BarView, phase: FillPhase): FillDecision | undefined;
}
