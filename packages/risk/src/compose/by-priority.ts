import {
  ConfigError,
  type ExitAction,
  type PositionAction,
  type PositionRule,
  type PositionRuleInput,
} from '@ml4t/core';
import { finite, nonEmpty } from '../internal/validate.js';
import { ChildInput } from './child-input.js';
import type { CompositeOptions } from './composite-options.js';
import { positionRuleList } from './validate-rules.js';

/** A rule with its priority (higher wins). */
export interface PrioritizedRule {
  readonly rule: PositionRule;
  readonly priority: number;
}

/**
 * Priorities: every rule is evaluated each bar; among those that exit on the same bar, the one with the
 * highest `priority` wins (ties keep list order). The winning exit is returned unchanged.
 *
 * @example
 * ```ts
 * byPriority([
 *   { rule: stopLoss({ percent: 0.05 }), priority: 100 },
 *   { rule: timeExit({ maxBars: 20 }), priority: 10 },
 * ]);
 * ```
 */
export function byPriority(entries: readonly PrioritizedRule[], options: CompositeOptions = {}): PositionRule {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new ConfigError('byPriority.entries', 'non-empty', 'at least one prioritized rule is required');
  }
  const list = positionRuleList(
    'byPriority.entries',
    entries.map((e: PrioritizedRule) => e.rule),
  );
  const priorities = Float64Array.from(entries, (e: PrioritizedRule, i: number) =>
    finite(`byPriority.entries.${i}.priority`, e.priority),
  );
  const child = new ChildInput();
  return {
    name: nonEmpty('byPriority.name', options.name ?? 'byPriority'),
    evaluate(input: PositionRuleInput): PositionAction {
      const states = child.load(input, list.length);
      let winner: ExitAction | undefined;
      let best = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < list.length; i++) {
        child.state = states[i] as Record<string, unknown>;
        const action = (list[i] as PositionRule).evaluate(child);
        const priority = priorities[i] as number;
        if (action !== undefined && (winner === undefined || priority > best)) {
          winner = action;
          best = priority;
        }
      }
      return winner;
    },
  };
}
