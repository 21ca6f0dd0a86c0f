import type { BacktestResults } from '@ml4t/results';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import type { ConfigOverrides } from '../config/parse-config.js';
import type { BacktestProgress } from './backtest-progress.js';
import { optionsFromConfig } from './options-from-config.js';
import { runBacktest } from './run-backtest.js';

/** Options of {@link runConfigFile}. */
export interface RunConfigFileOptions extends ConfigOverrides {
  /** Progress callback (see {@link runBacktest}). */
  readonly onProgress?: (progress: BacktestProgress) => void;
}

/** The results of a configured run, with the configuration it ran. */
export interface ConfiguredRun {
  readonly loaded: LoadedConfig;
  readonly results: BacktestResults;
}

/**
 * Runs the backtest a YAML or JSON configuration file describes, exactly as `ml4t-backtest run` does, without
 * writing any output. Use it to run configurations from code or to compare a configuration with a hand-built
 * run.
 *
 * @throws ConfigError for an invalid configuration (with the key path); DataValidationError for invalid data;
 * the run's typed error when it stops early.
 */
export async function runConfigFile(file: string, options: RunConfigFileOptions = {}): Promise<ConfiguredRun> {
  const loaded = await loadConfig(file, options);
  const runOptions = await optionsFromConfig(loaded);
  const results = await runBacktest(
    options.onProgress === undefined ? runOptions : { ...runOptions, onProgress: options.onProgress },
  );
  return { loaded, results };
}
