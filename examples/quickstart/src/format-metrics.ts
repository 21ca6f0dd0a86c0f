import type { BacktestResults } from '@ml4t/results';

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(2)} %` : 'n/a');
const num = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/** The headline metrics of a run as an aligned two-column table. */
export function formatMetrics(results: BacktestResults): string {
  const m = results.getMetrics();
  const fills = results.getFills();
  const rows: [string, string][] = [
    ['Initial capital', `$${m.initialCapital.toFixed(2)}`],
    ['Final equity', `$${m.finalEquity.toFixed(2)}`],
    ['Total return', pct(m.totalReturn)],
    ['CAGR', pct(m.cagr)],
    ['Volatility', pct(m.volatility)],
    ['Sharpe', num(m.sharpe)],
    ['Sortino', num(m.sortino)],
    ['Max drawdown', pct(m.maxDrawdown)],
    ['Trades (closed)', String(m.trades.count)],
    ['Win rate', pct(m.trades.winRate)],
    ['Profit factor', num(m.trades.profitFactor)],
    ['Fills', String(fills.length)],
    ['Commission', `$${m.totalCommission.toFixed(2)}`],
    ['Slippage', `$${m.totalSlippage.toFixed(2)}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
