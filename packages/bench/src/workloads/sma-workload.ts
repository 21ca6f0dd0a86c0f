import { percentageCommission, percentageSlippage, SimulatedBroker } from '@ml4t/execution';
import { ColumnarFeed } from '@ml4t/feeds';
import { ResultsCollector } from '@ml4t/results';
import { benchDataset } from '../data/bench-datasets.js';
import type { WorkloadId } from '../harness/workload-id.js';
import type { Workload } from '../harness/workload-outcome.js';
import { SmaCrossoverStrategy } from '../strategies/sma-crossover.js';
import { W1_PARAMS } from '../strategies/sma-crossover-params.js';
import { inMemory } from './in-memory.js';
import { measureEngine } from './measure-engine.js';

/**
 * The W1 logic on the dataset of workload `id`: SMA 10/50 crossover per symbol, long only, 100 shares; market
 * orders filled at the next bar's open with 5 bps percentage slippage and 10 bps percentage commission, in
 * the broker's default cash account; results collected by a {@link ResultsCollector}.
 */
export function smaCrossoverWorkload(id: WorkloadId): Workload {
  return {
    id,
    async prepare(quick) {
      const { bars } = benchDataset(id, quick);
      const params = W1_PARAMS;
      return inMemory(() => {
        const collector = new ResultsCollector();
        return measureEngine(
          id,
          {
            initialCash: params.initialCash,
            feeds: [new ColumnarFeed(bars, { name: id })],
            strategy: new SmaCrossoverStrategy(params),
            broker: new SimulatedBroker({
              fillTiming: 'next_bar',
              slippage: percentageSlippage({ rate: params.slippageRate }),
              commission: percentageCommission({ rate: params.commissionRate }),
            }),
            sinks: [collector],
          },
          collector,
        );
      });
    },
  };
}
