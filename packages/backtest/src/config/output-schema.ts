import { z } from 'zod';

/** `output`: where and in which formats `ml4t-backtest run` writes its results. */
export const outputSchema = z.strictObject({
  dir: z
    .string()
    .min(1)
    .default('./out')
    .describe('Output directory, relative to the config file (the --out option overrides it).'),
  formats: z
    .array(z.enum(['csv', 'json', 'parquet']))
    .min(1)
    .default(['csv', 'json'])
    .describe('Export formats of trades, fills, equity and metrics.'),
  report: z.boolean().default(true).describe('Write the HTML report (report.html).'),
});
