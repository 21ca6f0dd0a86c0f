import type { ExitAction, PositionRule, PositionRuleInput } from '@ml4t/core';
import { Observable, type OperatorFunction } from 'rxjs';

/**
 * The stream form of a position rule: maps a stream of {@link PositionRuleInput}s (one per open position and
 * bar, each carrying that position's own `state`) to the exits the rule decides, skipping bars without one.
 * For custom risk pipelines, live trading or inspecting a rule outside the engine.
 *
 * @example
 * ```ts
 * inputs$.pipe(positionRuleOperator(stopLoss({ percent: 0.05 }))).subscribe((exit) => broker.exit(exit));
 * ```
 */
export function positionRuleOperator(rule: PositionRule): OperatorFunction<PositionRuleInput, ExitAction> {
  return (inputs: Observable<PositionRuleInput>) =>
    new Observable<ExitAction>((subscriber) =>
      inputs.subscribe({
        next(input) {
          let action: ExitAction | undefined;
          try {
            action = rule.evaluate(input);
          } catch (err) {
            subscriber.error(err);
            return;
          }
          if (action !== undefined) subscriber.next(action);
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      }),
    );
}
