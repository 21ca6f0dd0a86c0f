import { dirname, resolve } from 'node:path';
import { type ConfigOverrides, parseConfig } from './parse-config.js';
import { readConfigFile } from './read-config-file.js';
import type { BacktestConfig } from './schema.js';

/** A configuration loaded from a file, with where it came from. */
export interface LoadedConfig {
  readonly config: BacktestConfig;
  /** Absolute path of the file. */
  readonly file: string;
  /** Folder of the file: relative data paths, output dirs and plugin modules resolve against it. */
  readonly baseDir: string;
}

/**
 * Reads, validates and completes a YAML or JSON configuration file (see {@link parseConfig}).
 *
 * @throws ConfigError when the file cannot be read or parsed, or a value is invalid (with its key path).
 */
export async function loadConfig(file: string, overrides: ConfigOverrides = {}): Promise<LoadedConfig> {
  const absolute = resolve(file);
  const config = parseConfig(await readConfigFile(absolute), overrides);
  return { config, file: absolute, baseDir: dirname(absolute) };
}
