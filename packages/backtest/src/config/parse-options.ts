import type { z } from 'zod';
import { configErrorFromZod } from './config-error-from-zod.js';

/**
 * Validates `input` against `schema` and returns the parsed value with defaults applied.
 *
 * @param path - Key path of `input` in the configuration (`strategy.params`); prefixes every error path.
 * @throws ConfigError naming the key path of the first invalid value.
 */
export function parseOptions<T extends z.ZodType>(schema: T, input: unknown, path: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  return throwConfigError(result.error.issues, path);
}

function throwConfigError(issues: readonly z.core.$ZodIssue[], path: string): never {
  throw configErrorFromZod(issues, path === '' ? [] : path.split('.'));
}
