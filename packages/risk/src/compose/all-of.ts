import type { ExitAction, ExitReason, PositionAction, PositionRule, PositionRuleInput } from '@ml4t/core';
import { nonEmpty, optionsObject } from '../internal/validate.js';
import { exitAction } from '../position/exit-at-level.js';
import { ChildInput } from './child-input.js';
import { positionRuleList } from './validate-rules.js';

/** Options of {@link allOf}. */
export interface AllOfOptions {
  /** Name recorded on the trade. @defaultValue the first rule's exit name */
  readonly name?: string;
  /** Exit reason recorded on the trade. @defaultValue the first rule's exit reason */
  readonly reason?: ExitReason;
}

/**
 * All-of: exits only on a bar where every rule exits (e.g. "held 10 bars *and* the score turned negative").
 * Every rule is evaluated each bar. The exit executed is the first rule's (its trigger, price and quantity),
 * with `reason` and `name` overriding the recorded cause when given.
 *
 * @example
 * ```ts
 * allOf([timeExit({ maxBars: 10 }), signalExit({ feature: 'score', long: { below: 0 } })], {
 *   name: 'staleAndBearish',
 * });
 * ```
 */
export function allOf(rules: readonly PositionRule[], options: AllOfOptions = {}): PositionRule {
  const list = positionRuleList('allOf.rules', rules);
  optionsObject('allOf', options);
  const name = options.name === undefined ? undefined : nonEmpty('allOf.name', options.name);
  const reason = options.reason;
  const child = new ChildInput();
  return {
    name: name ?? 'allOf',
    evaluate(input: PositionRuleInput): PositionAction {
      const states = child.load(input, list.length);
      let first: ExitAction | undefined;
      let all = true;
      for (let i = 0; i < list.length; i++) {
        child.state = states[i] as Record<string, unknown>;
        const action = (list[i] as PositionRule).evaluate(child);
        if (action === undefined) all = false;
        else if (i === 0) first = action;
      }
      if (!all || first === undefined) return undefined;
      if (name === undefined && reason === undefined) return first;
      return exitAction(first.trigger, first.price, reason ?? first.reason, name ?? first.rule, first.quantity);
    },
  };
}
