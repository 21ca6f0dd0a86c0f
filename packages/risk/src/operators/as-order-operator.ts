import type { GateDecision, OrderEvent, OrderOperator, PortfolioRule, PortfolioSnapshot } from '@ml4t/core';
import { Observable } from 'rxjs';
import type { GateContextProvider } from './gate-context.js';

/** Options of {@link asOrderOperator}. */
export interface OrderOperatorOptions {
  /** Called with every order the rule refuses (reject or halt) and the decision, e.g. to log or count them. */
  readonly onRefuse?: (order: OrderEvent, decision: GateDecision) => void;
  /**
   * Snapshots for stateful rules (drawdown, daily loss): pass `engine.portfolio$`; each one reaches
   * `rule.onSnapshot` while the operator's output is subscribed.
   */
  readonly snapshots?: Observable<PortfolioSnapshot>;
}

/**
 * The stream form of a portfolio rule: an RxJS operator on an order stream (`orders$` of a custom pipeline,
 * `EngineConfig.orderPipeline`) that passes accepted orders on, emits resized orders with the new quantity,
 * and drops refused ones (reporting them to `onRefuse`). Synchronous: each order is judged and emitted in the
 * same call, as the engine's order pipeline requires.
 *
 * @example
 * ```ts
 * let ctx: StrategyContext | undefined;
 * const engine = new Engine({
 *   ...config,
 *   strategy: { onStart: (c) => { ctx = c; }, onTimeSlice: decide },
 *   orderPipeline: asOrderOperator(regimeFilter({ feature: 'vix', above: 30 }), strategyGateContext(() => ctx)),
 * });
 * ```
 */
export function asOrderOperator(
  rule: PortfolioRule,
  context: GateContextProvider,
  options: OrderOperatorOptions = {},
): OrderOperator {
  return (orders: Observable<OrderEvent>) =>
    new Observable<OrderEvent>((subscriber) => {
      const snapshots = options.snapshots?.subscribe((s) => rule.onSnapshot?.(s));
      const subscription = orders.subscribe({
        next(order) {
          // A throwing rule must fail the stream, not vanish into RxJS's unhandled-error hook.
          let decision: GateDecision | undefined;
          try {
            const facts = context(order);
            if (facts !== undefined) decision = rule.check({ ...facts, order });
          } catch (err) {
            subscriber.error(err);
            return;
          }
          if (decision === undefined) {
            subscriber.next(order);
            return;
          }
          switch (decision.action) {
            case 'accept':
              subscriber.next(order);
              break;
            case 'resize':
              if (decision.quantity > 0) subscriber.next({ ...order, quantity: decision.quantity });
              else options.onRefuse?.(order, decision);
              break;
            case 'reject':
            case 'halt':
              options.onRefuse?.(order, decision);
              break;
            default: {
              const never: never = decision;
              subscriber.error(new TypeError(`unknown gate decision ${JSON.stringify(never)}`));
            }
          }
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      });
      return () => {
        subscription.unsubscribe();
        snapshots?.unsubscribe();
      };
    });
}
