import { z } from 'zod';

/** `instruments`: static facts per symbol (`InstrumentSpec` of `@ml4t/core`); symbols not listed use the defaults. */
export const instrumentsSchema = z
  .record(
    z.string().min(1),
    z.strictObject({
      multiplier: z.number().gt(0).optional().meta({ description: 'Contract multiplier.', default: 1 }),
      tickSize: z
        .number()
        .min(0)
        .optional()
        .meta({ description: 'Price increment fills round to (0 = none).', default: 0 }),
      lotSize: z
        .number()
        .min(0)
        .optional()
        .meta({ description: 'Quantity increment orders round down to (0 = none).', default: 0 }),
      assetClass: z
        .enum(['equity', 'future', 'fx', 'crypto', 'option', 'etf', 'other'])
        .optional()
        .meta({ description: 'Asset class, for asset-class cost models and accounts.', default: 'equity' }),
      sector: z.string().min(1).optional().describe('Sector label, for sector exposure rules.'),
    }),
  )
  .default({})
  .describe('Instrument specs by symbol (multiplier, tick and lot size, asset class, sector).');
