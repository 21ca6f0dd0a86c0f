import { z } from 'zod';
import { portfolioRuleSchema } from './portfolio-rule-schema.js';
import { positionRuleSchema } from './position-rule-schema.js';

/** `risk`: position rules (per-position exits) and portfolio rules (order gates) of `@ml4t/risk`, or plugins. */
export const riskSchema = z.strictObject({
  position: z
    .array(positionRuleSchema)
    .default([])
    .describe('Per-position exit rules, evaluated every bar in this order; the first exit wins.'),
  portfolio: z.array(portfolioRuleSchema).default([]).describe('Order gates, applied to every order in this order.'),
});

/** A parsed `risk` section. */
export type RiskSection = z.output<typeof riskSchema>;
