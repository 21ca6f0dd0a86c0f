import { z } from 'zod';
import { pluginRefSchema } from './plugin-ref-schema.js';

const rate = (what: string) => z.number().min(0).describe(what);

const simpleSlippageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }).describe('No slippage.'),
  z
    .strictObject({
      type: z.literal('fixed'),
      amount: rate('Price units per unit traded (0.05 = five cents a share).'),
    })
    .describe('A fixed amount per unit, adverse.'),
  z
    .strictObject({ type: z.literal('percentage'), rate: rate('Fraction of the price (0.001 = 10 bp).') })
    .describe('A fraction of the reference price, adverse.'),
  z
    .strictObject({
      type: z.literal('linear-impact'),
      coefficient: rate('Price fraction per unit of participation: coefficient × quantity ÷ bar volume.'),
    })
    .describe('Slippage linear in the participation rate.'),
  z
    .strictObject({
      type: z.literal('square-root-impact'),
      coefficient: rate('Price fraction at 100 % participation: coefficient × √(quantity ÷ bar volume).'),
    })
    .describe('Square-root market impact law.'),
  z
    .strictObject({
      type: z.literal('volume-share'),
      priceImpact: rate('Impact constant. Default 0.1.').optional(),
      volumeLimit: rate('Cap on the volume share used in the formula. Default 0.025.').optional(),
    })
    .describe("Zipline's volume-share slippage."),
  z
    .strictObject({
      type: z.literal('spread-aware'),
      halfSpreadFactor: rate('Fraction of the half-spread paid. Default 1.').optional(),
      fallbackRate: rate('Percentage used when the bar has no bid/ask quotes (0.0005 = 5 bp).'),
    })
    .describe('Pays (part of) the bid/ask half-spread; falls back to a percentage without quotes.'),
  z
    .strictObject({
      type: z.literal('volume-aware'),
      baseRate: rate('Rate paid by any fill (0.0001 = 1 bp).'),
      coefficient: rate('Extra rate per unit of participation.'),
      maxParticipation: rate('Participation used in the formula is capped here. Default 0.1.').optional(),
    })
    .describe('baseRate + coefficient × min(quantity ÷ bar volume, maxParticipation).'),
  z
    .strictObject({
      type: z.literal('order-type'),
      market: rate('Rate for market orders and market-like exits.'),
      limit: rate('Rate for limit orders.'),
      stop: rate('Rate for stop orders.'),
      stopLimit: rate('Rate for stop-limit orders. Default: the limit rate.').optional(),
      trailingStop: rate('Rate for trailing stops. Default: the stop rate.').optional(),
    })
    .describe('A percentage per order type.'),
]);

const builtInOrPlugin = z.union([simpleSlippageSchema, pluginRefSchema]);

/**
 * `execution.slippage`: a built-in slippage model of `@ml4t/execution`, selected by `type` with that factory's
 * options, or a plugin `{ module, export, options }`. `asset-class` picks a model per instrument asset class.
 */
export const slippageSchema = z
  .union([
    simpleSlippageSchema,
    z
      .strictObject({
        type: z.literal('asset-class'),
        models: z
          .partialRecord(z.enum(['equity', 'future', 'fx', 'crypto', 'option', 'etf', 'other']), builtInOrPlugin)
          .describe('A model per asset class.'),
        fallback: builtInOrPlugin.describe('Used for asset classes without a model.'),
      })
      .describe('A slippage model per asset class.'),
    pluginRefSchema,
  ])
  .describe('Slippage model: per-unit price adjustment of every fill, before commission.');

/** A parsed slippage configuration. */
export type SlippageConfig = z.output<typeof slippageSchema>;
/** A parsed non-composite slippage configuration (a member of an `asset-class` model). */
export type SimpleSlippageConfig = z.output<typeof builtInOrPlugin>;
