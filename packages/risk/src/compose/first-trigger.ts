import type { ExitAction, PositionAction, PositionRule, PositionRuleInput } from '@ml4t/core';
import { nonEmpty } from '../internal/validate.js';
import { ChildInput } from './child-input.js';
import type { CompositeOptions } from './composite-options.js';
import { positionRuleList } from './validate-rules.js';

/**
 * A first-trigger chain: every rule is evaluated each bar (so stateful rules stay current) and the first one in
 * list order that exits wins. The winning rule's exit (its reason, trigger, price and name) is returned
 * unchanged, so the trade records the real cause. Each child keeps its own per-position state.
 *
 * This is what the engine does with `positionRules`; use it to nest a group inside another composite.
 *
 * @example
 * ```ts
 * firstTrigger([stopLoss({ percent: 0.05 }), takeProfit({ percent: 0.1 })]);
 * ```
 */
export function firstTrigger(rules: readonly PositionRule[], options: CompositeOptions = {}): PositionRule {
  const list = positionRuleList('firstTrigger.rules', rules);
  const child = new ChildInput();
  return {
    name: nonEmpty('firstTrigger.name', options.name ?? 'firstTrigger'),
    evaluate(input: PositionRuleInput): PositionAction {
      const states = child.load(input, list.length);
      let winner: ExitAction | undefined;
      for (let i = 0; i < list.length; i++) {
        child.state = states[i] as Record<string, unknown>;
        const action = (list[i] as PositionRule).evaluate(child);
        if (winner === undefined && action !== undefined) winner = action;
      }
      return winner;
    },
  };
}
