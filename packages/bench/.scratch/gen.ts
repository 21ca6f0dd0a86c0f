import type { BarColumns } from '@ml4t/feeds';
export function gen(nSym: number, steps: number, seed = 1): BarColumns {
  let x = seed >>> 0;
  const rnd = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  const gauss = () => {
    const u = rnd() || 1e-12,
      v = rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const n = nSym * steps;
  const ts = new Float64Array(n),
    sym = new Int32Array(n),
    o = new Float64Array(n),
    h = new Float64Array(n),
    l = new Float64Array(n),
    c = new Float64Array(n),
    v = new Float64Array(n);
  const last = new Float64Array(nSym).fill(100);
  for (let t = 0; t < steps; t++)
    for (let s = 0; s < nSym; s++) {
      const i = t * nSym + s;
      ts[i] = 1e12 + t * 86400000;
      sym[i] = s;
      const open = Math.round(last[s]! * (1 + 0.003 * gauss()) * 100) / 100;
      const close = Math.round(open * (1 + 0.015 * gauss()) * 100) / 100;
      o[i] = open;
      c[i] = close;
      h[i] = Math.max(open, close) * 1.005;
      l[i] = Math.min(open, close) * 0.995;
      v[i] = 1e6;
      last[s] = close;
    }
  return {
    symbols: Array.from({ length: nSym }, (_, i) => `S${i}`),
    timestamp: ts,
    symbol: sym,
    open: o,
    high: h,
    low: l,
    close: c,
    volume: v,
  };
}
