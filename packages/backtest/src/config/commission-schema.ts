import { z } from 'zod';
import { pluginRefSchema } from './plugin-ref-schema.js';

const amount = (what: string) => z.number().min(0).describe(what);

const simpleCommissionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }).describe('No commission.'),
  z.strictObject({ type: z.literal('flat'), amount: amount('Dollars per fill.') }).describe('A fixed fee per fill.'),
  z
    .strictObject({ type: z.literal('percentage'), rate: amount('Fraction of trade value (0.001 = 0.1 %).') })
    .describe('A fraction of the trade value (multiplier included).'),
  z
    .strictObject({
      type: z.literal('per-share'),
      rate: amount('Dollars per unit (share or contract).'),
      minimum: amount('Minimum per fill in dollars. Default 0.').optional(),
      maximum: amount('Maximum per fill in dollars. Default none.').optional(),
      maximumPercent: amount('Maximum per fill as a fraction of trade value. Default none.').optional(),
    })
    .describe('Dollars per unit with an optional minimum and maximum.'),
  z
    .strictObject({
      type: z.literal('tiered'),
      tiers: z
        .array(
          z.strictObject({
            from: amount('Lower bound of the fill trade value, in dollars.'),
            rate: amount('Fraction of trade value charged.'),
          }),
        )
        .min(1)
        .describe('Tiers in increasing from order; the first starts at 0.'),
      minimum: amount('Minimum per fill. Default 0.').optional(),
    })
    .describe('A rate by trade-value tier.'),
  z
    .strictObject({
      type: z.literal('maker-taker'),
      maker: amount('Fraction of trade value for fills that add liquidity.'),
      taker: amount('Fraction of trade value for fills that take liquidity.'),
    })
    .describe('Exchange-style maker/taker fees.'),
  z
    .strictObject({
      type: z.literal('ib-fixed'),
      perShare: amount('Default 0.005.').optional(),
      minimum: amount('Default 1.00 per order.').optional(),
      maximumPercent: amount('Default 0.01 (1 % of trade value).').optional(),
    })
    .describe('Interactive Brokers fixed pricing.'),
  z
    .strictObject({
      type: z.literal('ib-tiered'),
      tiers: z
        .array(
          z.strictObject({
            fromShares: amount('Shares traded this month from which the rate applies.'),
            perShare: amount('Dollars per share.'),
          }),
        )
        .optional()
        .describe('Monthly volume tiers. Default: IB US stock tiers.'),
      minimum: amount('Default 0.35 per order.').optional(),
      maximumPercent: amount('Default 0.01.').optional(),
      feesPerShare: amount('Exchange, clearing and regulatory fees per share. Default 0.0002.').optional(),
    })
    .describe('Interactive Brokers tiered pricing (monthly volume tiers).'),
]);

const builtInOrPlugin = z.union([simpleCommissionSchema, pluginRefSchema]);

/**
 * `execution.commission`: a built-in commission model of `@ml4t/execution`, selected by `type` with that
 * factory's options, or a plugin `{ module, export, options }`. `asset-class` picks a model per asset class.
 */
export const commissionSchema = z
  .union([
    simpleCommissionSchema,
    z
      .strictObject({
        type: z.literal('asset-class'),
        models: z
          .partialRecord(z.enum(['equity', 'future', 'fx', 'crypto', 'option', 'etf', 'other']), builtInOrPlugin)
          .describe('A model per asset class.'),
        fallback: builtInOrPlugin.describe('Used for asset classes without a model.'),
      })
      .describe('A commission model per asset class.'),
    pluginRefSchema,
  ])
  .describe('Commission model: dollars charged per fill.');

/** A parsed commission configuration. */
export type CommissionConfig = z.output<typeof commissionSchema>;
/** A parsed non-composite commission configuration (a member of an `asset-class` model). */
export type SimpleCommissionConfig = z.output<typeof builtInOrPlugin>;
