import { Engine, type ResultSink } from '@ml4t/core';
import { cashAccount, percentageCommission, percentageSlippage, SimulatedBroker } from '@ml4t/execution';
import { ColumnarFeed } from '@ml4t/feeds';
import { ResultsCollector } from '@ml4t/results';
import { regimeFilter, stopLoss } from '@ml4t/risk';
import { benchDataset } from '../src/data/bench-datasets.js';
import { TopKScoresStrategy } from '../src/strategies/top-k-scores.js';
const mode = process.argv[2] ?? 'collector';
const id = (process.argv[3] ?? 'W2') as 'W2';
const { bars, features } = benchDataset(id, false);
const f = features();
let sinks: ResultSink[] = [];
const collector = new ResultsCollector();
if (mode === 'collector') sinks = [collector];
if (mode === 'count') { let n = 0; sinks = [{ onFill: () => { n++; }, onOrder: () => { n++; }, onTrade: () => { n++; }, onSnapshot: () => { n++; } }]; }
const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint();
const engine = new Engine({ initialCash: 1_000_000, feeds: [new ColumnarFeed(bars)], features: f, strategy: new TopKScoresStrategy({ k: 25 }),
  broker: new SimulatedBroker({ slippage: percentageSlippage({ rate: 0.0005 }), commission: percentageCommission({ rate: 0.001 }), account: cashAccount() }),
  positionRules: [stopLoss({ percent: 0.05 })], portfolioRules: [regimeFilter({ feature: 'vix', above: 30 })], sinks });
const s = await engine.run();
if (mode === 'collector') collector.results();
const sec = Number(process.hrtime.bigint() - t0) / 1e9; const cpu = process.cpuUsage(c0);
console.log(mode, id, 'wall', sec.toFixed(2), 'cpu', ((cpu.user + cpu.system) / 1e6).toFixed(2), 'fills', s.fills, 'maxrss', (process.resourceUsage().maxRSS / 1024).toFixed(0));
