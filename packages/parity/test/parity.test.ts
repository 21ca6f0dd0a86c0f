import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DIR } from '../src/cli.js';
import { compareRecords } from '../src/compare.js';
import { readGolden } from '../src/golden.js';
import { runScenario } from '../src/run-scenario.js';
import { SCENARIOS } from '../src/scenario-spec.js';

/**
 * Golden files come from the bundled copy and, when present, from the shared scenarios folder beside the
 * repository (or `ML4T_PARITY_DIR`): a new golden file there is picked up without code changes.
 */
function scenarioDirs(): string[] {
  const dirs = [BUNDLED_DIR];
  const shared = process.env.ML4T_PARITY_DIR ?? resolve(BUNDLED_DIR, '../../../../../shared/scenarios/backtrader');
  if (existsSync(join(shared, 'golden'))) dirs.unshift(shared);
  return dirs;
}

function goldenFiles(): { id: string; file: string; data: string }[] {
  const seen = new Set<string>();
  const out: { id: string; file: string; data: string }[] = [];
  for (const dir of scenarioDirs()) {
    for (const name of readdirSync(join(dir, 'golden')).sort()) {
      if (!name.endsWith('.json') || seen.has(name)) continue;
      seen.add(name);
      out.push({ id: name.replace(/\.json$/, ''), file: join(dir, 'golden', name), data: join(dir, 'data') });
    }
  }
  return out;
}

describe('backtrader parity', () => {
  for (const { id, file, data } of goldenFiles()) {
    it(`${id} matches ${file.split(/[\\/]/).slice(-3).join('/')}`, async () => {
      const golden = readGolden(file);
      const spec = SCENARIOS[golden.scenario];
      expect(spec, `no scenario ${golden.scenario}`).toBeDefined();
      if (spec === undefined) return;
      const record = await runScenario(spec, { dataDir: data });
      const report = compareRecords(record, golden);
      expect(report.differences.slice(0, 20)).toEqual([]);
      expect(report.checked).toBeGreaterThan(1000);
    });
  }

  for (const spec of Object.values(SCENARIOS)) {
    it(`${spec.id} runs on the bundled data and reconciles`, async () => {
      const record = await runScenario(spec, { dataDir: join(BUNDLED_DIR, 'data') });
      expect(record.daily).toHaveLength(504);
      expect(record.fills.length).toBeGreaterThan(0);
      const pnl = record.trades.reduce((s, t) => s + t.pnl_net, 0);
      const last = record.daily[record.daily.length - 1];
      expect(last?.value).toBeCloseTo(record.final_value, 6);
      expect(Number.isFinite(pnl)).toBe(true);
    });
  }
});
