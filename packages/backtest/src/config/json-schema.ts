import { z } from 'zod';
import { configSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of configuration files, generated from {@link configSchema}: input form, so keys
 * with defaults are optional and show their `default`. Point `$schema` (or your editor's YAML schema setting)
 * at `@ml4t/backtest/schema/ml4t-backtest.schema.json` for completion and inline validation.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://github.com/ml4t/ml4t-backtest-ts/packages/backtest/schema/ml4t-backtest.schema.json',
    title: 'ml4t-backtest configuration',
  };
}
