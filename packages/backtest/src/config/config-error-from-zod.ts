import { ConfigError } from '@ml4t/core';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/**
 * Converts the issues of a failed zod parse into one {@link ConfigError} whose `path` is the dotted key path of
 * the first issue (`execution.slippage.rate`, `risk.position.0.multiple`) and whose message lists every issue,
 * one per line, unknown keys first. An unknown key is reported at its own path (`execution.slipage`), not at its parent.
 *
 * Union issues (a plugin reference or a built-in model) are narrowed to the member the input most likely meant,
 * and a discriminator (`type`, `template`) that matches no member is reported with the allowed values.
 *
 * @param issues - `error.issues` of a failed `safeParse`.
 * @param prefix - Path prepended to every issue (for schemas applied to a sub-tree).
 */
export function configErrorFromZod(issues: readonly Issue[], prefix: readonly PathKey[] = []): ConfigError {
  // Unknown keys first: a misspelt key is usually also the cause of a "required" issue next to it.
  const all = issues.flatMap((issue) => flatten(issue, prefix));
  const flat = [...all.filter((i) => i.rule === 'unknown-key'), ...all.filter((i) => i.rule !== 'unknown-key')];
  const first = flat[0];
  if (first === undefined) return new ConfigError(dotted(prefix), 'invalid', 'invalid configuration');
  const rest = flat.slice(1).map((i) => `\n  ${i.path || '<root>'}: ${i.message}`);
  return new ConfigError(first.path, first.rule, first.message + rest.join(''));
}

interface FlatIssue {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

function flatten(issue: Issue, prefix: readonly PathKey[]): FlatIssue[] {
  const base = [...prefix, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: dotted([...base, key]),
        rule: 'unknown-key',
        message: `unknown key '${key}'`,
      }));
    case 'invalid_union': {
      if (issue.errors.length === 0 && 'options' in issue && Array.isArray(issue.options)) {
        // A discriminated union whose discriminator (`type`, `template`) matched no member.
        const options = (issue.options as unknown[]).map((o) => JSON.stringify(o)).join(', ');
        return [{ path: dotted(base), rule: 'enum', message: `must be one of ${options}` }];
      }
      const branch = pickBranch(issue.errors);
      if (branch === undefined) return [{ path: dotted(base), rule: 'invalid', message: issue.message }];
      return branch.flatMap((i) => flatten(i, base));
    }
    case 'invalid_type':
      return [
        {
          path: dotted(base),
          rule: 'type',
          message: issue.input === undefined ? `is required (${issue.expected})` : issue.message,
        },
      ];
    case 'invalid_value':
      return [
        {
          path: dotted(base),
          rule: 'enum',
          message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        },
      ];
    case 'too_small':
      return [{ path: dotted(base), rule: 'min', message: issue.message }];
    case 'too_big':
      return [{ path: dotted(base), rule: 'max', message: issue.message }];
    default:
      return [
        {
          path: dotted(base),
          rule: issue.code === 'custom' ? 'invalid' : issue.code.replace(/_/g, '-'),
          message: issue.message,
        },
      ];
  }
}

/**
 * The union member the input most likely meant: the one whose issues suggest the fewest wrong guesses. Keys the
 * member does not know (the input wrote them for another member), required keys the input lacks and a
 * mismatched discriminator literal weigh most; ordinary value errors least.
 */
function pickBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestPenalty = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    if (branch.length === 0) continue;
    const p = penalty(branch);
    if (p < bestPenalty) {
      best = branch;
      bestPenalty = p;
    }
  }
  return best;
}

function penalty(issues: readonly Issue[]): number {
  let total = 0;
  for (const issue of issues) {
    const atRoot = issue.path.length <= 1;
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) total += 10 * issue.keys.length;
    else if (issue.code === 'invalid_value' && issue.values.length === 1 && atRoot) total += 8;
    else if (issue.code === 'invalid_type' && atRoot && issue.message.endsWith('received undefined')) total += 5;
    else if (issue.code === 'invalid_union' && issue.errors.length === 0) total += 3;
    else total += 1;
  }
  return total;
}

/** `['execution', 'slippage', 'rate']` → `execution.slippage.rate`. */
function dotted(path: readonly PathKey[]): string {
  return path.map((p) => String(p)).join('.');
}
