import type { BacktestResults } from '@ml4t/results';

const percent = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : 'n/a');
const number = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/** The few lines `ml4t-backtest run` prints after a run: returns, risk, trades and costs. */
export function formatSummary(results: BacktestResults): string {
  const m = results.getMetrics();
  const s = results.summary;
  const rows: [string, string][] = [
    [
      'period',
      `${new Date(m.startTime).toISOString().slice(0, 10)} → ${new Date(m.endTime).toISOString().slice(0, 10)} (${s.slices} timestamps, ${s.bars} bars)`,
    ],
    ['final equity', m.finalEquity.toFixed(2)],
    ['total return', percent(m.totalReturn)],
    ['CAGR', percent(m.cagr)],
    ['Sharpe', number(m.sharpe)],
    ['max drawdown', percent(m.maxDrawdown)],
    ['trades', `${m.trades.count} closed, ${s.openTrades.length} open, win rate ${percent(m.trades.winRate)}`],
    ['fills', String(s.fills)],
    ['costs', `commission ${m.totalCommission.toFixed(2)}, slippage ${m.totalSlippage.toFixed(2)}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}
