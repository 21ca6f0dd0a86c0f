import type { BarView, ExitAction, PositionAction, PositionRule, PositionRuleInput } from '@ml4t/core';
import { nonEmpty, oneOf } from '../internal/validate.js';
import { ChildInput } from './child-input.js';
import { positionRuleList } from './validate-rules.js';

/** Options of {@link anyOf}. */
export interface AnyOfOptions {
  /** @defaultValue 'anyOf' */
  readonly name?: string;
  /**
   * Which exit wins when several rules exit on the same bar, by the price each would fill at on this bar
   * (stop: the level or the worse open; limit: the level or the better open; close and next-open: the close).
   * `pessimistic` takes the worst price for the position (as the engine's bracket default does),
   * `optimistic` the best; ties keep list order. @defaultValue 'pessimistic'
   */
  readonly prefer?: 'pessimistic' | 'optimistic';
}

/**
 * Any-of: exits when at least one rule exits; when several do on the same bar, the one with the worst (or best)
 * estimated fill wins. Every rule is evaluated each bar. The winning exit is returned unchanged.
 *
 * @example
 * ```ts
 * anyOf([volatilityStop({ multiple: 2 }), trailingStop({ percent: 0.05 })]);
 * ```
 */
export function anyOf(rules: readonly PositionRule[], options: AnyOfOptions = {}): PositionRule {
  const list = positionRuleList('anyOf.rules', rules);
  const sign =
    oneOf('anyOf.prefer', options.prefer ?? 'pessimistic', ['pessimistic', 'optimistic']) === 'pessimistic' ? 1 : -1;
  const child = new ChildInput();
  return {
    name: nonEmpty('anyOf.name', options.name ?? 'anyOf'),
    evaluate(input: PositionRuleInput): PositionAction {
      const states = child.load(input, list.length);
      const d = input.position.quantity > 0 ? 1 : -1;
      let winner: ExitAction | undefined;
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < list.length; i++) {
        child.state = states[i] as Record<string, unknown>;
        const action = (list[i] as PositionRule).evaluate(child);
        if (action === undefined) continue;
        // Smaller score = preferred: the position's value per unit, signed for pessimism.
        const score = sign * d * estimatedFill(action, input.bar, d);
        if (score < best) {
          best = score;
          winner = action;
        }
      }
      return winner;
    },
  };
}

/** The price `action` would fill at on `bar` (before costs), for ranking simultaneous exits. @internal */
export function estimatedFill(action: ExitAction, bar: BarView, d: 1 | -1): number {
  const open = bar.open;
  switch (action.trigger) {
    case 'stop':
      return d * (open - action.price) < 0 ? open : action.price;
    case 'limit':
      return d * (open - action.price) > 0 ? open : action.price;
    case 'close':
    case 'nextOpen':
      return bar.close;
    default: {
      const never: never = action.trigger;
      throw new TypeError(`unknown exit trigger ${String(never)}`);
    }
  }
}
