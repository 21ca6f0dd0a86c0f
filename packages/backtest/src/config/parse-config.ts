import { ConfigError } from '@ml4t/core';
import { applyProfile, profileByName } from './apply-profile.js';
import { parseOptions } from './parse-options.js';
import { type BacktestConfig, configSchema } from './schema.js';

/** Overrides applied on top of a configuration file (from the command line). */
export interface ConfigOverrides {
  /** Framework profile to use instead of the file's `profile`. */
  readonly profile?: string;
  /** Output directory to use instead of the file's `output.dir`. */
  readonly outputDir?: string;
}

/**
 * Validates raw configuration data (parsed YAML or JSON) and applies the defaults: first the framework profile
 * (`overrides.profile`, else the data's `profile`) fills the knobs the data leaves out, then {@link configSchema}
 * checks every key and supplies the remaining defaults.
 *
 * @throws ConfigError naming the key path of the first problem (`execution.slippage.rate`); the message lists
 * every problem found.
 */
export function parseConfig(raw: unknown, overrides: ConfigOverrides = {}): BacktestConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError('', 'object', 'a configuration must be a mapping of keys to values');
  }
  let data = raw as Record<string, unknown>;
  const profileName = overrides.profile ?? data.profile;
  if (profileName !== undefined) data = applyProfile(data, profileByName(profileName));
  if (overrides.outputDir !== undefined) {
    const output = data.output;
    const base = output !== null && typeof output === 'object' && !Array.isArray(output) ? output : {};
    data = { ...data, output: { ...base, dir: overrides.outputDir } };
  }
  return parseOptions(configSchema, data, '');
}
