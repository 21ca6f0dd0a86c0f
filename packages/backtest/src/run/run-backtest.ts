import {
  type Broker,
  type CorporateAction,
  type DataFeed,
  Engine,
  type EngineConfig,
  type FeatureProvider,
  type InstrumentSpec,
  type MoneyInput,
  type OrderOperator,
  type PortfolioRule,
  type PositionRule,
  type ResultSink,
  type Strategy,
  type StrategyOperator,
  type TradeContextConfig,
} from '@ml4t/core';
import { type ExecutionConfig, SimulatedBroker } from '@ml4t/execution';
import { ColumnarFeed } from '@ml4t/feeds';
import { type BacktestResults, type MetricsOptions, ResultsCollector } from '@ml4t/results';
import { profileByName } from '../config/apply-profile.js';
import { executionSchema } from '../config/execution-schema.js';
import { parseOptions } from '../config/parse-options.js';
import type { FrameworkProfile } from '../profiles/framework-profile.js';
import type { ProfileName } from '../profiles/profiles.js';
import type { BacktestProgress } from './backtest-progress.js';
import { buildExecutionConfig } from './build-execution.js';
import { compact } from './compact.js';

/** Options of {@link runBacktest}. Only `feeds` and `strategy` are required. */
export interface RunBacktestOptions {
  /** Bar data: one feed or several (merged by timestamp; ties keep this order). */
  readonly feeds: DataFeed | readonly DataFeed[];
  /** The strategy: an object with callbacks, or an RxJS operator from slices to orders. */
  readonly strategy: Strategy | StrategyOperator;
  /** Starting cash. @defaultValue 100_000 */
  readonly initialCash?: MoneyInput;
  /** ML scores, features and market-wide series (e.g. `PrecomputedFeatureProvider` from `@ml4t/feeds`). */
  readonly features?: FeatureProvider;
  /**
   * A framework profile (by name or as an object): its execution and engine knob values apply wherever these
   * options set none. @defaultValue none (the execution package's defaults)
   */
  readonly profile?: ProfileName | FrameworkProfile;
  /** Execution knobs of `SimulatedBroker` (`@ml4t/execution`); they override the profile's. @defaultValue `{}` */
  readonly execution?: Partial<ExecutionConfig>;
  /** A broker to use as is, instead of a `SimulatedBroker` built from `profile` and `execution`. */
  readonly broker?: Broker;
  /** Per-position exit rules, in priority order (e.g. from `@ml4t/risk`). @defaultValue none */
  readonly positionRules?: readonly PositionRule[];
  /** Order gates, in order (e.g. from `@ml4t/risk`). @defaultValue none */
  readonly portfolioRules?: readonly PortfolioRule[];
  /** An RxJS operator every strategy order passes through before the portfolio rules. */
  readonly orderPipeline?: OrderOperator;
  /** Per-symbol instrument specs (multiplier, tick and lot size, asset class, sector). */
  readonly instruments?: Readonly<Record<string, Partial<InstrumentSpec>>>;
  /** Splits and dividends, applied at their timestamps (e.g. from `readCorporateActionsCsv` of `@ml4t/feeds`). */
  readonly corporateActions?: readonly CorporateAction[];
  /** Features recorded on every trade at entry and exit (e.g. `{ score: 'score', market: ['vix'] }`). */
  readonly tradeContext?: TradeContextConfig;
  /** Refuse a new entry on the bar of a risk exit of the same symbol. @defaultValue true (or the profile's) */
  readonly blockReentryAfterExit?: boolean;
  /** Evaluate position rules on the bar a position was opened. @defaultValue true (or the profile's) */
  readonly riskOnEntryBar?: boolean;
  /** Further sinks that receive every event, after the results collector. */
  readonly sinks?: readonly ResultSink[];
  /** Default options of `results.getMetrics()` (annualisation, risk-free rate, benchmark). */
  readonly metrics?: MetricsOptions;
  /**
   * The collector to fill, instead of a new one. Pass your own to keep the partial results of a run that stops
   * early: `collector.results()` is readable after the rejection. `metrics` is ignored then.
   */
  readonly collector?: ResultsCollector;
  /** Called every `progressEvery` timestamps and once at the end. */
  readonly onProgress?: (progress: BacktestProgress) => void;
  /** @defaultValue 100 */
  readonly progressEvery?: number;
  /**
   * The data's last timestamp: lets progress report the fraction done. Known without it when every feed is a
   * `ColumnarFeed` (CSV, Parquet and in-memory feeds of `@ml4t/feeds`).
   */
  readonly lastTimestamp?: number;
  /** JSON-safe summary of the configuration, shown in reports. @defaultValue the profile name and knobs */
  readonly describe?: Readonly<Record<string, unknown>>;
}

