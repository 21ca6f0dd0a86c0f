/**
 * Quickstart: an SMA(10/50) crossover over 20 synthetic stocks and five years of business days, with
 * slippage, commission, a cash account and a stop loss. Prints the metrics and writes an HTML report.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '@ml4t/core';
import { cashAccount, percentageCommission, percentageSlippage, SimulatedBroker } from '@ml4t/execution';
import { generateMarket } from '@ml4t/feeds';
import { ResultsCollector, writeHtmlReport } from '@ml4t/results';
import { stopLoss } from '@ml4t/risk';
import { formatMetrics } from './format-metrics.js';
import { SmaCrossover } from './sma-crossover.js';

const market = generateMarket({ symbols: 20, bars: 1260, seed: 7 });
const collector = new ResultsCollector();
const engine = new Engine({
  initialCash: 1_000_000,
  feeds: [market.feed()],
  strategy: new SmaCrossover({ fast: 10, slow: 50, shares: 500 }),
  broker: new SimulatedBroker({
    slippage: percentageSlippage({ rate: 0.0005 }),
    commission: percentageCommission({ rate: 0.001 }),
    account: cashAccount(),
  }),
  positionRules: [stopLoss({ percent: 0.08 })],
  sinks: [collector],
  describe: { example: 'quickstart', symbols: 20, bars: 1260, slippage: '5 bp', commission: '10 bp', stopLoss: '8 %' },
});

await engine.run();
const results = collector.results();
console.log(formatMetrics(results));

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');
mkdirSync(out, { recursive: true });
const report = join(out, 'report.html');
await writeHtmlReport(results, report, { title: 'Quickstart: SMA crossover' });
console.log(`\nHTML report: ${report}`);
