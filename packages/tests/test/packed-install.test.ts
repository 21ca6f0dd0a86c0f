import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = ['core', 'feeds', 'execution', 'risk', 'results'];

// A user's script: only the published names, plain ESM, no TypeScript.
const SCRIPT = `
import { Engine } from '@ml4t/core';
import { generateMarket } from '@ml4t/feeds';
import { SimulatedBroker, percentageSlippage, percentageCommission } from '@ml4t/execution';
import { stopLoss } from '@ml4t/risk';
import { ResultsCollector } from '@ml4t/results';

const market = generateMarket({ symbols: 5, bars: 300, seed: 3 });
const collector = new ResultsCollector();
const strategy = {
  onTimeSlice(slice, ctx) {
    for (let i = 0; i < slice.size; i++) {
      const s = slice.symbolIds[i];
      const symbol = slice.symbols.name(s);
      if (slice.index % 20 === 0 && ctx.portfolio.quantity(s) === 0) {
        ctx.bus.submit({ type: 'MARKET', symbol, side: 'BUY', quantity: 10 });
      } else if (slice.index % 20 === 10 && ctx.portfolio.quantity(s) > 0) {
        ctx.bus.submit({ type: 'MARKET', symbol, side: 'SELL', quantity: ctx.portfolio.quantity(s) });
      }
    }
  },
};
const engine = new Engine({
  initialCash: 100000,
  feeds: [market.feed()],
  strategy,
  broker: new SimulatedBroker({ slippage: percentageSlippage({ rate: 0.0005 }), commission: percentageCommission({ rate: 0.001 }) }),
  positionRules: [stopLoss({ percent: 0.1 })],
  sinks: [collector],
});
await engine.run();
const m = collector.results().getMetrics();
console.log(JSON.stringify({
  trades: m.trades.count,
  totalReturn: m.totalReturn,
  sharpe: m.sharpe,
  maxDrawdown: m.maxDrawdown,
  commission: m.totalCommission.toString(),
  slippage: m.totalSlippage.toString(),
}));
`;

describe('packed tarballs installed into a plain npm project', () => {
  const work = mkdtempSync(join(tmpdir(), 'ml4t-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('imports @ml4t/core, feeds, execution, risk and results, runs a backtest and prints metrics', () => {
    const tarballs = join(work, 'tarballs');
    mkdirSync(tarballs);
    for (const name of PACKAGES) {
      execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(packagesDir, name), stdio: 'pipe' });
    }
    const files = readdirSync(tarballs).filter((f) => f.endsWith('.tgz'));
    expect(files).toHaveLength(PACKAGES.length);
    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
    );
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files.map((f) => join(tarballs, f)), 'rxjs@7.8.2'],
      { cwd: project, stdio: 'pipe' },
    );
    writeFileSync(join(project, 'main.mjs'), SCRIPT);
    const out = execFileSync('node', ['main.mjs'], { cwd: project, encoding: 'utf8' });
    const metrics = JSON.parse(out.trim().split('\n').pop() as string);
    expect(metrics.trades).toBeGreaterThan(0);
    expect(Number.isFinite(metrics.totalReturn)).toBe(true);
    expect(Number(metrics.commission)).toBeGreaterThan(0);
    expect(Number(metrics.slippage)).toBeGreaterThan(0);
  }, 300_000);
});
