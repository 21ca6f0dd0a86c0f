import { Engine } from '@ml4t/core';
import { percentageCommission, percentageSlippage, SimulatedBroker } from '@ml4t/execution';
import { ResultsCollector } from '@ml4t/results';
import { ColumnarFeed } from '../../feeds/src/columnar/columnar-feed.js';
import { SmaCrossoverStrategy } from '../src/strategies/sma-crossover.js';
import { W1_PARAMS } from '../src/strategies/sma-crossover-params.js';
import { gen } from './gen.js';

const mb = () => {
  const m = process.memoryUsage();
  return `rss ${(m.rss / 1048576).toFixed(0)} heap ${(m.heapUsed / 1048576).toFixed(0)} ext ${(m.external / 1048576).toFixed(0)} ab ${(m.arrayBuffers / 1048576).toFixed(0)} maxrss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`;
};
console.log('start', mb());
const bars = gen(250, 5040);
(globalThis as any).gc?.();
console.log('data', mb());
const useCollector = process.argv[2] !== 'nosink';
const collector = new ResultsCollector();
const engine = new Engine({
  initialCash: W1_PARAMS.initialCash,
  feeds: [new ColumnarFeed(bars)],
  strategy: new SmaCrossoverStrategy(W1_PARAMS),
  broker: new SimulatedBroker({
    slippage: percentageSlippage({ rate: 0.0005 }),
    commission: percentageCommission({ rate: 0.001 }),
  }),
  sinks: useCollector ? [collector] : [],
});
await engine.run();
console.log('after run', mb());
(globalThis as any).gc?.();
console.log('after gc', mb());
