import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/cli-harness.js';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

interface ProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ml4t-backtest` as a shell user would: a Node.js child process (through tsx, on the sources). */
function spawnCli(args: readonly string[]): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@ml4t/source', '--import', 'tsx', cli, ...args],
      { cwd: fixture('.'), env: { ...process.env, CI: 'true' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('ml4t-backtest (child process)', { timeout: 60_000 }, () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'ml4t-cli-process-'));
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('runs a config and exits 0', async () => {
    const { code, stdout, stderr } = await spawnCli(['run', 'sma.yaml', '--out', out]);
    expect(stderr).toContain('progress: done');
    expect(code).toBe(0);
    expect(stdout).toContain('sma fixture');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('exits 2 for a bad config, with the key path and no stack trace', async () => {
    const { code, stderr } = await spawnCli(['run', 'bad-key.yaml']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe("error: execution.slippage.rat: unknown key 'rat'");
    expect(stderr).not.toContain('    at ');
  });

  it('exits 1 for bad data', async () => {
    const { code, stderr } = await spawnCli(['validate', 'bad-prices.csv']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad-prices\.csv:row 3 column 'high' \[high-below-low\]/);
  });
});
