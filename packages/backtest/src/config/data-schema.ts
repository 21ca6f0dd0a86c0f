import { z } from 'zod';

const columnNames = z
  .strictObject({
    timestamp: z.string().min(1).optional(),
    symbol: z.string().min(1).optional(),
    open: z.string().min(1).optional(),
    high: z.string().min(1).optional(),
    low: z.string().min(1).optional(),
    close: z.string().min(1).optional(),
    volume: z.string().min(1).optional(),
    bid: z.string().min(1).optional(),
    ask: z.string().min(1).optional(),
    bidSize: z.string().min(1).optional(),
    askSize: z.string().min(1).optional(),
  })
  .describe('Column names in the price files, where they differ from the automatic matching (date, ticker, …).');

/** `data.validation`: the data validation of `@ml4t/feeds` (`ValidationOptions`). */
const validationSchema = z
  .strictObject({
    policy: z.enum(['error', 'drop', 'repair']).optional().meta({
      description: 'What to do with an invalid bar: fail, drop the row, or repair what can be.',
      default: 'error',
    }),
    suspicious: z.enum(['warn', 'error', 'ignore']).optional().meta({
      description: 'Gaps and jumps: report as warnings, treat as errors, or skip the check.',
      default: 'warn',
    }),
    maxGapMs: z
      .number()
      .gt(0)
      .optional()
      .meta({ description: 'Bars of one symbol further apart than this (ms) are a gap.', default: 604_800_000 }),
    maxJump: z
      .number()
      .gt(0)
      .optional()
      .meta({ description: 'An open or close this fraction away from the previous close is a jump.', default: 0.5 }),
    maxIssues: z
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Issues kept per list (counts stay exact).', default: 1000 }),
  })
  .describe('Data validation (timestamps, duplicates, OHLC consistency, gaps, price and volume sanity).');

const pathOrPaths = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const positive = (description: string, defaultValue: number) =>
  z.number().gt(0).optional().meta({ description, default: defaultValue });
const probability = (description: string, defaultValue: number) =>
  z.number().min(0).max(1).optional().meta({ description, default: defaultValue });

/**
 * `data.synthetic`: a market from `@ml4t/feeds`' generator (`generateMarket`), reproducible from its seed:
 * correlated symbols with calm and stressed regimes, an ML `score` feature per symbol per bar with a known
 * information coefficient, and a market-wide `vix` series. Keys are `MarketOptions`.
 */
const syntheticSchema = z
  .strictObject({
    symbols: z.int().min(1).optional().meta({ description: 'Number of symbols (S000, S001, …).', default: 10 }),
    bars: z.int().min(1).optional().meta({ description: 'Bars per symbol.', default: 252 }),
    seed: z
      .int()
      .optional()
      .meta({ description: 'Random seed: equal seeds and options give identical markets.', default: 42 }),
    start: z.iso.date().optional().meta({
      description: 'First day (ISO date); bars start at the first session on or after it.',
      default: '2000-01-03',
    }),
    frequency: z
      .enum(['daily', 'minute'])
      .optional()
      .meta({ description: 'One bar per session, or one per session minute.', default: 'daily' }),
    correlation: z
      .number()
      .min(0)
      .lt(1)
      .optional()
      .meta({ description: 'Pairwise correlation of returns through one market factor.', default: 0.3 }),
    drift: z.number().optional().meta({ description: 'Annual drift of log prices.', default: 0.07 }),
    volatility: positive('Annual volatility in the calm regime.', 0.2),
    stressMultiplier: positive('Volatility multiplier in the stressed regime.', 2.5),
    toStressed: probability('Per-bar probability of switching calm → stressed.', 0.01),
    toCalm: probability('Per-bar probability of switching stressed → calm.', 0.05),
    overnightShare: probability('Share of daily variance realised overnight (the open gap).', 0.2),
    initialPrice: positive('Typical first price.', 100),
    volume: positive('Typical volume per daily bar.', 1_000_000),
    quotes: z.boolean().optional().meta({ description: 'Add bid/ask and sizes.', default: false }),
    spreadBps: z
      .number()
      .min(0)
      .optional()
      .meta({ description: 'Quoted spread in basis points of the close.', default: 5 }),
    ic: z.number().min(-1).max(1).optional().meta({
      description: "Information coefficient of the 'score' feature versus the next bar's return.",
      default: 0.05,
    }),
    vixCalm: positive('VIX level the series reverts to in the calm regime.', 15),
    vixStressed: positive('VIX level the series reverts to in the stressed regime.', 35),
  })
  .describe('Generate the market (bars, score, vix) instead of reading files.');

/**
 * `data`: where bars, features and market series come from — long-format CSV or Parquet files (`prices`,
 * `features`), or a synthetic market (`synthetic`). Exactly one of `prices` and `synthetic`.
 */
export const dataSchema = z
  .strictObject({
    prices: pathOrPaths
      .optional()
      .describe(
        'Price file(s), CSV or Parquet: timestamp, symbol, open, high, low, close, volume (optional bid, ask, bidSize, askSize); one file per symbol (named SYMBOL.csv) also works.',
      ),
    format: z
      .enum(['auto', 'csv', 'parquet'])
      .default('auto')
      .describe('File format; auto decides by extension (.parquet, .pq, else CSV).'),
    columns: columnNames.optional(),
    timestampFormat: z
      .enum(['auto', 'iso', 'iso-date', 'epoch-s', 'epoch-ms'])
      .optional()
      .meta({ description: 'How timestamps are written in text or number columns.', default: 'auto' }),
    symbol: z
      .string()
      .min(1)
      .optional()
      .describe('Symbol of every row of a file without a symbol column. Default: the file name.'),
    delimiter: z.string().length(1).optional().meta({ description: 'CSV field delimiter.', default: ',' }),
    validation: validationSchema.optional(),
    features: pathOrPaths
      .optional()
      .describe(
        'Feature file(s), CSV or Parquet: timestamp, symbol, then one column per feature (e.g. score, atr); a file without a symbol column holds market-wide series (e.g. vix).',
      ),
    featureLag: z
      .int()
      .min(0)
      .optional()
      .meta({ description: 'Timestamps before a feature value becomes visible (0 = at its own stamp).', default: 0 }),
    synthetic: syntheticSchema.optional(),
    atr: z
      .int()
      .min(1)
      .optional()
      .describe(
        "Add an 'atr' feature computed from the bars: Wilder's average true range over this many bars (for volatility-stop rules).",
      ),
  })
  .superRefine((data, ctx) => {
    if ((data.prices === undefined) === (data.synthetic === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: data.prices === undefined ? ['prices'] : ['synthetic'],
        message: data.prices === undefined ? 'set prices (files) or synthetic' : 'set prices or synthetic, not both',
      });
    }
  })
  .describe('Market data: files or a synthetic market.');

/** A parsed `data` section. */
export type DataSection = z.output<typeof dataSchema>;
