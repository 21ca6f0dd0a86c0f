import { ConfigError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parse-config.js';
import { buildExecutionConfig } from '../src/run/build-execution.js';
import { buildRiskRules } from '../src/run/build-risk.js';
import { loadPlugin } from '../src/run/load-plugin.js';
import { runBacktest } from '../src/run/run-backtest.js';
import { smaCrossover } from '../src/strategies/sma-crossover.js';
import { feedOf } from './support/bars.js';
import { fixture } from './support/cli-harness.js';

const dir = fixture('.');
const ref = (exportName: string, options: Record<string, unknown> = {}) => ({
  module: './plugins.mjs',
  export: exportName,
  options,
});

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadPlugin', () => {
  it('calls the exported factory with the options', async () => {
    const model = (await loadPlugin(ref('centSlippage', { cents: 5 }), dir, 'execution.slippage', 'fillPrice')) as {
      name: string;
    };
    expect(model.name).toBe('cents');
  });

  it('names the module key when the module cannot be loaded', async () => {
    const error = await configError(
      loadPlugin({ module: './missing.mjs', export: 'x', options: {} }, dir, 'execution.slippage'),
    );
    expect(error.path).toBe('execution.slippage.module');
    expect(error.rule).toBe('module-not-found');
    expect(error.message).toContain("cannot load module './missing.mjs'");
  });

  it('names the export key when the export is missing or not a function', async () => {
    const missing = await configError(loadPlugin(ref('centSlipage'), dir, 'execution.slippage'));
    expect(missing.path).toBe('execution.slippage.export');
    expect(missing.message).toContain("has no export 'centSlipage'");
    expect((await configError(loadPlugin(ref('notAFunction'), dir, 'p'))).rule).toBe('not-a-function');
  });

  it("prefixes a factory's ConfigError with the options path", async () => {
    const error = await configError(loadPlugin(ref('centSlippage', { cents: -1 }), dir, 'execution.slippage'));
    expect(error.path).toBe('execution.slippage.options.cents');
    expect(error.message).toBe('execution.slippage.options.cents: must be ≥ 0, got -1');
  });

  it('reports a failing factory and a result without the contract method', async () => {
    const failed = await configError(loadPlugin(ref('broken'), dir, 'risk.position.0'));
    expect(failed.path).toBe('risk.position.0');
    expect(failed.message).toContain('./plugins.mjs#broken failed: boom');
    const contract = await configError(loadPlugin(ref('notASlippageModel'), dir, 'execution.slippage', 'fillPrice'));
    expect(contract.rule).toBe('plugin-contract');
  });
});

describe('plugins in a configured run', () => {
  it('uses a plugin slippage model on every fill', async () => {
    const config = parseConfig({
      data: { prices: 'prices.csv' },
      strategy: { template: 'sma-crossover' },
      execution: { slippage: ref('centSlippage', { cents: 5 }) },
    });
    const execution = await buildExecutionConfig(config.execution, dir);
    const results = await runBacktest({
      feeds: feedOf({ AAA: [10, 9, 8, 9, 10, 11, 10, 9, 8] }),
      strategy: smaCrossover({ fast: 2, slow: 3, quantity: 10 }),
      execution,
    });
    const fills = results.getFills();
    expect(fills.map((f) => [f.side, f.price])).toEqual([
      ['BUY', 11.05],
      ['SELL', 7.95],
    ]);
    for (const fill of fills) expect(fill.slippagePerUnit).toBeCloseTo(0.05, 12);
  });
});

describe('buildRiskRules', () => {
  it('builds every rule type of the schema', async () => {
    const config = parseConfig({
      data: { prices: 'prices.csv' },
      strategy: { template: 'sma-crossover' },
      risk: {
        position: [
          { type: 'stop-loss', percent: 0.05 },
          { type: 'take-profit', percent: 0.1 },
          { type: 'trailing-stop', percent: 0.03 },
          { type: 'dynamic-trailing-stop', initial: 0.1 },
          { type: 'volatility-stop', multiple: 2 },
          { type: 'volatility-take-profit', multiple: 3 },
          { type: 'break-even-stop', activation: 0.02 },
          { type: 'time-exit', maxBars: 10 },
          { type: 'signal-exit', feature: 'score', long: { below: 0 } },
          { type: 'scaled-exit', targets: [{ percent: 0.05, fraction: 0.5 }] },
        ],
        portfolio: [
          { type: 'max-positions', max: 10 },
          { type: 'max-gross-exposure', max: 1 },
          { type: 'max-net-exposure', max: 1 },
          { type: 'max-position-weight', max: 0.1 },
          { type: 'max-leverage', max: 1 },
          { type: 'sector-exposure', max: 0.3, sectors: { AAA: 'tech' } },
          { type: 'max-drawdown-halt', max: 0.2 },
          { type: 'daily-loss-limit', max: 0.02 },
          { type: 'regime-filter', feature: 'vix', above: 30 },
          {
            type: 'regime-switch',
            feature: 'vix',
            breakpoints: [20],
            sets: [[{ type: 'max-positions', max: 20 }], [{ type: 'max-positions', max: 5 }]],
          },
        ],
      },
    });
    const rules = await buildRiskRules(config.risk, dir, {});
    expect(rules.positionRules).toHaveLength(10);
    expect(rules.portfolioRules).toHaveLength(10);
    for (const rule of rules.positionRules) expect(typeof rule.evaluate).toBe('function');
    for (const rule of rules.portfolioRules) expect(typeof rule.check).toBe('function');
  });

  it("re-keys a rule factory's ConfigError under the rule's path", async () => {
    const multiple = parseConfig({
      data: { prices: 'prices.csv' },
      strategy: { template: 'sma-crossover' },
      risk: { position: [{ type: 'dynamic-trailing-stop', tighten: 'profit' }] },
    });
    expect((await configError(buildRiskRules(multiple.risk, dir, {}))).path).toMatch(/^risk\.position\.0\.\w+$/);
    const config = parseConfig({
      data: { prices: 'prices.csv' },
      strategy: { template: 'sma-crossover' },
      risk: { position: [{ type: 'time-exit', maxBars: 5 }, { type: 'stop-loss' }] },
    });
    const error = await configError(buildRiskRules(config.risk, dir, {}));
    expect(error.path).toBe('risk.position.1');
    expect(error.message).toBe("risk.position.1: set exactly one of 'percent', 'amount'");
  });
});
