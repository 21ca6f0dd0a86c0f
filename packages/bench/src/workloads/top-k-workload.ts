import { cashAccount, percentageCommission, percentageSlippage, SimulatedBroker } from '@ml4t/execution';
import { ColumnarFeed } from '@ml4t/feeds';
import { ResultsCollector } from '@ml4t/results';
import { regimeFilter, stopLoss } from '@ml4t/risk';
import { benchDataset } from '../data/bench-datasets.js';
import type { WorkloadId } from '../harness/workload-id.js';
import type { Workload } from '../harness/workload-outcome.js';
import { TopKScoresStrategy } from '../strategies/top-k-scores.js';
import { inMemory } from './in-memory.js';
import { measureEngine } from './measure-engine.js';

/** Starting cash of W2 and W3. */
const INITIAL_CASH = 1_000_000;

/**
 * The W2 logic on the dataset of workload `id`: hold the top 25 ML scores equal weight, trading only the names
 * whose membership changed (see {@link TopKScoresStrategy}); a 5 % stop loss per position (`stopLoss` of
 * `@ml4t/risk`); no new entries while VIX > 30 (`regimeFilter`); next-bar open fills, 5 bps slippage, 10 bps
 * commission, cash account; results collected by a {@link ResultsCollector}.
 */
export function topKWorkload(id: WorkloadId): Workload {
  return {
    id,
    async prepare(quick) {
      const { bars, features } = benchDataset(id, quick);
      return inMemory(() => {
        const collector = new ResultsCollector();
        return measureEngine(
          id,
          {
            initialCash: INITIAL_CASH,
            feeds: [new ColumnarFeed(bars, { name: id })],
            features: features(),
            strategy: new TopKScoresStrategy({ k: 25, feature: 'score' }),
            broker: new SimulatedBroker({
              fillTiming: 'next_bar',
              slippage: percentageSlippage({ rate: 0.0005 }),
              commission: percentageCommission({ rate: 0.001 }),
              account: cashAccount(),
            }),
            positionRules: [stopLoss({ percent: 0.05 })],
            portfolioRules: [regimeFilter({ feature: 'vix', above: 30 })],
            sinks: [collector],
          },
          collector,
        );
      });
    },
  };
}
