import { runW1Baseline } from '../baseline/w1-baseline.js';
import { benchDataset } from '../data/bench-datasets.js';
import { toCents } from '../harness/cents.js';
import { timed } from '../harness/stopwatch.js';
import type { Workload } from '../harness/workload-outcome.js';
import { W1_PARAMS } from '../strategies/sma-crossover-params.js';
import { BASELINE_ID } from './baseline-id.js';
import { inMemory } from './in-memory.js';

/** The W1 baseline loop on W1's dataset, as a workload line (`W1-baseline`). */
export const w1Baseline: Workload = {
  id: BASELINE_ID,
  async prepare(quick) {
    const { bars } = benchDataset('W1', quick);
    return inMemory(async () => {
      const { value, seconds, pageFaults } = await timed(() => runW1Baseline(bars, W1_PARAMS));
      return {
        workload: BASELINE_ID,
        symbols: bars.symbols.length,
        bars: value.bars,
        seconds,
        pageFaults,
        fills: value.fills,
        trades: value.trades,
        finalEquity: toCents(value.finalEquity),
      };
    });
  },
};
