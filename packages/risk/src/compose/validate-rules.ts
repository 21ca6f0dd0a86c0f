import { ConfigError, type PositionRule } from '@ml4t/core';

/** Checks that `rules` is a non-empty list of position rules. @internal */
export function positionRuleList(path: string, rules: readonly PositionRule[]): readonly PositionRule[] {
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new ConfigError(path, 'non-empty', 'at least one position rule is required');
  }
  rules.forEach((rule: PositionRule, i: number) => {
    if (rule === null || typeof rule !== 'object' || typeof rule.evaluate !== 'function') {
      throw new ConfigError(`${path}.${i}`, 'position-rule', 'must be an object with an evaluate(input) method');
    }
  });
  return [...rules];
}
