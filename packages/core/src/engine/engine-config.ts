import type { Broker } from '../contracts/broker.js';
import type { DataFeed } from '../contracts/data-feed.js';
import type { FeatureProvider } from '../contracts/feature-provider.js';
import type { OrderOperator, PortfolioRule } from '../contracts/portfolio-rule.js';
import type { PositionRule } from '../contracts/position-rule.js';
import type { ResultSink } from '../contracts/result-sink.js';
import type { Strategy, StrategyOperator } from '../contracts/strategy.js';
import type { CorporateAction } from '../domain/corporate-action.js';
import type { InstrumentSpec } from '../domain/instrument-spec.js';
import type { MoneyInput } from '../money/decimal.js';

/** Which features to record on every trade at entry and exit (see `Trade.entryContext`). */
export interface TradeContextConfig {
  /** Per-symbol feature recorded as the trade's `score` (e.g. `'score'`). */
  readonly score?: string;
  /** Further per-symbol features to record. */
  readonly features?: readonly string[];
  /** Market-wide features to record (e.g. `['vix']`). */
  readonly market?: readonly string[];
}

/** Everything an {@link Engine} run needs. Plugins are plain objects implementing the core contracts. */
export interface EngineConfig {
  /** Starting cash. */
  readonly initialCash: MoneyInput;
  /** Data feeds, merged by timestamp; ties keep this order. */
  readonly feeds: readonly DataFeed[];
  /** The strategy: an object with callbacks, or an RxJS operator from slices to orders. */
  readonly strategy: Strategy | StrategyOperator;
  /** Order matching, costs and account policy (e.g. `new SimulatedBroker(...)` from `@ml4t/execution`). */
  readonly broker: Broker;
  /** Per-position exit rules, evaluated every bar in this order; the first exit wins. */
  readonly positionRules?: readonly PositionRule[];
  /** Order gates, run on every order in this order. */
  readonly portfolioRules?: readonly PortfolioRule[];
  /**
   * An RxJS operator every strategy order passes through before the portfolio rules (custom pipelines).
   * It must emit synchronously; anything emitted later is dropped with a warning on `orders$`.
   */
  readonly orderPipeline?: OrderOperator;
  readonly features?: FeatureProvider;
  /** Per-symbol instrument specs (multiplier, tick and lot size, asset class, sector). */
  readonly instruments?: Readonly<Record<string, Partial<InstrumentSpec>>>;
  readonly corporateActions?: readonly CorporateAction[];
  readonly sinks?: readonly ResultSink[];
  readonly tradeContext?: TradeContextConfig;
  /**
   * After a risk exit on a bar, refuse a new entry for that symbol on the same bar (SCENARIOS 5).
   * @defaultValue true
   */
  readonly blockReentryAfterExit?: boolean;
  /**
   * Evaluate position rules on the bar a position was opened (at the open, NEXT_BAR): the part of the bar
   * after the open can trigger a stop (SCENARIOS 4). Positions opened at a close are never evaluated on that bar.
   * @defaultValue true
   */
  readonly riskOnEntryBar?: boolean;
  /** Called every `progressEvery` slices and at the end with the number of slices done. */
  readonly onProgress?: (slicesDone: number, lastTimestamp: number) => void;
  /** @defaultValue 1000 */
  readonly progressEvery?: number;
  /** JSON-safe configuration summary handed to sinks (for reports). */
  readonly describe?: Readonly<Record<string, unknown>>;
}
