import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('quickstart example', () => {
  it('runs a multi-symbol backtest with costs, prints the metrics and writes the report', () => {
    const out = execFileSync('pnpm', ['exec', 'tsx', '--conditions=@ml4t/source', 'src/main.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    for (const label of ['Total return', 'Sharpe', 'Max drawdown', 'Trades (closed)', 'Commission', 'Slippage']) {
      expect(out).toContain(label);
    }
    const trades = Number(/Trades \(closed\)\s+(\d+)/.exec(out)?.[1]);
    expect(trades).toBeGreaterThan(10);
    const commission = Number(/Commission\s+\$([\d.]+)/.exec(out)?.[1]);
    const slippage = Number(/Slippage\s+\$([\d.]+)/.exec(out)?.[1]);
    expect(commission).toBeGreaterThan(0);
    expect(slippage).toBeGreaterThan(0);
    const report = join(root, 'out', 'report.html');
    expect(statSync(report).size).toBeGreaterThan(10_000);
    expect(readFileSync(report, 'utf8')).toContain('<svg');
  }, 120_000);
});
