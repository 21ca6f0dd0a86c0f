import { ConfigError, type Strategy, type StrategyOperator } from '@ml4t/core';
import type { StrategyConfig } from '../config/strategy-schema.js';
import { buyAndHold } from '../strategies/buy-and-hold.js';
import { smaCrossover } from '../strategies/sma-crossover.js';
import { topNMl } from '../strategies/top-n-ml.js';
import { compact } from './compact.js';
import { loadPlugin } from './load-plugin.js';

/**
 * Builds the strategy of a configuration: a built-in template from its (already validated) parameters, or the
 * result of a module's factory, which must be a `Strategy` object or an RxJS operator function.
 *
 * @throws ConfigError naming `strategy…` when a plugin cannot be loaded or returns something else.
 */
export async function buildStrategy(config: StrategyConfig, baseDir: string): Promise<Strategy | StrategyOperator> {
  if ('module' in config) {
    const created = await loadPlugin(config, baseDir, 'strategy');
    if (typeof created === 'function' || (created !== null && typeof created === 'object')) {
      return created as Strategy | StrategyOperator;
    }
    throw new ConfigError(
      'strategy',
      'plugin-contract',
      `${config.module}#${config.export} must return a Strategy object or an RxJS operator`,
    );
  }
  switch (config.template) {
    case 'sma-crossover':
      return smaCrossover(config.params);
    case 'top-n-ml':
      return topNMl(compact(config.params));
    case 'buy-and-hold':
      return buyAndHold(compact(config.params));
    default:
      return unreachable(config);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled strategy template ${JSON.stringify(value)}`);
}
