import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { buildExecutionConfig } from './build-execution.js';
import { buildRiskRules } from './build-risk.js';
import { buildStrategy } from './build-strategy.js';
import { compact } from './compact.js';
import { loadData } from './load-data.js';
import type { RunBacktestOptions } from './run-backtest.js';

/**
 * Builds the {@link runBacktest} options a loaded configuration describes: loads (and validates) the data,
 * builds the strategy, the execution knobs and cost models, and the risk rules, importing plugin modules
 * relative to the configuration file. The profile has already been applied by the loader, so the result
 * carries no `profile`.
 *
 * @throws ConfigError for a plugin that cannot be loaded or a factory that rejects its options (with the key
 * path); DataValidationError for invalid data files.
 */
export async function optionsFromConfig(loaded: LoadedConfig): Promise<RunBacktestOptions> {
  const { config, baseDir } = loaded;
  const data = await loadData(config.data, baseDir);
  const instruments = compactRecord(config.instruments);
  const risk = await buildRiskRules(config.risk, baseDir, instruments);
  return {
    feeds: data.feeds,
    strategy: await buildStrategy(config.strategy, baseDir),
    initialCash: config.initialCash,
    execution: await buildExecutionConfig(config.execution, baseDir),
    positionRules: risk.positionRules,
    portfolioRules: risk.portfolioRules,
    instruments,
    progressEvery: config.engine.progressEvery,
    describe: describeConfig(loaded),
    ...compact({
      features: data.features,
      metrics: config.metrics === undefined ? undefined : compact(config.metrics),
      tradeContext: config.engine.tradeContext === undefined ? undefined : compact(config.engine.tradeContext),
      blockReentryAfterExit: config.engine.blockReentryAfterExit,
      riskOnEntryBar: config.engine.riskOnEntryBar,
    }),
  };
}

/** The output directory of a loaded configuration, absolute. */
export function outputDirOf(loaded: LoadedConfig): string {
  return resolve(loaded.baseDir, loaded.config.output.dir);
}

function compactRecord<T extends object>(
  record: Readonly<Record<string, T>>,
): Record<string, ReturnType<typeof compact<T>>> {
  const out: Record<string, ReturnType<typeof compact<T>>> = {};
  for (const [key, value] of Object.entries(record)) out[key] = compact(value);
  return out;
}

/** A JSON-safe summary of the run's configuration for reports: the validated file content, defaults included. */
function describeConfig(loaded: LoadedConfig): Record<string, unknown> {
  const { $schema: _schema, ...rest } = loaded.config;
  return { file: loaded.file, ...(JSON.parse(JSON.stringify(rest)) as Record<string, unknown>) };
}
