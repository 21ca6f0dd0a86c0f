import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateMarket, writeMarketCsv, writeMarketParquet } from '@ml4t/feeds';
import type { WorkloadId } from '../harness/workload-id.js';
import { datasetSpec } from './bench-datasets.js';

/**
 * Writes the datasets of the selected workloads under `dir`, one sub-directory per dataset (`daily-250` for
 * W0–W2, `daily-500` for W3, `minute-100` for W4), each in the BENCHMARKS.md export layout: `prices`,
 * `scores` and `vix` as both `.parquet` and `.csv`, long format sorted by timestamp then symbol. A
 * `manifest.json` maps workloads to directories and records the generator options (seed included), so
 * another engine can run on identical input.
 *
 * @returns the paths written
 */
export async function exportDatasets(dir: string, quick: boolean, ids: readonly WorkloadId[]): Promise<string[]> {
  const written: string[] = [];
  const manifest: Record<string, { workloads: WorkloadId[]; options: object }> = {};
  for (const id of ids) {
    const spec = datasetSpec(id, quick);
    const known = manifest[spec.name];
    if (known) {
      known.workloads.push(id);
      continue;
    }
    manifest[spec.name] = { workloads: [id], options: { ...spec.options, generator: '@ml4t/feeds generateMarket' } };
    const out = join(dir, spec.name);
    const market = generateMarket(spec.options);
    await writeMarketParquet(market, out);
    writeMarketCsv(market, out);
    for (const name of ['prices', 'scores', 'vix']) {
      written.push(join(out, `${name}.parquet`), join(out, `${name}.csv`));
    }
  }
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  await writeFile(file, `${JSON.stringify({ quick, datasets: manifest }, null, 2)}\n`);
  written.push(file);
  return written;
}
