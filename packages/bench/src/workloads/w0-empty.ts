import { SimulatedBroker } from '@ml4t/execution';
import { ColumnarFeed } from '@ml4t/feeds';
import { ResultsCollector } from '@ml4t/results';
import { benchDataset } from '../data/bench-datasets.js';
import type { Workload } from '../harness/workload-outcome.js';
import { inMemory } from './in-memory.js';
import { measureEngine } from './measure-engine.js';

/**
 * W0: 250 symbols × 5,040 business days through the full engine with a strategy that does nothing — the
 * cost of the event loop itself (clock, slices, marks, broker phases, snapshots, results collection).
 */
export const w0Empty: Workload = {
  id: 'W0',
  async prepare(quick) {
    const { bars } = benchDataset('W0', quick);
    return inMemory(() => {
      const collector = new ResultsCollector();
      return measureEngine(
        'W0',
        {
          initialCash: 1_000_000,
          feeds: [new ColumnarFeed(bars, { name: 'W0' })],
          strategy: { name: 'empty' },
          broker: new SimulatedBroker(),
          sinks: [collector],
        },
        collector,
      );
    });
  },
};
