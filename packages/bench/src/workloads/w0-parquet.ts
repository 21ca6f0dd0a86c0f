import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedBroker } from '@ml4t/execution';
import { loadMarketDirectory, writeMarketParquet } from '@ml4t/feeds';
import { ResultsCollector } from '@ml4t/results';
import { benchDataset } from '../data/bench-datasets.js';
import type { Workload } from '../harness/workload-outcome.js';
import { measureEngine } from './measure-engine.js';

/** Id of the Parquet load-and-replay line. */
export const PARQUET_ID = 'W0-parquet';

/** Environment variable naming a directory that already holds W0's dataset as Parquet (set by `main.ts`). */
export const PARQUET_DIR_ENV = 'ML4T_BENCH_PARQUET_DIR';
/** Environment variable telling which size that dataset is: `quick` or `full`. */
export const PARQUET_SIZE_ENV = 'ML4T_BENCH_PARQUET_SIZE';

/** The value of {@link PARQUET_SIZE_ENV} for a dataset of the given size. */
export function parquetSize(quick: boolean): string {
  return quick ? 'quick' : 'full';
}

/** Writes W0's dataset (prices, scores, VIX) as Parquet into `dir`, in the BENCHMARKS.md export layout. */
export async function writeW0Parquet(dir: string, quick: boolean): Promise<void> {
  await writeMarketParquet(benchDataset('W0', quick).market, dir);
}

/**
 * W0 from files: loads the 250 × 5,040 dataset from Parquet (prices, scores and VIX, validated) and replays it
 * through the engine with the empty strategy. Each run's seconds cover loading and replay; the files are
 * written beforehand by the parent process, so generating them is not measured. Preparing the other size (the
 * worker's quick warm-up before a full run) writes its own files into a temporary directory, deleted by
 * `dispose`: loading the full dataset in the warm-up too would put its garbage in the measured runs' peak RSS.
 */
export const w0Parquet: Workload = {
  id: PARQUET_ID,
  async prepare(quick) {
    const given = process.env[PARQUET_SIZE_ENV] === parquetSize(quick) ? process.env[PARQUET_DIR_ENV] : undefined;
    const dir = given ?? (await writtenTempDir(quick));
    return {
      run() {
        const collector = new ResultsCollector();
        return measureEngine(
          PARQUET_ID,
          async () => {
            const loaded = await loadMarketDirectory(dir, { format: 'parquet' });
            return {
              initialCash: 1_000_000,
              feeds: [loaded.feed],
              ...(loaded.features ? { features: loaded.features } : {}),
              strategy: { name: 'empty' },
              broker: new SimulatedBroker(),
              sinks: [collector],
            };
          },
          collector,
        );
      },
      dispose: () => (given === undefined ? rm(dir, { recursive: true, force: true }) : Promise.resolve()),
    };
  },
};

/** A new temporary directory holding W0's dataset of the given size as Parquet (deleted again on failure). */
async function writtenTempDir(quick: boolean): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ml4t-bench-'));
  try {
    await writeW0Parquet(dir, quick);
    return dir;
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
