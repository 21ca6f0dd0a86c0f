import { ConfigError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parse-config.js';
import { parseConfigText } from '../src/config/read-config-file.js';
import { backtraderProfile } from '../src/profiles/backtrader.js';

const minimal = {
  data: { prices: 'prices.csv' },
  strategy: { template: 'sma-crossover' },
};

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies every default to a minimal configuration', () => {
    const config = parseConfig(minimal);
    expect(config.initialCash).toBe(100_000);
    expect(config.strategy).toEqual({ template: 'sma-crossover', params: { fast: 10, slow: 50, quantity: 100 } });
    expect(config.output).toEqual({ dir: './out', formats: ['csv', 'json'], report: true });
    expect(config.risk).toEqual({ position: [], portfolio: [] });
    expect(config.execution).toEqual({});
    expect(config.engine.progressEvery).toBe(100);
  });

  it('rejects an unknown key with its full path', () => {
    const error = configError(() =>
      parseConfig({ ...minimal, execution: { slippage: { type: 'percentage', rate: 0.001, ratee: 1 } } }),
    );
    expect(error.path).toBe('execution.slippage.ratee');
    expect(error.rule).toBe('unknown-key');
    expect(error.message).toBe("execution.slippage.ratee: unknown key 'ratee'");
  });

  it('names the path of an invalid value inside a cost model', () => {
    const error = configError(() =>
      parseConfig({ ...minimal, execution: { slippage: { type: 'percentage', rate: -0.1 } } }),
    );
    expect(error.path).toBe('execution.slippage.rate');
    expect(error.rule).toBe('min');
  });

  it('names the path of a missing required option', () => {
    const error = configError(() => parseConfig({ ...minimal, execution: { commission: { type: 'per-share' } } }));
    expect(error.path).toBe('execution.commission.rate');
    expect(error.message).toContain('is required');
  });

  it('reports an unknown enum value with the allowed values', () => {
    const error = configError(() => parseConfig({ ...minimal, execution: { fillTiming: 'tomorrow' } }));
    expect(error.path).toBe('execution.fillTiming');
    expect(error.message).toBe('execution.fillTiming: must be one of "next_bar", "same_bar", "next_close"');
  });

  it('validates template parameters with the strategy factory schema', () => {
    const error = configError(() =>
      parseConfig({ ...minimal, strategy: { template: 'sma-crossover', params: { fast: 60, slow: 50 } } }),
    );
    expect(error.path).toBe('strategy.params.fast');
    expect(error.message).toContain('fast must be shorter than slow');
  });

  it('lists every problem in the message, unknown keys first, the first one in the path', () => {
    const error = configError(() => parseConfig({ ...minimal, initialCash: -5, extra: true }));
    expect(error.path).toBe('extra');
    expect(error.message.split('\n')).toEqual([
      "extra: unknown key 'extra'",
      '  initialCash: Too small: expected number to be >0',
    ]);
  });

  it('accepts a plugin reference wherever a cost model goes', () => {
    const config = parseConfig({ ...minimal, execution: { slippage: { module: './slip.js', export: 'slip' } } });
    expect(config.execution.slippage).toEqual({ module: './slip.js', export: 'slip', options: {} });
  });

  it('narrows a plugin-reference error to the plugin branch', () => {
    const error = configError(() =>
      parseConfig({ ...minimal, execution: { slippage: { module: './slip.js', export: 3 } } }),
    );
    expect(error.path).toBe('execution.slippage.export');
  });

  it('reports a misspelt model type with the allowed types', () => {
    const error = configError(() =>
      parseConfig({ ...minimal, execution: { slippage: { type: 'percentag', rate: 0.1 } } }),
    );
    expect(error.path).toBe('execution.slippage.type');
    expect(error.rule).toBe('enum');
    expect(error.message).toContain('"percentage"');
  });

  it('lays the profile under the file: explicit values win, the rest comes from the profile', () => {
    const config = parseConfig({
      ...minimal,
      profile: 'backtrader',
      execution: { fillTiming: 'same_bar', commission: { type: 'percentage', rate: 0.001 } },
    });
    expect(config.execution.fillTiming).toBe('same_bar');
    expect(config.execution.commission).toEqual({ type: 'percentage', rate: 0.001 });
    expect(config.execution.orderPriority).toBe(backtraderProfile.execution.orderPriority);
    expect(config.execution.cashCheck).toBe('submission_running');
    expect(config.engine.riskOnEntryBar).toBe(false);
  });

  it('lets a command-line profile and output directory override the file', () => {
    const config = parseConfig(
      { ...minimal, profile: 'backtrader' },
      { profile: 'vectorbt', outputDir: 'results/override' },
    );
    expect(config.profile).toBe('vectorbt');
    expect(config.execution.fillTiming).toBe('same_bar');
    expect(config.output.dir).toBe('results/override');
  });

  it('rejects an unknown profile', () => {
    const error = configError(() => parseConfig({ ...minimal, profile: 'quantopian' }));
    expect(error.path).toBe('profile');
    expect(error.message).toContain('backtrader, zipline, vectorbt, lean, realistic');
  });

  it('rejects a configuration that is not a mapping', () => {
    expect(configError(() => parseConfig([1, 2])).rule).toBe('object');
  });
});

describe('parseConfigText', () => {
  it('parses YAML and JSON by extension', () => {
    expect(parseConfigText('a: 1\nb: [x, y]\n', 'c.yaml')).toEqual({ a: 1, b: ['x', 'y'] });
    expect(parseConfigText('{"a": 1}', 'c.json')).toEqual({ a: 1 });
  });

  it('reports YAML syntax errors with line and column', () => {
    const error = configError(() => parseConfigText('a: 1\nb: [x, y\n', 'bad.yaml'));
    expect(error.rule).toBe('syntax');
    expect(error.message).toMatch(/^<root>: bad\.yaml:\d+:\d+: invalid YAML/);
  });

  it('rejects duplicate YAML keys', () => {
    expect(configError(() => parseConfigText('a: 1\na: 2\n', 'dup.yml')).rule).toBe('syntax');
  });

  it('reports invalid JSON', () => {
    expect(configError(() => parseConfigText('{"a": }', 'bad.json')).message).toContain('bad.json: invalid JSON');
  });
});
