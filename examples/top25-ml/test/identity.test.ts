import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliIo, main, writeResults } from '@ml4t/backtest';
import type { BacktestResults } from '@ml4t/results';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTop25 } from '../src/top25.js';

const yaml = fileURLToPath(new URL('../../configs/top25-ml.yaml', import.meta.url));

describe('the top25-ml example and `ml4t-backtest run examples/configs/top25-ml.yaml`', () => {
  let dir: string;
  let example: BacktestResults;
  let cliCode: number;
  let cliErr = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ml4t-top25-'));
    example = await runTop25();
    await writeResults(example, join(dir, 'example'), { formats: ['json'] });
    const io: CliIo = {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (cliErr += s), isTTY: false },
      env: { CI: 'true' },
      cwd: dir,
    };
    cliCode = await main(['run', yaml, '--out', join(dir, 'cli'), '--quiet'], io);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI run succeeds', () => {
    expect(cliErr).toBe('');
    expect(cliCode).toBe(0);
  });

  it('give identical trades (the exported trade logs are byte-identical)', () => {
    const fromExample = readFileSync(join(dir, 'example', 'trades.json'), 'utf8');
    const fromCli = readFileSync(join(dir, 'cli', 'trades.json'), 'utf8');
    expect(example.getTrades().length).toBeGreaterThan(100);
    expect(fromCli).toBe(fromExample);
  });

  it('give identical fills and equity', () => {
    for (const file of ['fills.json', 'equity.json']) {
      expect(readFileSync(join(dir, 'cli', file), 'utf8'), file).toBe(readFileSync(join(dir, 'example', file), 'utf8'));
    }
  });

  it('record the ML score and VIX at entry on every trade', () => {
    for (const trade of example.getTrades()) {
      expect(Number.isFinite(trade.entryContext.score), trade.id).toBe(true);
      expect(Number.isFinite(trade.entryContext.market.vix), trade.id).toBe(true);
    }
  });

  it('exercise every risk rule and the VIX filter', () => {
    const reasons = new Set(example.getTrades().map((t) => t.exitReason));
    for (const reason of ['VOLATILITY_STOP', 'TRAILING_STOP', 'TIME_EXIT', 'SIGNAL']) expect(reasons).toContain(reason);
    const refused = example.getOrders().filter((o) => o.order.reason?.source === 'regimeFilter');
    expect(refused.length).toBeGreaterThan(0);
  });

  it('pay slippage and commission on every fill', () => {
    for (const fill of example.getFills()) {
      expect(fill.slippagePerUnit, fill.id).toBeGreaterThan(0);
      expect(fill.commission.gt(0), fill.id).toBe(true);
    }
  });
});
