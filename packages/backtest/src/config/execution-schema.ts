import { z } from 'zod';
import { commissionSchema } from './commission-schema.js';
import { pluginRefSchema } from './plugin-ref-schema.js';
import { slippageSchema } from './slippage-schema.js';

/** `execution.account`: the account policy of `@ml4t/execution`. */
export const accountSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('cash'),
        allowShorts: z
          .boolean()
          .optional()
          .meta({ description: 'Allow short sales whose proceeds are added to cash (backtrader).', default: false }),
      })
      .describe('Cash account: no leverage; no shorts unless allowShorts.'),
    z
      .strictObject({
        type: z.literal('margin'),
        initialMargin: z
          .number()
          .gt(0)
          .max(1)
          .optional()
          .meta({ description: 'Initial margin as a fraction of gross exposure (0.5 = Reg-T).', default: 0.5 }),
        maintenanceMargin: z
          .number()
          .gt(0)
          .max(1)
          .optional()
          .meta({ description: 'Maintenance margin; below it positions are liquidated.', default: 0.25 }),
      })
      .describe('Margin account with shorting and leverage.'),
    z.strictObject({ type: z.literal('crypto') }).describe('Crypto-exchange account: shorts allowed, no leverage.'),
  ])
  .describe('Account policy.');

/** `execution.impact`: a market impact model with memory, recorded apart from slippage. */
export const impactSchema = z
  .union([
    z
      .strictObject({
        type: z.literal('almgren-chriss'),
        temporary: z.number().min(0).describe('Temporary impact coefficient η.'),
        permanent: z.number().min(0).describe('Permanent impact coefficient γ.'),
        exponent: z.number().gt(0).optional().meta({ description: 'Exponent of the temporary term.', default: 1 }),
        halfLifeBars: z
          .number()
          .gt(0)
          .optional()
          .meta({ description: 'Half-life of the permanent displacement, in bars.', default: 10 }),
      })
      .describe('Almgren-Chriss temporary + decaying permanent impact.'),
    pluginRefSchema,
  ])
  .describe('Market impact model.');

const knob = <T extends z.ZodType>(schema: T, description: string, defaultValue: unknown) =>
  schema.optional().meta({ description, default: defaultValue });

/**
 * `execution`: every knob of `SimulatedBroker` (`ExecutionConfig` in `@ml4t/execution`), under the same names and
 * values. Knobs left out take the profile's value, then the execution package's default (shown as `default`).
 */
export const executionSchema = z.strictObject({
  fillTiming: knob(
    z.enum(['next_bar', 'same_bar', 'next_close']),
    "When market orders fill: the next bar's open, the close of the bar they were decided on, or the next bar's close.",
    'next_bar',
  ),
  orderPriority: knob(
    z.enum(['exit_first', 'fifo', 'sequential']),
    'Order in which eligible orders are tried on a bar.',
    'exit_first',
  ),
  intrabarPath: knob(
    z.enum(['nearest_extreme_first', 'high_first', 'low_first']),
    'Assumed price path inside an OHLC bar.',
    'nearest_extreme_first',
  ),
  bracketConflict: knob(
    z.enum(['pessimistic', 'path']),
    'Which one-cancels-other member fills when one bar triggers several.',
    'pessimistic',
  ),
  stopFillMode: knob(
    z.enum(['stop_price', 'close', 'bar_extreme', 'next_bar_open']),
    'Price of a triggered stop (stop orders, trailing stops, stop-type risk exits).',
    'stop_price',
  ),
  trailingUpdate: knob(
    z.enum(['close', 'high_low']),
    "How trailing stops ratchet: on each bar's close, or along the intrabar path.",
    'close',
  ),
  shareType: knob(
    z.enum(['integer', 'fractional']),
    'Whole units (rounded down) or fractional quantities (added to 15 significant digits: 0.1 + 0.2 bought sells as 0.3).',
    'fractional',
  ),
  cashCheck: knob(
    z.enum(['fill', 'submission_running']),
    "Check cash only at fill, or also backtrader's running check at submission.",
    'fill',
  ),
  slippage: slippageSchema.optional(),
  stopSlippage: slippageSchema
    .optional()
    .describe('Slippage of stop and trailing-stop fills. Default: the slippage model.'),
  commission: commissionSchema.optional(),
  account: accountSchema.optional(),
  volumeLimit: z
    .strictObject({
      maxParticipation: z.number().gt(0).max(1).describe("Fraction of the bar's volume a symbol's fills may take."),
    })
    .optional()
    .describe('Volume participation cap with multi-bar partial fills. Default: none.'),
  impact: impactSchema.optional(),
  settlementDelayBars: knob(z.int().min(0), 'Sale proceeds become spendable this many bars later.', 0),
  settlementDelayDays: knob(z.int().min(0), 'Sale proceeds become spendable this many calendar days later.', 0),
  capSlippageToBar: knob(z.boolean(), "Cut a slipped price outside the bar's range to the bar (backtrader).", false),
});

/** A parsed `execution` section. */
export type ExecutionSection = z.output<typeof executionSchema>;
