import type { Trade } from '@ml4t/core';
import type { BacktestResults } from '../backtest-results.js';
import { writeFileAtomic } from '../export/atomic-write.js';
import { drawdownSeries } from '../metrics/drawdown.js';
import type { MetricsOptions } from '../metrics/metrics-options.js';
import { monthlyReturns } from '../metrics/monthly-returns.js';
import type { PerformanceMetrics } from '../metrics/performance-metrics.js';
import type { TradeStats } from '../metrics/trade-stats.js';
import { escapeHtml } from './escape-html.js';
import { formatDate, formatDateTime, formatDuration, formatMoney, formatNumber, formatPercent } from './format.js';
import { barChart } from './svg/bar-chart.js';
import { histogram } from './svg/histogram.js';
import { lineChart } from './svg/line-chart.js';
import { monthlyHeatmap } from './svg/monthly-heatmap.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Page title and heading (escaped). @defaultValue `'Backtest report'` */
  readonly title?: string;
  /** Options of the metrics shown (annualisation, risk-free rate, benchmark). @defaultValue the collector's defaults */
  readonly metrics?: MetricsOptions;
  /** How many trades the trade table lists (the first ones, in close order). @defaultValue 200 */
  readonly maxTrades?: number;
}

/** Blocks every network fetch and every script: the report is inert, self-contained HTML + inline SVG. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:960px;color:#111;padding:0 12px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e5e5;padding-bottom:4px}
.sub{color:#555;margin:0 0 16px}table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:right;vertical-align:top}th:first-child,td:first-child{text-align:left}
th{background:#f6f6f6;font-weight:600}.kv td:first-child{color:#444;width:45%}.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 24px}
.chart{display:block;max-width:100%;height:auto}.axis{font-size:11px;fill:#555}.cell{font-size:10px;fill:#111}
.pos{color:#15803d}.neg{color:#b91c1c}.err{background:#fef2f2;border:1px solid #fecaca;padding:8px;border-radius:4px}
table.trades td{white-space:nowrap}.scroll{overflow-x:auto}table.trades th:nth-child(2){text-align:left}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}td.text{text-align:left}
`;

/**
 * Renders a run as one self-contained HTML page: metrics, equity and drawdown charts, monthly returns heatmap,
 * trade P&L distribution, exit-reason breakdown, per-symbol and per-side tables, the first trades and the
 * configuration summary. Charts are inline SVG generated here; there are no scripts and no external
 * resources (a Content-Security-Policy forbids both). Every user string (symbols, tags, rule names, config
 * keys and values, the title) is HTML-escaped.
 *
 * @throws ConfigError when a metrics option is invalid.
 */
