import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { runCli } from './support/cli-harness.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'ml4t-cli-'));
});
afterEach(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('ml4t-backtest (in-process)', () => {
  it('prints help with every command and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['run <config>', 'validate <data...>', 'report <results-dir>', 'schema']) {
      expect(stdout).toContain(command);
    }
  });

  it('prints per-command help', async () => {
    const { code, stdout } = await runCli(['run', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: ml4t-backtest run <config.yaml|config.json>');
    expect((await runCli(['help', 'validate'])).stdout).toContain('Usage: ml4t-backtest validate');
  });

  it('prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${packageJson.version}\n`);
  });

  it('exits 2 with usage on stderr when no command is given', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: ml4t-backtest <command>');
  });

  it('exits 2 for an unknown command or option, without a stack trace', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("error: unknown command 'frobnicate'\nRun 'ml4t-backtest --help' for usage.\n");
    const option = await runCli(['run', 'x.yaml', '--fast']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("error: Unknown option '--fast'");
    expect(option.stderr).not.toContain('    at ');
  });

  it('exits 2 when run has no config file', async () => {
    const { code, stderr } = await runCli(['run']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: run needs a configuration file');
  });

  it('prints the JSON Schema', async () => {
    const { code, stdout } = await runCli(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['data', 'strategy', 'execution', 'risk']));
  });

  it('rejects a bad config with the key path and exit code 2', async () => {
    const { code, stdout, stderr } = await runCli(['run', 'bad-key.yaml', '--out', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "error: execution.slippage.rat: unknown key 'rat'\n  execution.slippage.rate: is required (number)\n",
    );
  });

  it('rejects a missing config file with exit code 2', async () => {
    const { code, stderr } = await runCli(['run', 'nope.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: <root>: cannot read config file .*nope\.yaml: no such file\n$/);
  });

  it('prints the stack of a typed error only with --debug', async () => {
    const { code, stderr } = await runCli(['run', 'bad-key.yaml', '--debug']);
    expect(code).toBe(2);
    expect(stderr).toContain('ConfigError: execution.slippage.rat');
    expect(stderr).toContain('    at ');
  });

  it('runs a config, writes every output and prints a summary', async () => {
    const { code, stdout, stderr } = await runCli(['run', 'sma.yaml', '--out', out]);
    expect(stderr).toContain('progress: done');
    expect(code).toBe(0);
    expect(stdout).toContain('sma fixture');
    expect(stdout).toMatch(/final equity\s+\d+\.\d\d/);
    for (const file of [
      'trades.csv',
      'trades.json',
      'fills.csv',
      'equity.json',
      'metrics.csv',
      'manifest.json',
      'report.html',
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const trades = JSON.parse(readFileSync(join(out, 'trades.json'), 'utf8')) as unknown[];
    expect(trades.length).toBeGreaterThan(0);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as {
      portfolio: { periodsPerYear: number };
    };
    expect(metrics.portfolio.periodsPerYear).toBe(250);
  });

  it('runs quietly with --quiet', async () => {
    const { code, stdout, stderr } = await runCli(['run', 'sma.yaml', '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('');
  });

  it('exits 1 with file:row column rule lines for bad data', async () => {
    const { code, stderr } = await runCli(['run', 'bad-data.yaml', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: .*bad-prices\.csv:row 3 column 'high' \[high-below-low\]/m);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  });

  it('exits 1 when the strategy fails, naming the time, and keeps the results up to the failure', async () => {
    const { code, stderr } = await runCli(['run', 'failing.yaml', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(`wrote the results up to the failure to ${out}`);
    expect(stderr).toContain('error: strategy.onTimeSlice failed at 2021-01-18T00:00:00.000Z: kaput');
    expect(stderr).not.toContain('    at ');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { slices: number; error: unknown };
    expect(manifest.slices).toBe(10);
    expect(manifest.error).toEqual({
      code: 'STRATEGY',
      message: 'strategy.onTimeSlice failed at 2021-01-18T00:00:00.000Z: kaput',
    });
  });

  it('prints no progress with --no-progress', async () => {
    const { code, stderr } = await runCli(['run', 'sma.yaml', '--out', out, '--no-progress']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('validates data files: ok exits 0, bad exits 1 with every issue', async () => {
    const ok = await runCli(['validate', 'prices.csv']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('ok: prices.csv: 120 bars, 2 symbols\n');
    const bad = await runCli(['validate', 'prices.csv', 'bad-prices.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('ok: prices.csv');
    expect(bad.stdout).toMatch(/invalid: bad-prices\.csv: \d+ issues?/);
    expect(bad.stderr).toMatch(/bad-prices\.csv:row 3 column 'high' \[high-below-low\]/);
    expect(bad.stderr).toMatch(/bad-prices\.csv:row 6 .*\[duplicate/);
  });

  it('re-renders the report from an exported run', async () => {
    expect((await runCli(['run', 'sma.yaml', '--out', out, '--quiet'])).code).toBe(0);
    const target = join(out, 'again.html');
    const { code, stdout } = await runCli(['report', out, '--out', target]);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${target}\n`);
    const html = readFileSync(target, 'utf8');
    expect(html).toContain('<title>sma fixture</title>');
    expect(html).toContain('AAA');
  });

  it('exits 1 when report finds no export', async () => {
    const { code, stderr } = await runCli(['report', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: .* holds no complete ml4t-backtest export/);
  });

  it('draws no progress bar when CI is set even on a terminal', async () => {
    const { stderr } = await runCli(['run', 'sma.yaml', '--out', out], { tty: true, env: { CI: 'true' } });
    expect(stderr).toMatch(/^progress: done, 60 timestamps up to 2021-03-26\n$/m);
    expect(stderr).not.toContain('\u001b');
  });
});
