import { z } from 'zod';
import { pluginRefSchema } from './plugin-ref-schema.js';

const fraction = (what: string) => z.number().gt(0).describe(what);
const basis = z
  .enum(['fill_price', 'signal_close'])
  .optional()
  .meta({ description: 'Price the distance is measured from.', default: 'fill_price' });
const common = {
  name: z.string().min(1).optional().describe("Name recorded on the trade as its exit rule. Default: the rule's name."),
  skipEntryBar: z
    .boolean()
    .optional()
    .meta({ description: 'Never evaluate the rule on the bar the position was opened.', default: false }),
};
const marketFill = z
  .enum(['close', 'nextOpen'])
  .optional()
  .meta({ description: "Fill at this bar's close or the next bar's open.", default: 'close' });
const trailTiming = z
  .enum(['lagged', 'intrabar', 'close_confirmed'])
  .optional()
  .meta({ description: 'When the trailing level is taken and tested.', default: 'lagged' });
const waterMark = z
  .enum(['extreme', 'close'])
  .optional()
  .meta({ description: 'What the water mark follows.', default: 'extreme' });
const path = z
  .enum(['nearest_extreme_first', 'high_first', 'low_first'])
  .optional()
  .meta({ description: "Intrabar path for timing 'intrabar'.", default: 'nearest_extreme_first' });
const volatility = {
  ...common,
  multiple: fraction('The multiple k of the volatility (2 = 2 × ATR).'),
  feature: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Per-symbol feature holding the volatility.', default: 'atr' }),
  measure: z
    .enum(['atr', 'volatility'])
    .optional()
    .meta({ description: 'atr: price units; volatility: a fraction of the price.', default: 'atr' }),
  basis,
  fixedAtEntry: z
    .boolean()
    .optional()
    .meta({ description: 'Fix the distance at the first bar with a finite feature value.', default: true }),
};

const builtInPositionRuleSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('stop-loss'),
      ...common,
      percent: fraction('Distance as a fraction of the basis price (0.05 = 5 %).').optional(),
      amount: fraction('Distance in price units.').optional(),
      basis,
    })
    .describe('Fixed stop loss (set percent or amount).'),
  z
    .strictObject({
      type: z.literal('take-profit'),
      ...common,
      percent: fraction('Distance as a fraction of the basis price (0.10 = 10 %).').optional(),
      amount: fraction('Distance in price units.').optional(),
      basis,
    })
    .describe('Fixed take profit (set percent or amount).'),
  z
    .strictObject({
      type: z.literal('trailing-stop'),
      ...common,
      percent: fraction('Trail as a fraction of the water mark (0.03 = 3 %).').optional(),
      amount: fraction('Trail in price units.').optional(),
      timing: trailTiming,
      waterMark,
      path,
    })
    .describe('Trailing stop (set percent or amount).'),
  z
    .strictObject({
      type: z.literal('dynamic-trailing-stop'),
      ...common,
      tighten: z.enum(['bars', 'profit']).optional().meta({ description: 'What tightens the trail.', default: 'bars' }),
      initial: fraction("Trail on the entry bar (fraction); required for tighten 'bars'.").optional(),
      perBar: z.number().min(0).optional().meta({ description: 'Trail removed per bar held.', default: 0.001 }),
      minimum: z.number().min(0).optional().meta({ description: 'Floor of the trail.', default: 0.005 }),
      schedule: z
        .array(
          z.strictObject({
            profit: z.number().min(0).describe('Peak gain (fraction of the basis) from which the step applies.'),
            trail: fraction('Trail (fraction of the water mark) from this gain on.'),
          }),
        )
        .optional()
        .describe("Steps for tighten 'profit', by ascending profit."),
      basis,
      timing: trailTiming,
      waterMark,
      path,
    })
    .describe('A trailing stop that tightens with bars held or with profit.'),
  z
    .strictObject({ type: z.literal('volatility-stop'), ...volatility })
    .describe('Stop at multiple × volatility (e.g. ATR from the features) from the basis.'),
  z
    .strictObject({ type: z.literal('volatility-take-profit'), ...volatility })
    .describe('Take profit at multiple × volatility from the basis.'),
  z
    .strictObject({
      type: z.literal('break-even-stop'),
      ...common,
      activation: fraction('Gain (fraction) the water mark must reach to arm the stop.'),
      offset: z.number().min(0).optional().meta({ description: 'Gain locked in above the basis.', default: 0 }),
      basis,
    })
    .describe('Move the stop to the entry price once a gain is reached.'),
  z
    .strictObject({
      type: z.literal('time-exit'),
      ...common,
      maxBars: z.int().min(0).optional().describe('Exit after this many bars held.'),
      maxDurationMs: z.number().gt(0).optional().describe('Exit on the first bar this many ms after entry.'),
      fill: marketFill,
    })
    .describe('Exit after a holding period (set maxBars or maxDurationMs).'),
  z
    .strictObject({
      type: z.literal('signal-exit'),
      ...common,
      feature: z.string().min(1).describe('Feature to watch (e.g. score).'),
      scope: z
        .enum(['symbol', 'market'])
        .optional()
        .meta({ description: "The position's own feature, or a market-wide series.", default: 'symbol' }),
      long: z
        .strictObject({ below: z.number().optional(), above: z.number().optional() })
        .optional()
        .describe('When to exit longs.'),
      short: z
        .strictObject({ below: z.number().optional(), above: z.number().optional() })
        .optional()
        .describe('When to exit shorts. Default: the mirror of long.'),
      fill: marketFill,
    })
    .describe('Exit when a feature crosses a threshold.'),
  z
    .strictObject({
      type: z.literal('scaled-exit'),
      ...common,
      targets: z
        .array(
          z.strictObject({
            percent: fraction('Gain from the basis (0.05 = +5 %).'),
            fraction: z.number().gt(0).max(1).describe('Share of the original size to close at this level.'),
          }),
        )
        .min(1)
        .describe('Levels by ascending percent; fractions sum to at most 1.'),
      basis,
      quantityStep: z
        .number()
        .min(0)
        .optional()
        .meta({ description: 'Round partial quantities down to this.', default: 1 }),
    })
    .describe('Scale out at profit targets.'),
]);

/**
 * One entry of `risk.position`: a position rule of `@ml4t/risk`, selected by `type` with that factory's
 * options, or a plugin `{ module, export, options }` returning a `PositionRule`.
 */
export const positionRuleSchema = z.union([builtInPositionRuleSchema, pluginRefSchema]);

/** A parsed `risk.position` entry. */
export type PositionRuleConfig = z.output<typeof positionRuleSchema>;
