// `pnpm demo`: runs the reference ML strategy with a progress bar, prints its metrics and a few trades with the
// ML score recorded at entry, and writes the HTML report and the trade log to examples/top25-ml/out/.
import { fileURLToPath } from 'node:url';
import { formatSummary, processIo, progressReporter, writeOutputs } from '@ml4t/backtest';
import { runTop25 } from './top25.js';

const out = fileURLToPath(new URL('../out', import.meta.url));
const progress = progressReporter(processIo(), { quiet: false });
const results = await runTop25({ onProgress: (p) => progress.update(p), progressEvery: 5 });
progress.stop();

console.log(
  '\nTop 25 of 500 by ML score — weekly rebalance, ATR stop, tightening trailing stop, time exit, VIX filter',
);
console.log(formatSummary(results));

const trades = results.getTrades();
const scored = trades.filter((t) => Number.isFinite(t.entryContext.score));
console.log(
  `\nML score at entry recorded on ${scored.length} of ${trades.length} trades (VIX too: ${trades.every((t) => 'vix' in t.entryContext.market)})`,
);
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const winners = trades.filter((t) => t.pnlNet.gt(0)).map((t) => t.entryContext.score);
const losers = trades.filter((t) => t.pnlNet.lte(0)).map((t) => t.entryContext.score);
console.log(`mean entry score: winners ${mean(winners).toFixed(3)}, losers ${mean(losers).toFixed(3)}`);

const byReason = new Map<string, number>();
for (const t of trades) byReason.set(t.exitReason, (byReason.get(t.exitReason) ?? 0) + 1);
console.log(`exits: ${[...byReason].map(([reason, n]) => `${reason} ${n}`).join(', ')}`);
const refused = results.getOrders().filter((o) => o.order.reason?.source === 'regimeFilter').length;
console.log(`entries refused while VIX > 30: ${refused}`);

console.log('\nfirst trades:');
console.log('  symbol  entry       exit        score   vix    net P&L   exit');
for (const t of trades.slice(0, 8)) {
  console.log(
    `  ${t.symbol.padEnd(6)}  ${new Date(t.entryTime).toISOString().slice(0, 10)}  ${new Date(t.exitTime).toISOString().slice(0, 10)}  ${t.entryContext.score.toFixed(3).padStart(6)}  ${(t.entryContext.market.vix ?? Number.NaN).toFixed(1).padStart(5)}  ${t.pnlNet.toFixed(2).padStart(9)}  ${t.exitRule ?? t.exitReason}`,
  );
}

const written = await writeOutputs(
  results,
  out,
  { formats: ['csv', 'json'], report: true },
  'Top 25 ML reference strategy',
);
console.log(`\nwrote ${written.files.join(', ')} to ${written.dir}`);
