import {
  ACCEPT,
  ConfigError,
  type GateDecision,
  type OrderGateInput,
  type OrderReason,
  type PortfolioRule,
  type PortfolioSnapshot,
} from '@ml4t/core';
import { nonEmpty } from '../internal/validate.js';
import type { CompositeOptions } from './composite-options.js';

/**
 * Runs `rules` in order on one order, exactly as the engine runs `portfolioRules`: a resize feeds the next rule,
 * the first reject or halt wins. Returns `accept`, the final `resize` (with the last resize's reason) or the
 * refusal. @internal
 */
export function runRules(rules: readonly PortfolioRule[], input: OrderGateInput): GateDecision {
  let current = input;
  let lastResize: OrderReason | undefined;
  for (const rule of rules) {
    const decision = rule.check(current);
    switch (decision.action) {
      case 'accept':
        break;
      case 'resize':
        if (!(decision.quantity > 0)) return { action: 'reject', reason: decision.reason };
        lastResize = decision.reason;
        current = { ...current, order: { ...current.order, quantity: decision.quantity } };
        break;
      case 'reject':
      case 'halt':
        return decision;
      default: {
        const never: never = decision;
        throw new TypeError(`unknown gate decision ${JSON.stringify(never)}`);
      }
    }
  }
  return lastResize === undefined ? ACCEPT : { action: 'resize', quantity: current.order.quantity, reason: lastResize };
}

/** Checks that `rules` is a list of portfolio rules. @internal */
export function portfolioRuleList(path: string, rules: readonly PortfolioRule[]): readonly PortfolioRule[] {
  if (!Array.isArray(rules)) throw new ConfigError(path, 'array', 'must be an array of portfolio rules');
  rules.forEach((rule: PortfolioRule, i: number) => {
    if (rule === null || typeof rule !== 'object' || typeof rule.check !== 'function') {
      throw new ConfigError(`${path}.${i}`, 'portfolio-rule', 'must be an object with a check(input) method');
    }
  });
  return [...rules];
}

/**
 * Groups portfolio rules into one: they run in order as the engine runs its `portfolioRules` (a resize feeds
 * the next rule, the first reject or halt wins) and every snapshot reaches each of them. Use it to hand a rule
 * set to {@link regimeSwitch} or to {@link asOrderOperator} as one unit.
 *
 * @example
 * ```ts
 * chainPortfolioRules([maxPositions({ max: 5 }), maxPositionWeight({ max: 0.2 })], { name: 'defensive' });
 * ```
 */
export function chainPortfolioRules(rules: readonly PortfolioRule[], options: CompositeOptions = {}): PortfolioRule {
  const list = portfolioRuleList('chainPortfolioRules.rules', rules);
  return {
    name: nonEmpty('chainPortfolioRules.name', options.name ?? 'chain'),
    check: (input: OrderGateInput): GateDecision => runRules(list, input),
    onSnapshot(snapshot: PortfolioSnapshot): void {
      for (const rule of list) rule.onSnapshot?.(snapshot);
    },
  };
}
