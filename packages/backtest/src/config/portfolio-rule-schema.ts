import { z } from 'zod';
import { pluginRefSchema } from './plugin-ref-schema.js';

const name = z
  .string()
  .min(1)
  .optional()
  .describe("Rule name, recorded as the source of its decisions. Default: the rule's name.");
const sizing = {
  name,
  onBreach: z
    .enum(['resize', 'reject'])
    .optional()
    .meta({ description: 'Shrink a breaching order to the largest size that fits, or refuse it.', default: 'resize' }),
  quantityStep: z
    .number()
    .min(0)
    .optional()
    .meta({ description: 'Round resized quantities down to this.', default: 1 }),
};
const scope = z
  .enum(['market', 'symbol'])
  .optional()
  .meta({ description: 'A market-wide series, or the order symbol’s own feature.', default: 'market' });
const exposure = {
  ...sizing,
  max: z.number().gt(0).describe('The limit: a fraction of equity (1 = 100 %), or money with unit currency.'),
  unit: z.enum(['equity', 'currency']).optional().meta({ description: 'Unit of max.', default: 'equity' }),
};

const simplePortfolioRuleSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('max-positions'),
      name,
      max: z.int().min(1).describe('Most positions open at once.'),
      countSameBarEntries: z
        .boolean()
        .optional()
        .meta({ description: 'Count entries accepted at the same timestamp against the limit.', default: true }),
    })
    .describe('Limit the number of open positions.'),
  z.strictObject({ type: z.literal('max-gross-exposure'), ...exposure }).describe('Cap Σ |position value|.'),
  z.strictObject({ type: z.literal('max-net-exposure'), ...exposure }).describe('Cap |Σ position value|.'),
  z
    .strictObject({
      type: z.literal('max-position-weight'),
      ...sizing,
      max: z.number().gt(0).describe('Largest |position value| of one symbol as a fraction of equity.'),
    })
    .describe('Cap the weight of one position.'),
  z
    .strictObject({
      type: z.literal('max-leverage'),
      ...sizing,
      max: z.number().gt(0).describe('Largest gross exposure ÷ equity after the order.'),
    })
    .describe('Cap leverage.'),
  z
    .strictObject({
      type: z.literal('sector-exposure'),
      ...sizing,
      max: z.number().gt(0).describe('Largest Σ |position value| of one sector as a fraction of equity.'),
      sectors: z
        .record(z.string(), z.string())
        .optional()
        .describe('Sector by symbol (else instruments.<symbol>.sector).'),
      unknownSector: z
        .enum(['accept', 'reject'])
        .optional()
        .meta({ description: 'Entries in symbols without a sector.', default: 'accept' }),
    })
    .describe('Cap the exposure of each sector.'),
  z
    .strictObject({
      type: z.literal('max-drawdown-halt'),
      name,
      max: z.number().gt(0).max(1).describe('Drawdown from the peak that halts new entries (0.2 = 20 %).'),
      resumeBelow: z.number().min(0).optional().describe('Resume once the drawdown is back to at most this.'),
      resumeAfterBars: z.int().min(1).optional().describe('Resume this many timestamps after the halt.'),
    })
    .describe('Halt new entries in a drawdown.'),
  z
    .strictObject({
      type: z.literal('daily-loss-limit'),
      name,
      max: z.number().gt(0).optional().describe("Largest loss in one day as a fraction of the day's starting equity."),
      maxAmount: z.number().gt(0).optional().describe('Largest loss in one day in currency.'),
      utcOffsetMinutes: z.int().optional().meta({ description: 'Offset of the trading day from UTC.', default: 0 }),
    })
    .describe('Halt new entries for the rest of a day after a loss.'),
  z
    .strictObject({
      type: z.literal('regime-filter'),
      name,
      feature: z.string().min(1).describe('Feature name (e.g. vix).'),
      scope,
      above: z.number().optional().describe('Regime on while the value is strictly above this.'),
      below: z.number().optional().describe('Regime on while the value is strictly below this.'),
      block: z
        .enum(['long', 'short', 'all'])
        .optional()
        .meta({ description: 'Which new entries the regime blocks.', default: 'long' }),
      whenMissing: z
        .enum(['accept', 'reject'])
        .optional()
        .meta({ description: 'What to do when the feature has no value.', default: 'accept' }),
    })
    .describe('No new entries while a feature is in a regime (e.g. VIX above 30).'),
]);

const simpleOrPlugin = z.union([simplePortfolioRuleSchema, pluginRefSchema]);

/**
 * One entry of `risk.portfolio`: a portfolio rule of `@ml4t/risk`, selected by `type` with that factory's
 * options, or a plugin `{ module, export, options }` returning a `PortfolioRule`. `regime-switch` picks a list
 * of rules by the value of a feature.
 */
export const portfolioRuleSchema = z.union([
  simplePortfolioRuleSchema,
  z
    .strictObject({
      type: z.literal('regime-switch'),
      name,
      feature: z.string().min(1).describe('Feature that names the regime (e.g. vix).'),
      scope,
      breakpoints: z.array(z.number()).min(1).describe('Ascending cut points between regimes.'),
      sets: z.array(z.array(simpleOrPlugin)).min(2).describe('One rule list per regime (breakpoints + 1 lists).'),
      whenMissing: z.array(simpleOrPlugin).optional().describe('Rules used while the feature has no value.'),
    })
    .describe('Apply a different rule list per regime.'),
  pluginRefSchema,
]);

/** A parsed `risk.portfolio` entry. */
export type PortfolioRuleConfig = z.output<typeof portfolioRuleSchema>;
/** A parsed non-composite `risk.portfolio` entry. */
export type SimplePortfolioRuleConfig = z.output<typeof simpleOrPlugin>;
