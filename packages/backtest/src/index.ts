/**
 * `@ml4t/backtest`: batteries-included ml4t-backtest. One dependency brings in every `@ml4t/*` package; this
 * entry re-exports them, runs a backtest with sensible defaults (`runBacktest`), loads YAML/JSON configurations
 * (`runConfigFile`, `loadConfig`), ships framework profiles and the built-in strategies, and holds the
 * `ml4t-backtest` CLI (`main`).
 *
 * Re-exports: everything of `@ml4t/core` at the top level; the other packages as namespaces (`execution`,
 * `feeds`, `risk`, `results`), because some of their names overlap (e.g. `IntrabarPath`), plus their most used
 * factories and classes at the top level.
 *
 * @packageDocumentation
 */

export * from '@ml4t/core';
export * as execution from '@ml4t/execution';
export {
  cashAccount,
  fixedSlippage,
  ibFixedCommission,
  marginAccount,
  noCommission,
  noSlippage,
  percentageCommission,
  percentageSlippage,
  perShareCommission,
  SimulatedBroker,
  spreadAwareSlippage,
  volumeAwareSlippage,
} from '@ml4t/execution';
export * as feeds from '@ml4t/feeds';
export * as results from '@ml4t/results';
export { BacktestResults, ResultsCollector, readResults, writeHtmlReport, writeResults } from '@ml4t/results';
export * as risk from '@ml4t/risk';
export {
  maxPositions,
  regimeFilter,
  stopLoss,
  takeProfit,
  timeExit,
  trailingStop,
  volatilityStop,
} from '@ml4t/risk';
export { formatSummary } from './cli/format-summary.js';
export { type CliIo, type CliStream, processIo } from './cli/io.js';
export { main } from './cli/main.js';
export { type ProgressReporter, progressReporter } from './cli/progress-reporter.js';
export { profileByName } from './config/apply-profile.js';
export { type ExecutionSection, executionSchema } from './config/execution-schema.js';
export { configJsonSchema } from './config/json-schema.js';
export { type LoadedConfig, loadConfig } from './config/load-config.js';
export { type ConfigOverrides, parseConfig } from './config/parse-config.js';
export { parseConfigText, readConfigFile } from './config/read-config-file.js';
export { type BacktestConfig, type BacktestConfigInput, configSchema } from './config/schema.js';
export { type AverageTrueRangeOptions, averageTrueRange } from './features/average-true-range.js';
export { backtraderProfile } from './profiles/backtrader.js';
export type { FrameworkProfile, ProfileEngineKnobs } from './profiles/framework-profile.js';
export { leanProfile } from './profiles/lean.js';
export { PROFILE_NAMES, type ProfileName, profiles } from './profiles/profiles.js';
export { realisticProfile } from './profiles/realistic.js';
export { vectorbtProfile } from './profiles/vectorbt.js';
export { ziplineProfile } from './profiles/zipline.js';
export type { BacktestProgress } from './run/backtest-progress.js';
export { buildExecutionConfig } from './run/build-execution.js';
export { optionsFromConfig } from './run/options-from-config.js';
export { resultsFromExport } from './run/results-from-export.js';
export { type RunBacktestOptions, runBacktest } from './run/run-backtest.js';
export { type ConfiguredRun, type RunConfigFileOptions, runConfigFile } from './run/run-config.js';
export { type WriteOutputsOptions, type WrittenOutputs, writeOutputs } from './run/write-outputs.js';
export { type BuyAndHoldOptions, buyAndHold } from './strategies/buy-and-hold.js';
export { type SmaCrossoverOptions, smaCrossover } from './strategies/sma-crossover.js';
export { type TopNMlOptions, topNMl } from './strategies/top-n-ml.js';