/**
 * Runs a backtest with sensible defaults and returns its results: an {@link Engine} over the feeds, a
 * `SimulatedBroker` built from the profile and execution knobs (next-bar fills, no costs and a cash account
 * unless configured), the given rules, and a `ResultsCollector` whose `BacktestResults` it resolves with.
 *
 * Deterministic: the same options give identical fills, trades and metrics.
 *
 * @throws ConfigError for invalid options (with the key path); rejects with the run's typed error
 * (`StrategyError`, `DataValidationError`…) when the run stops early.
 *
 * @example
 * ```ts
 * const results = await runBacktest({
 *   feeds: feed,
 *   strategy: smaCrossover({ fast: 10, slow: 50 }),
 *   execution: { slippage: percentageSlippage({ rate: 0.0005 }), commission: percentageCommission({ rate: 0.001 }) },
 * });
 * console.log(results.getMetrics().sharpe);
 * ```
 */
export async function runBacktest(options: RunBacktestOptions): Promise<BacktestResults> {
  const profile = options.profile === undefined ? undefined : resolveProfile(options.profile);
  const broker = options.broker ?? (await brokerFor(profile, options.execution));
  const collector =
    options.collector ?? new ResultsCollector(options.metrics === undefined ? {} : { metrics: options.metrics });
  const feeds = Array.isArray(options.feeds) ? (options.feeds as readonly DataFeed[]) : [options.feeds as DataFeed];
  const progress = progressTracker(options, feeds);
  const config: EngineConfig = {
    initialCash: options.initialCash ?? 100_000,
    feeds,
    strategy: options.strategy,
    broker,
    sinks: [collector, ...(options.sinks ?? [])],
    progressEvery: options.progressEvery ?? 100,
    describe: options.describe ?? { profile: profile?.name ?? null },
    ...compact({
      positionRules: options.positionRules,
      portfolioRules: options.portfolioRules,
      orderPipeline: options.orderPipeline,
      features: options.features,
      instruments: options.instruments,
      corporateActions: options.corporateActions,
      tradeContext: options.tradeContext,
      blockReentryAfterExit: options.blockReentryAfterExit ?? profile?.engine.blockReentryAfterExit,
      riskOnEntryBar: options.riskOnEntryBar ?? profile?.engine.riskOnEntryBar,
      onProgress: progress?.onProgress,
    }),
  };
  const summary = await new Engine(config).run();
  progress?.finish(summary.slices, summary.lastTimestamp);
  return collector.results();
}

function resolveProfile(profile: ProfileName | FrameworkProfile): FrameworkProfile {
  return typeof profile === 'string' ? profileByName(profile) : profile;
}

async function brokerFor(
  profile: FrameworkProfile | undefined,
  execution: Partial<ExecutionConfig> | undefined,
): Promise<SimulatedBroker> {
  const base =
    profile === undefined
      ? {}
      : await buildExecutionConfig(
          parseOptions(executionSchema, profile.execution, 'profile.execution'),
          process.cwd(),
        );
  return new SimulatedBroker({ ...base, ...execution });
}

interface ProgressTracker {
  readonly onProgress: (slices: number, timestamp: number) => void;
  finish(slices: number, timestamp: number): void;
}

function progressTracker(options: RunBacktestOptions, feeds: readonly DataFeed[]): ProgressTracker | undefined {
  const report = options.onProgress;
  if (report === undefined) return undefined;
  let first = Number.POSITIVE_INFINITY;
  for (const feed of feeds) first = Math.min(first, feed.peekNextTimestamp());
  const span = (options.lastTimestamp ?? lastTimestampOf(feeds)) - first;
  const fractionAt = (timestamp: number): number | undefined =>
    Number.isFinite(span) && span > 0 ? Math.min(1, Math.max(0, (timestamp - first) / span)) : undefined;
  return {
    onProgress: (slices, timestamp) => report({ slices, timestamp, fraction: fractionAt(timestamp), done: false }),
    finish: (slices, timestamp) =>
      report({ slices, timestamp, fraction: fractionAt(timestamp) === undefined ? undefined : 1, done: true }),
  };
}

/** The last bar's timestamp when every feed is a `ColumnarFeed` (whose columns are known up front), else NaN. */
function lastTimestampOf(feeds: readonly DataFeed[]): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const feed of feeds) {
    if (!(feed instanceof ColumnarFeed) || feed.length === 0) return Number.NaN;
    last = Math.max(last, feed.columns.timestamp[feed.length - 1] as number);
  }
  return last;
}
