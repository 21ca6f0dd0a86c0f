import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ml4tError } from '@ml4t/core';
import { compareRecords } from './compare.js';
import { readGolden } from './golden.js';
import { runScenario } from './run-scenario.js';
import { SCENARIOS } from './scenario-spec.js';

const USAGE = `usage: pnpm parity --scenario <S01..S11> [--golden <file.json>] [--data <dir>] [--out <file.json>]

Runs a cross-framework scenario with the backtrader profile. --data defaults to the bundled backtrader data;
with --golden the run is compared with the golden file (exit 1 on any difference); --out writes the run in
the golden files' JSON shape.`;

/** The bundled copy of the backtrader scenario data. */
export const BUNDLED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/backtrader');

function parse(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i] as string;
    if (key === '--') continue;
    if (key === '--help' || key === '-h') {
      out.help = 'yes';
      continue;
    }
    const value = argv[i + 1];
    if (!key.startsWith('--') || value === undefined || value.startsWith('--')) {
      throw new UsageError(`unexpected argument ${key}`);
    }
    out[key.slice(2)] = value;
    i += 1;
  }
  return out;
}

class UsageError extends Error {}

/** Runs the parity command; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let args: Record<string, string>;
  try {
    args = parse(argv);
  } catch (err) {
    console.error(`error: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const id = (args.scenario ?? '').toUpperCase();
  const spec = SCENARIOS[id];
  if (spec === undefined) {
    console.error(
      `error: unknown scenario ${JSON.stringify(args.scenario ?? '')}; expected one of ${Object.keys(SCENARIOS).join(', ')}\n${USAGE}`,
    );
    return 2;
  }
  try {
    const record = await runScenario(spec, { dataDir: resolve(args.data ?? resolve(BUNDLED_DIR, 'data')) });
    if (args.out) writeFileSync(resolve(args.out), `${JSON.stringify(record, null, 1)}\n`);
    console.log(
      `${id}: ${record.trades.length} trades, ${record.open_trades.length} open, ${record.fills.length} fills, final value ${record.final_value.toFixed(2)}`,
    );
    if (args.golden === undefined) return 0;
    const report = compareRecords(record, readGolden(resolve(args.golden)));
    if (report.differences.length === 0) {
      console.log(`${id}: parity with ${args.golden} (${report.checked} checks)`);
      return 0;
    }
    console.log(`${id}: ${report.differences.length} differences out of ${report.checked} checks`);
    for (const d of report.differences.slice(0, 50)) console.log(`  ${d}`);
    return 1;
  } catch (err) {
    if (err instanceof Ml4tError) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
