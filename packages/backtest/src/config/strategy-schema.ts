import { z } from 'zod';
import { buyAndHoldOptionsSchema } from '../strategies/buy-and-hold.js';
import { smaCrossoverOptionsSchema } from '../strategies/sma-crossover.js';
import { topNMlOptionsSchema } from '../strategies/top-n-ml.js';
import { pluginRefSchema } from './plugin-ref-schema.js';

const templateSchema = z.discriminatedUnion('template', [
  z.strictObject({
    template: z.literal('sma-crossover'),
    params: smaCrossoverOptionsSchema.prefault({}).describe('Parameters of smaCrossover().'),
  }),
  z.strictObject({
    template: z.literal('top-n-ml'),
    params: topNMlOptionsSchema.prefault({}).describe('Parameters of topNMl().'),
  }),
  z.strictObject({
    template: z.literal('buy-and-hold'),
    params: buyAndHoldOptionsSchema.prefault({}).describe('Parameters of buyAndHold().'),
  }),
]);

/**
 * `strategy`: a built-in template with its parameters (`{ template: top-n-ml, params: { n: 25 } }`) or a module
 * exporting a strategy factory (`{ module: ./my-strategy.js, export: createStrategy, options: {…} }`). The factory
 * is called with `options` and returns a `Strategy` object or an RxJS operator from slices to orders.
 */
export const strategySchema = z
  .union([templateSchema, pluginRefSchema])
  .describe('The strategy: a built-in template (sma-crossover, top-n-ml, buy-and-hold) or a module factory.');

/** A parsed `strategy` section. */
export type StrategyConfig = z.output<typeof strategySchema>;
