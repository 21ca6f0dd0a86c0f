import type { InstrumentSpec } from '../domain/instrument-spec.js';
import type { Order } from '../domain/order.js';
import type { BarView } from './bar-view.js';

/** What a {@link SlippageModel} sees for one prospective fill. */
export interface SlippageInput {
  readonly order: Order;
  readonly bar: BarView;
  /** Quantity about to fill (positive). */
  readonly quantity: number;
  /** Per-unit reference price before slippage (the open, the close, a stop or limit level…). */
  readonly basePrice: number;
  /** How the base price was found: `market`, `limit`, `stop`, `close`, `risk`… (see execution docs). */
  readonly kind: string;
  readonly spec: InstrumentSpec;
}

/**
 * Turns a reference price into the per-unit price actually paid or received (before commission).
 * Must be adverse or neutral for market-like fills; the execution layer caps the result so a limit order
 * never fills beyond its limit. A plugin is one object with this method.
 *
 * @example
 * ```ts
 * const halfCent: SlippageModel = {
 *   name: 'half-cent',
 *   fillPrice: ({ order, basePrice }) => basePrice + (order.side === 'BUY' ? 0.005 : -0.005),
 * };
 * ```
 */
export interface SlippageModel {
  readonly name: string;
  /** Per-unit fill price. */
  fillPrice(input: SlippageInput): number;
}
