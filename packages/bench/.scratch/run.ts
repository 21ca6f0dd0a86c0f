import { Engine } from '@ml4t/core';
import { percentageCommission, percentageSlippage, SimulatedBroker } from '@ml4t/execution';
import { ResultsCollector } from '@ml4t/results';
import { ColumnarFeed } from '../../feeds/src/columnar/columnar-feed.js';
import { runW1Baseline } from '../src/baseline/w1-baseline.js';
import { exactEquity, toCents } from '../src/harness/cents.js';
import { SmaCrossoverStrategy } from '../src/strategies/sma-crossover.js';
import { W1_PARAMS } from '../src/strategies/sma-crossover-params.js';
import { gen } from './gen.js';

const which = process.argv[2] ?? 'W0';
const bars = gen(250, 5040);
const t0 = process.hrtime.bigint();
if (which === 'B') {
  const r = runW1Baseline(bars, W1_PARAMS);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(which, s, (bars.timestamp.length / s / 1e6).toFixed(2), 'M bars/s', r, toCents(r.finalEquity));
} else {
  const collector = new ResultsCollector();
  const engine = new Engine({
    initialCash: W1_PARAMS.initialCash,
    feeds: [new ColumnarFeed(bars)],
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
  console.log(
    which,
    s,
    (bars.timestamp.length / s / 1e6).toFixed(2),
    'M bars/s',
    sum.fills,
    sum.closedTrades,
    toCents(exactEquity(engine.portfolio)),
    process.resourceUsage().maxRSS / 1024,
  );
}
