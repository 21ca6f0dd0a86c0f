import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const cli = here('../../../packages/backtest/src/cli.ts');

interface TradeRow {
  readonly exitReason: string;
  readonly exitRule?: string;
  readonly entrySlippagePerUnit: number | string;
}
interface FillRow {
  readonly slippagePerUnit: number | string;
}

describe('a third-party plugin package used from a config file', () => {
  let out: string;
  let stdout: string;
  let stderr: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'ml4t-plugin-'));
    // A child process, as a shell user runs it: node + tsx, resolving workspace packages to their sources.
    const result = await run(
      process.execPath,
      ['--conditions=@ml4t/source', '--import', 'tsx', cli, 'run', 'custom-plugin.yaml', '--out', out],
      { cwd: here('..'), env: { ...process.env, CI: 'true' } },
    );
    stdout = result.stdout;
    stderr = result.stderr;
  });

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('runs through the CLI and exits 0', () => {
    expect(stdout).toContain('Third-party plugins');
    expect(stderr).toContain('progress: done');
  });

  it('applies the plugin slippage model to every fill', () => {
    const fills = JSON.parse(readFileSync(join(out, 'fills.json'), 'utf8')) as FillRow[];
    expect(fills.length).toBeGreaterThan(0);
    for (const fill of fills) expect(Number(fill.slippagePerUnit)).toBeGreaterThan(0);
  });

  it('exits positions with the plugin risk rule', () => {
    const trades = JSON.parse(readFileSync(join(out, 'trades.json'), 'utf8')) as TradeRow[];
    const gapExits = trades.filter((t) => t.exitRule === 'gapDownExit');
    expect(gapExits.length).toBeGreaterThan(0);
    for (const trade of gapExits) expect(trade.exitReason).toBe('CUSTOM');
  });
});
