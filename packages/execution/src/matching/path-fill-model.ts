import { addQuantity, ExitReason, type FillModel, OrderType } from '@ml4t/core';
import type { StopFillMode, TrailingUpdate } from '../config/execution-config.js';
import { WorkingOrder } from '../orders/working-order.js';
import { type IntrabarPath, pathPoints } from './intrabar-path.js';
import { type BarPath, Match, matchOrder } from './match-order.js';

/** Options of {@link pathFillModel}. */
export interface PathFillModelOptions {
  /** @defaultValue `'nearest_extreme_first'` */
  readonly intrabarPath?: IntrabarPath;
  /** @defaultValue `'stop_price'` */
  readonly stopFillMode?: StopFillMode;
  /** @defaultValue `'close'` */
  readonly trailingUpdate?: TrailingUpdate;
}

/**
 * The simulated broker's matching rules as a stand-alone core {@link FillModel}: whether, at what base price
 * (before slippage) and for how much an order fills on a bar. Stateless: the order's trigger state is read from
 * the order (`stopLevel`, `triggered`) and never written back. In the `close` phase only market orders fill
 * (at the close). A stop under `next_bar_open` answers `undefined` (it fills on the next bar).
 *
 * @example
 * ```ts
 * const model = pathFillModel();
 * const decision = model.evaluate(order, bar, 'open'); // { price, quantity, priceRule, liquidity, kind } | undefined
 * ```
 */
export function pathFillModel(options: PathFillModelOptions = {}): FillModel {
  const intrabarPath = options.intrabarPath ?? 'nearest_extreme_first';
  const opts = {
    stopFillMode: options.stopFillMode ?? 'stop_price',
    trailingUpdate: options.trailingUpdate ?? 'close',
  } as const;
  const out = new Match();
  const path: BarPath = { open: 0, high: 0, low: 0, close: 0, points: new Float64Array(4) };
  return {
    name: 'path',
    evaluate(order, bar, phase) {
      if (phase === 'close' && order.type !== OrderType.Market) return undefined;
      const w = new WorkingOrder(
        order.id,
        order.request,
        order.symbolId,
        order.quantity,
        order.submittedAt,
        order.submittedIndex,
        order.signalPrice,
        phase,
        0,
        ExitReason.Signal,
      );
      if (Number.isFinite(order.stopLevel)) w.stopLevel = order.stopLevel;
      w.triggered = order.triggered;
      path.open = bar.open;
      path.high = bar.high;
      path.low = bar.low;
      path.close = bar.close;
      pathPoints(bar.open, bar.high, bar.low, bar.close, intrabarPath, path.points);
      const m = matchOrder(w, path, phase, opts, out);
      if (!m.fills) return undefined;
      return {
        price: m.price,
        quantity: addQuantity(order.quantity, -order.filledQuantity),
        priceRule: m.rule,
        liquidity: m.liquidity,
        kind: m.kind,
      };
    },
  };
}