export function renderHtmlReport(results: BacktestResults, options: HtmlReportOptions = {}): string {
  const maxTrades = options.maxTrades ?? 200;
  const title = escapeHtml(options.title ?? 'Backtest report');
  const m = options.metrics === undefined ? results.getMetrics() : results.getMetrics(options.metrics);
  const curve = results.getEquityCurve();
  const capital = results.initialCapital.toNumber();
  const trades = results.getTrades();
  const closed = trades.filter((t) => !t.isOpen);
  const error = results.summary.error;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${title}</h1>
<p class="sub">${formatDate(m.startTime)} → ${formatDate(m.endTime)} · ${m.periods} bars · ${results.info.symbols.size} symbols · initial capital ${formatMoney(m.initialCapital)}</p>
${error ? `<p class="err">The run stopped early: ${escapeHtml(error.message)}</p>` : ''}
<h2>Summary</h2>
${summaryTables(m)}
<h2>Equity</h2>
${lineChart(curve.timestamps, curve.equity, { label: 'Equity curve', cls: 'chart equity', color: '#2563eb', format: (v) => formatNumber(v, 0) })}
<h2>Drawdown</h2>
${lineChart(curve.timestamps, drawdownSeries(curve.equity, capital), { label: 'Drawdown', cls: 'chart drawdown', color: '#dc2626', area: true, format: (v) => formatPercent(v, 1) })}
<h2>Monthly returns</h2>
${monthlyHeatmap(monthlyReturns(curve, capital))}
<h2>Trade P&amp;L distribution</h2>
${histogram(
  closed.map((t) => t.pnlNet.toNumber()),
  'Trade net P&amp;L histogram',
)}
<h2>Exit reasons</h2>
${exitReasons(closed)}
<h2>By side</h2>
${statsTable([
  ['LONG', m.bySide.LONG],
  ['SHORT', m.bySide.SHORT],
])}
<h2>By symbol</h2>
${statsTable(Object.entries(m.bySymbol))}
<h2>Trades</h2>
${tradeTable(trades.slice(0, maxTrades), trades.length)}
<h2>Configuration</h2>
${configTable(results.info.config)}
</body>
</html>
`;
}

/**
 * Writes {@link renderHtmlReport}'s page to `path` atomically (temporary file, fsync, rename).
 *
 * @throws ConfigError when a metrics option is invalid.
 */
export async function writeHtmlReport(
  results: BacktestResults,
  path: string,
  options?: HtmlReportOptions,
): Promise<void> {
  await writeFileAtomic(path, renderHtmlReport(results, options));
}

function summaryTables(m: PerformanceMetrics): string {
  const left: [string, string][] = [
    ['Total return', signed(m.totalReturn, formatPercent(m.totalReturn))],
    ['CAGR', signed(m.cagr, formatPercent(m.cagr))],
    ['Volatility (ann.)', formatPercent(m.volatility)],
    ['Sharpe', formatNumber(m.sharpe)],
    ['Sortino', formatNumber(m.sortino)],
    ['Calmar', formatNumber(m.calmar)],
    ['Max drawdown', signed(m.maxDrawdown, formatPercent(m.maxDrawdown))],
    ['Max drawdown duration', `${m.maxDrawdownDurationBars} bars (${formatDuration(m.maxDrawdownDurationMs)})`],
    ['Exposure / time in market', `${formatPercent(m.exposure)} / ${formatPercent(m.timeInMarket)}`],
    ['Turnover (ann.)', formatNumber(m.annualTurnover)],
    ['Periods per year', formatNumber(m.periodsPerYear, 0)],
  ];
  const t = m.trades;
  const right: [string, string][] = [
    ['Final equity', formatMoney(m.finalEquity)],
    ['Net P&amp;L (closed trades)', signed(t.netPnl.toNumber(), formatMoney(t.netPnl))],
    ['Trades', `${t.count} (${t.wins} won, ${t.losses} lost)`],
    ['Win rate', formatPercent(t.winRate)],
    ['Profit factor', formatNumber(t.profitFactor)],
    ['Expectancy', formatMoney(t.expectancy)],
    ['Payoff ratio', formatNumber(t.payoffRatio)],
    ['Average holding', `${formatNumber(t.avgBarsHeld, 1)} bars (${formatDuration(t.avgHoldingMs)})`],
    ['Commission', formatMoney(m.totalCommission)],
    ['Slippage + impact', formatMoney(m.totalSlippage.plus(m.totalImpact))],
    ['Cost drag', formatPercent(m.costDrag, 3)],
  ];
  if (m.benchmark) {
    const b = m.benchmark;
    left.push(['Benchmark return', formatPercent(b.benchmarkReturn)], ['Alpha (ann.)', formatPercent(b.alpha)]);
    right.push(['Beta', formatNumber(b.beta)], ['Information ratio', formatNumber(b.informationRatio)]);
  }
  const kv = (rows: [string, string][]): string =>
    `<table class="kv metrics">${rows.map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`).join('')}</table>`;
  return `<div class="grid">${kv(left)}${kv(right)}</div>`;
}

function signed(value: number, text: string): string {
  return value > 0 ? `<span class="pos">${text}</span>` : value < 0 ? `<span class="neg">${text}</span>` : text;
}

function exitReasons(trades: readonly Trade[]): string {
  const groups = new Map<string, { count: number; pnl: number }>();
  for (const t of trades) {
    const g = groups.get(t.exitReason) ?? { count: 0, pnl: 0 };
    g.count += 1;
    g.pnl += t.pnlNet.toNumber();
    groups.set(t.exitReason, g);
  }
  const bars = [...groups.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([reason, g]) => ({
      label: reason,
      value: g.count,
      note: `net ${formatMoney(g.pnl)}`,
      color: g.pnl >= 0 ? '#16a34a' : '#dc2626',
    }));
  return barChart(bars, 'Trades by exit reason');
}

function statsTable(rows: readonly (readonly [string, TradeStats])[]): string {
  const head =
    '<tr><th>Name</th><th>Trades</th><th>Win rate</th><th>Net P&amp;L</th><th>Profit factor</th><th>Expectancy</th><th>Avg bars</th><th>Costs</th></tr>';
  const body = rows
    .map(
      ([name, s]) =>
        `<tr><td class="text">${escapeHtml(name)}</td><td>${s.count}</td><td>${formatPercent(s.winRate)}</td><td>${signed(s.netPnl.toNumber(), formatMoney(s.netPnl))}</td><td>${formatNumber(s.profitFactor)}</td><td>${formatMoney(s.expectancy)}</td><td>${formatNumber(s.avgBarsHeld, 1)}</td><td>${formatMoney(s.commission.plus(s.slippage))}</td></tr>`,
    )
    .join('');
  return `<table class="stats">${head}${body}</table>`;
}

function tradeTable(trades: readonly Trade[], total: number): string {
  const head =
    '<tr><th>Id</th><th>Symbol</th><th>Side</th><th>Entry</th><th>Exit</th><th>Qty</th><th>Entry px</th><th>Exit px</th><th>Net P&amp;L</th><th>Return</th><th>Exit reason</th></tr>';
  const body = trades
    .map(
      (t) =>
        `<tr><td class="text">${escapeHtml(t.id)}</td><td class="text">${escapeHtml(t.symbol)}</td><td class="text">${t.direction}</td><td>${formatDateTime(t.entryTime)}</td><td>${formatDateTime(t.exitTime)}</td><td>${formatNumber(t.quantity, 2)}</td><td>${formatNumber(t.entryPrice, 4)}</td><td>${formatNumber(t.exitPrice, 4)}</td><td>${signed(t.pnlNet.toNumber(), formatMoney(t.pnlNet))}</td><td>${formatPercent(t.netReturnPct)}</td><td class="text">${escapeHtml(t.isOpen ? 'OPEN' : t.exitReason)}${t.exitRule ? ` (${escapeHtml(t.exitRule)})` : ''}</td></tr>`,
    )
    .join('');
  const more = total > trades.length ? `<p class="sub">Showing ${trades.length} of ${total} trades.</p>` : '';
  return `<div class="scroll"><table class="trades">${head}${body}</table></div>${more}`;
}

function configTable(config: Readonly<Record<string, unknown>>): string {
  const rows: [string, string][] = [];
  flatten(config, '', rows);
  if (rows.length === 0) return '<p class="sub">No configuration summary was given (EngineConfig.describe).</p>';
  return `<table class="kv config">${rows
    .map(
      ([k, v]) => `<tr><td><code>${escapeHtml(k)}</code></td><td class="text"><code>${escapeHtml(v)}</code></td></tr>`,
    )
    .join('')}</table>`;
}

function flatten(value: unknown, prefix: string, out: [string, string][]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.push([prefix, typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))]);
}
