import { ConfigError, type InstrumentSpec, type PortfolioRule, type PositionRule } from '@ml4t/core';
import {
  breakEvenStop,
  dailyLossLimit,
  dynamicTrailingStop,
  maxDrawdownHalt,
  maxGrossExposure,
  maxLeverage,
  maxNetExposure,
  maxPositions,
  maxPositionWeight,
  regimeFilter,
  regimeSwitch,
  scaledExit,
  sectorExposure,
  signalExit,
  stopLoss,
  takeProfit,
  timeExit,
  trailingStop,
  volatilityStop,
  volatilityTakeProfit,
} from '@ml4t/risk';
import type { PortfolioRuleConfig, SimplePortfolioRuleConfig } from '../config/portfolio-rule-schema.js';
import type { PositionRuleConfig } from '../config/position-rule-schema.js';
import type { RiskSection } from '../config/risk-schema.js';
import { type Compact, compact } from './compact.js';
import { loadPlugin } from './load-plugin.js';

/** The rules of a `risk` section, built. */
export interface BuiltRiskRules {
  readonly positionRules: readonly PositionRule[];
  readonly portfolioRules: readonly PortfolioRule[];
}

type Instruments = Readonly<Record<string, Partial<InstrumentSpec>>>;

/**
 * Builds the position and portfolio rules of a `risk` section with the factories of `@ml4t/risk` (or plugins).
 * Sizing rules receive the configuration's `instruments` (for multipliers and sectors).
 *
 * @throws ConfigError naming `risk.position.<i>…` or `risk.portfolio.<i>…` when a factory rejects its options.
 */
export async function buildRiskRules(
  section: RiskSection,
  baseDir: string,
  instruments: Instruments,
): Promise<BuiltRiskRules> {
  const positionRules: PositionRule[] = [];
  for (const [i, rule] of section.position.entries()) {
    positionRules.push(await buildPositionRule(rule, baseDir, `risk.position.${i}`));
  }
  const portfolioRules: PortfolioRule[] = [];
  for (const [i, rule] of section.portfolio.entries()) {
    portfolioRules.push(await buildPortfolioRule(rule, baseDir, `risk.portfolio.${i}`, instruments));
  }
  return { positionRules, portfolioRules };
}

async function buildPositionRule(config: PositionRuleConfig, baseDir: string, path: string): Promise<PositionRule> {
  if ('module' in config) return (await loadPlugin(config, baseDir, path, 'evaluate')) as PositionRule;
  return atPath(path, () => {
    switch (config.type) {
      case 'stop-loss':
        return stopLoss(options(config));
      case 'take-profit':
        return takeProfit(options(config));
      case 'trailing-stop':
        return trailingStop(options(config));
      case 'dynamic-trailing-stop':
        return dynamicTrailingStop(options(config));
      case 'volatility-stop':
        return volatilityStop(options(config));
      case 'volatility-take-profit':
        return volatilityTakeProfit(options(config));
      case 'break-even-stop':
        return breakEvenStop(options(config));
      case 'time-exit':
        return timeExit(options(config));
      case 'signal-exit': {
        const { long, short, ...rest } = options(config);
        return signalExit({ ...rest, ...compact({ long: cond(long), short: cond(short) }) });
      }
      case 'scaled-exit':
        return scaledExit(options(config));
      default:
        return unreachable(config);
    }
  });
}

async function buildPortfolioRule(
  config: PortfolioRuleConfig,
  baseDir: string,
  path: string,
  instruments: Instruments,
): Promise<PortfolioRule> {
  if ('module' in config) return (await loadPlugin(config, baseDir, path, 'check')) as PortfolioRule;
  if (config.type === 'regime-switch') {
    const sets: PortfolioRule[][] = [];
    for (const [s, list] of config.sets.entries()) {
      const built: PortfolioRule[] = [];
      for (const [r, rule] of list.entries())
        built.push(await buildSimple(rule, baseDir, `${path}.sets.${s}.${r}`, instruments));
      sets.push(built);
    }
    const whenMissing: PortfolioRule[] = [];
    for (const [r, rule] of (config.whenMissing ?? []).entries()) {
      whenMissing.push(await buildSimple(rule, baseDir, `${path}.whenMissing.${r}`, instruments));
    }
    const { sets: _sets, whenMissing: _missing, ...rest } = options(config);
    return atPath(path, () =>
      regimeSwitch({ ...rest, sets, ...(config.whenMissing === undefined ? {} : { whenMissing }) }),
    );
  }
  return buildSimple(config, baseDir, path, instruments);
}

async function buildSimple(
  config: SimplePortfolioRuleConfig,
  baseDir: string,
  path: string,
  instruments: Instruments,
): Promise<PortfolioRule> {
  if ('module' in config) return (await loadPlugin(config, baseDir, path, 'check')) as PortfolioRule;
  return atPath(path, () => {
    switch (config.type) {
      case 'max-positions':
        return maxPositions(options(config));
      case 'max-gross-exposure':
        return maxGrossExposure({ ...options(config), instruments });
      case 'max-net-exposure':
        return maxNetExposure({ ...options(config), instruments });
      case 'max-position-weight':
        return maxPositionWeight({ ...options(config), instruments });
      case 'max-leverage':
        return maxLeverage({ ...options(config), instruments });
      case 'sector-exposure':
        return sectorExposure({ ...options(config), instruments });
      case 'max-drawdown-halt':
        return maxDrawdownHalt(options(config));
      case 'daily-loss-limit':
        return dailyLossLimit(options(config));
      case 'regime-filter':
        return regimeFilter(options(config));
      default:
        return unreachable(config);
    }
  });
}

function cond(c: { readonly below?: number | undefined; readonly above?: number | undefined } | undefined) {
  return c === undefined ? undefined : compact(c);
}

/** The factory options of a `{ type, …options }` configuration, without `type` and undefined values. */
function options<T extends { readonly type: string }>(config: T): Compact<Omit<T, 'type'>> {
  const { type: _type, ...rest } = config;
  return compact(rest);
}

/**
 * Runs a factory; a `ConfigError` it throws is re-keyed under the rule's configuration path. `@ml4t/risk` names
 * options `<factory>.<option>` (`stopLoss.percent`), so the factory name is dropped: `risk.position.1.percent`.
 */
function atPath<T>(path: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const option = error.path.split('.').slice(1).join('.');
    const prefix = `${error.path || '<root>'}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    throw new ConfigError(option ? `${path}.${option}` : path, error.rule, message, { cause: error });
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled rule configuration ${JSON.stringify(value)}`);
}
