import { type MarketOptions, resolveMarketOptions } from './market-options.js';
import { SyntheticMarket } from './synthetic-market.js';
import { Xoshiro128 } from './xoshiro128.js';

/**
 * Generates a synthetic market: N symbols × M bars of correlated geometric Brownian motion, deterministic
 * for a seed (xoshiro128** + Box–Muller, never `Math.random`).
 *
 * Model, per bar: a two-state Markov chain picks the regime (calm, or stressed with volatility ×
 * `stressMultiplier`); each symbol's shocks load √ρ on one market factor and √(1−ρ) on its own noise, so
 * pairwise correlation is ρ. Daily bars: open = previous close × exp(overnight shock) — the overnight gap
 * carries `overnightShare` of the variance — and close = open × exp(drift + intraday shock); minute bars gap
 * only at each session's first minute. High and low extend beyond max/min(open, close), so
 * low ≤ min(open, close) ≤ max(open, close) ≤ high always. Volume is lognormal (×1.6 when stressed); quotes,
 * when asked, straddle the close by `spreadBps`. The VIX-like series mean-reverts to the regime's level.
 *
 * Scores: `score[t,i] = ic · z(r[t+1,i]) + √(1 − ic²) · ε`, with z the cross-sectional z-score of the NEXT
 * bar's close-to-close return and ε standard normal noise (its own stream, so changing `ic` leaves prices
 * unchanged). Their correlation with next returns is therefore about `ic`; the last bar's score is noise.
 *
 * @throws ConfigError for invalid options (see {@link MarketOptions}).
 * @example
 * ```ts
 * const market = generateMarket({ symbols: 250, bars: 5040, seed: 7 });
 * const engine = new Engine({ feeds: [market.feed()], features: market.features(), ... });
 * ```
 */
export function generateMarket(options: MarketOptions = {}): SyntheticMarket {
  const o = resolveMarketOptions(options);
  const N = o.symbols;
  const M = o.bars;
  const cal = o.calendar;
  const daily = o.frequency === 'daily';
  const timestamps = daily ? cal.sessionsFrom(o.start, M) : cal.minutesFrom(o.start, M);
  const width = Math.max(3, String(N - 1).length);
  const symbols = Array.from({ length: N }, (_, i) => `S${String(i).padStart(width, '0')}`);

  const rng = new Xoshiro128(o.seed);
  const n = N * M;
  const ts = new Float64Array(n);
  const sym = new Int32Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  const bid = o.quotes ? new Float64Array(n) : undefined;
  const ask = o.quotes ? new Float64Array(n) : undefined;
  const bidSize = o.quotes ? new Float64Array(n) : undefined;
  const askSize = o.quotes ? new Float64Array(n) : undefined;
  const vix = new Float64Array(M);
  const regime = new Uint8Array(M);

  const prev = new Float64Array(N);
  for (let i = 0; i < N; i++) prev[i] = o.initialPrice * Math.exp(0.3 * rng.normal());

  const dayFraction = 1 / cal.periodsPerYear;
  const barsPerDay = daily ? 1 : cal.minutesPerSession;
  const dt = dayFraction / barsPerDay;
  const loadF = Math.sqrt(o.correlation);
  const loadE = Math.sqrt(1 - o.correlation);
  const baseVolume = o.volume / barsPerDay;
  let stressed = 0;
  let v = o.vixCalm;
  let prevDay = Number.NaN;

  for (let t = 0; t < M; t++) {
    if (t > 0 && rng.uniform() < (stressed ? o.toCalm : o.toStressed)) stressed = 1 - stressed;
    regime[t] = stressed;
    const stamp = timestamps[t] as number;
    const day = Math.floor(stamp / 86_400_000);
    const sessionStart = daily || day !== prevDay;
    prevDay = day;
    const vol = o.volatility * (stressed ? o.stressMultiplier : 1);
    const sigmaGap = sessionStart ? vol * Math.sqrt(o.overnightShare * dayFraction) : 0;
    const sigmaBar = vol * Math.sqrt((1 - o.overnightShare) * dt);
    const mu = (o.drift - 0.5 * vol * vol) * dt;
    const volMult = stressed ? 1.6 : 1;
    const spread = (o.spreadBps * 1e-4 * (stressed ? 2 : 1)) / 2;
    const fGap = rng.normal();
    const fBar = rng.normal();
    const base = t * N;
    for (let i = 0; i < N; i++) {
      const r = base + i;
      const o0 = (prev[i] as number) * Math.exp(sigmaGap * (loadF * fGap + loadE * rng.normal()));
      const c0 = o0 * Math.exp(mu + sigmaBar * (loadF * fBar + loadE * rng.normal()));
      const top = Math.max(o0, c0);
      const bottom = Math.min(o0, c0);
      ts[r] = stamp;
      sym[r] = i;
      open[r] = o0;
      close[r] = c0;
      high[r] = top * Math.exp(0.5 * sigmaBar * Math.abs(rng.normal()));
      low[r] = bottom * Math.exp(-0.5 * sigmaBar * Math.abs(rng.normal()));
      const vlm = Math.max(1, Math.round(baseVolume * volMult * Math.exp(0.4 * rng.normal())));
      volume[r] = vlm;
      if (bid && ask && bidSize && askSize) {
        bid[r] = c0 * (1 - spread);
        ask[r] = c0 * (1 + spread);
        bidSize[r] = Math.max(1, Math.round(vlm * 0.01 * rng.uniform()));
        askSize[r] = Math.max(1, Math.round(vlm * 0.01 * rng.uniform()));
      }
      prev[i] = c0;
    }
    const target = stressed ? o.vixStressed : o.vixCalm;
    v = t === 0 ? target : v + 0.1 * (target - v) + (stressed ? 2 : 1) * rng.normal();
    vix[t] = Math.max(v, 9);
  }

  return new SyntheticMarket(
    o,
    symbols,
    timestamps,
    {
      symbols,
      timestamp: ts,
      symbol: sym,
      open,
      high,
      low,
      close,
      volume,
      ...(bid && ask && bidSize && askSize ? { bid, ask, bidSize, askSize } : {}),
    },
    () => makeScores(close, N, M, o.ic, new Xoshiro128(o.seed ^ 0x5c0e5)),
    vix,
    regime,
  );
}

/** score[t,i] = ic · z(r[t+1,i]) + √(1 − ic²) · noise (noise only on the last bar). */
function makeScores(close: Float64Array, N: number, M: number, ic: number, rng: Xoshiro128): Float64Array {
  const scores = new Float64Array(N * M);
  const ret = new Float64Array(N);
  const noiseLoad = Math.sqrt(1 - ic * ic);
  for (let t = 0; t < M; t++) {
    const base = t * N;
    let mean = 0;
    let sd = 0;
    if (t + 1 < M) {
      for (let i = 0; i < N; i++) {
        const r = (close[base + N + i] as number) / (close[base + i] as number) - 1;
        ret[i] = r;
        mean += r;
      }
      mean /= N;
      for (let i = 0; i < N; i++) sd += ((ret[i] as number) - mean) ** 2;
      sd = Math.sqrt(sd / N);
    }
    for (let i = 0; i < N; i++) {
      const z = sd > 0 ? ((ret[i] as number) - mean) / sd : 0;
      scores[base + i] = ic * z + noiseLoad * rng.normal();
    }
  }
  return scores;
}
