/**
 * A second, deliberately plain implementation of the headline metrics (arrays, textbook formulas), used to
 * cross-check the package's implementation on random equity curves. Keep it independent: no imports from src.
 */

export function refReturns(equity: number[], initial: number): number[] {
  const values = [initial, ...equity];
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) out.push((values[i] as number) / (values[i - 1] as number) - 1);
  return out;
}

function avg(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function stdev(xs: number[]): number {
  const m = avg(xs);
  return Math.sqrt(xs.map((x) => (x - m) ** 2).reduce((a, b) => a + b, 0) / (xs.length - 1));
}

export function refVolatility(equity: number[], initial: number, ppy: number): number {
  return stdev(refReturns(equity, initial)) * Math.sqrt(ppy);
}

export function refSharpe(equity: number[], initial: number, ppy: number): number {
  const r = refReturns(equity, initial);
  return (avg(r) / stdev(r)) * Math.sqrt(ppy);
}

export function refSortino(equity: number[], initial: number, ppy: number): number {
  const r = refReturns(equity, initial);
  const downside = Math.sqrt(avg(r.map((x) => Math.min(x, 0) ** 2)));
  return (avg(r) / downside) * Math.sqrt(ppy);
}

export function refMaxDrawdown(equity: number[], initial: number): number {
  let peak = initial;
  let worst = 0;
  for (const e of equity) {
    peak = Math.max(peak, e);
    worst = Math.min(worst, e / peak - 1);
  }
  return worst;
}

export function refCagr(equity: number[], initial: number, days: number): number {
  const last = equity[equity.length - 1] as number;
  return (last / initial) ** (365.25 / days) - 1;
}

export function refWinRate(pnls: number[]): number {
  return pnls.filter((p) => p > 0).length / pnls.length;
}

export function refProfitFactor(pnls: number[]): number {
  const wins = pnls.filter((p) => p > 0).reduce((a, b) => a + b, 0);
  const losses = pnls.filter((p) => p < 0).reduce((a, b) => a + b, 0);
  return wins / -losses;
}
