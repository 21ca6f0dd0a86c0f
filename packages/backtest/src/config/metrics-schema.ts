import { z } from 'zod';

/** `metrics`: how `@ml4t/results` computes the metrics and the report (`MetricsOptions`). */
export const metricsSchema = z.strictObject({
  periodsPerYear: z
    .union([z.number().gt(0), z.literal('infer')])
    .optional()
    .meta({ description: "Bars per year for annualising, or 'infer' from the bar spacing.", default: 252 }),
  riskFreeRate: z
    .number()
    .optional()
    .meta({ description: 'Annual risk-free rate as a fraction (0.02 = 2 %).', default: 0 }),
  targetReturn: z
    .number()
    .optional()
    .describe('Annual minimum acceptable return of the Sortino ratio. Default: the risk-free rate.'),
  includeOpenTrades: z
    .boolean()
    .optional()
    .meta({ description: 'Count trades still open at the end in the trade statistics.', default: false }),
});
