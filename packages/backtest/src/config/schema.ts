import { z } from 'zod';
import { PROFILE_NAMES } from '../profiles/profiles.js';
import { dataSchema } from './data-schema.js';
import { engineSchema } from './engine-schema.js';
import { executionSchema } from './execution-schema.js';
import { instrumentsSchema } from './instruments-schema.js';
import { metricsSchema } from './metrics-schema.js';
import { outputSchema } from './output-schema.js';
import { riskSchema } from './risk-schema.js';
import { strategySchema } from './strategy-schema.js';

/**
 * The one schema of an ml4t-backtest configuration file (YAML or JSON): every knob, with its default. Objects
 * are strict, so an unknown or misspelt key is an error that names its path. Exported as JSON Schema in
 * `@ml4t/backtest/schema/ml4t-backtest.schema.json` for editor completion.
 *
 * Sections: `data` (prices, features, market series, or a synthetic market), `instruments`, `strategy`, `execution`
 * (`SimulatedBroker` knobs and cost models), `risk` (position and portfolio rules), `engine` (event-loop knobs and
 * trade context), `metrics` (annualisation, risk-free rate), `output` (export directory and formats), plus `profile` (a framework profile whose knob values
 * apply wherever the file sets none) and `initialCash`.
 */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    name: z.string().min(1).optional().describe('A name for the run, shown in the report.'),
    profile: z
      .enum(PROFILE_NAMES as [string, ...string[]])
      .optional()
      .describe('Framework profile: a named set of execution and engine knob values (explicit values win).'),
    initialCash: z.number().positive().default(100_000).describe('Starting cash in the account currency.'),
    data: dataSchema,
    instruments: instrumentsSchema,
    strategy: strategySchema,
    execution: executionSchema.prefault({}),
    risk: riskSchema.prefault({}),
    engine: engineSchema.prefault({}),
    metrics: metricsSchema.optional(),
    output: outputSchema.prefault({}),
  })
  .describe('ml4t-backtest configuration');

/** A configuration as written in a file (defaults not yet applied). */
export type BacktestConfigInput = z.input<typeof configSchema>;
/** A validated configuration with every default applied. */
export type BacktestConfig = z.output<typeof configSchema>;
