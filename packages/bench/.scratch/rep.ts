import { Engine } from '@ml4t/core';
import { percentageCommission, percentageSlippage, SimulatedBroker } from '@ml4t/execution';
import { ResultsCollector } from '@ml4t/results';
import { ColumnarFeed } from '../../feeds/src/columnar/columnar-feed.js';
import { SmaCrossoverStrategy } from '../src/strategies/sma-crossover.js';
import { W1_PARAMS } from '../src/strategies/sma-crossover-params.js';
import { gen } from './gen.js';

const which = process.argv[2] ?? 'W0';
const reps = Number(process.argv[3] ?? 5);
const bars = gen(250, 5040);
for (let r = 0; r < reps; r++) {
  const feed = new ColumnarFeed(bars);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const collector = new ResultsCollector();
  const engine = new Engine({
    initialCash: W1_PARAMS.initialCash,
    feeds: [feed],
    strategy: which === 'W0' ? {} : new SmaCrossoverStrategy(W1_PARAMS),
    broker: new SimulatedBroker({
      slippage: percentageSlippage({ rate: 0.0005 }),
      commission: percentageCommission({ rate: 0.001 }),
    }),
    sinks: [collector],
  });
  const sum = await engine.run();
  collector.results();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  console.log(
    which,
    'wall',
    s.toFixed(3),
    'cpu',
    ((cpu.user + cpu.system) / 1e6).toFixed(3),
    (1.26e6 / s / 1e6).toFixed(2),
    'M/s',
    sum.fills,
  );
}
