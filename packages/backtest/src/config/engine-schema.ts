import { z } from 'zod';

/** `engine.tradeContext`: which features are recorded on every trade at entry and exit. */
const tradeContextSchema = z.strictObject({
  score: z.string().min(1).optional().describe("Per-symbol feature recorded as the trade's score (e.g. score)."),
  features: z.array(z.string().min(1)).optional().describe('Further per-symbol features to record.'),
  market: z.array(z.string().min(1)).optional().describe('Market-wide features to record (e.g. [vix]).'),
});

/** `engine`: knobs of the core event loop (see `EngineConfig` in `@ml4t/core`). */
export const engineSchema = z.strictObject({
  blockReentryAfterExit: z
    .boolean()
    .optional()
    .describe('After a risk exit on a bar, refuse a new entry for that symbol on the same bar. Default true.'),
  riskOnEntryBar: z
    .boolean()
    .optional()
    .describe('Evaluate position rules on the bar a position was opened (after the open). Default true.'),
  tradeContext: tradeContextSchema.optional(),
  progressEvery: z.int().min(1).default(100).describe('Report progress every this many timestamps.'),
});
