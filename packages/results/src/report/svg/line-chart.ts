import { formatDate } from '../format.js';
import { type ChartFrame, emptyChart, px, svgOpen, WIDE_FRAME } from './chart-frame.js';

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** Accessible label (escaped by the caller). */
  readonly label: string;
  /** CSS class of the `<svg>`. */
  readonly cls: string;
  readonly color: string;
  /** Fill the area between the line and zero (used for drawdowns). @defaultValue false */
  readonly area?: boolean;
  /** Formats a y value for the axis labels. */
  readonly format: (value: number) => string;
  /** @defaultValue {@link WIDE_FRAME} */
  readonly frame?: ChartFrame;
}

/** At most this many points are drawn; longer series keep each bucket's first, minimum and maximum. */
const MAX_POINTS = 2400;

/**
 * An inline SVG line chart of `y` against time `x` (epoch ms), with min/max y labels and first/last dates.
 * Long series are decimated per pixel bucket (keeping the extremes, so drawdowns are never hidden).
 */
export function lineChart(x: ArrayLike<number>, y: ArrayLike<number>, options: LineChartOptions): string {
  const frame = options.frame ?? WIDE_FRAME;
  const n = Math.min(x.length, y.length);
  const idx = decimate(y, n);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const i of idx) {
    const v = y[i] as number;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (idx.length === 0 || !Number.isFinite(lo)) return emptyChart(frame, options.label, options.cls);
  if (options.area) hi = Math.max(hi, 0);
  if (hi === lo) {
    hi += Math.abs(hi) * 0.01 || 1;
    lo -= Math.abs(lo) * 0.01 || 1;
  }
  const x0 = x[0] as number;
  const x1 = x[n - 1] as number;
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const sx = (t: number): number => frame.left + (x1 > x0 ? ((t - x0) / (x1 - x0)) * plotW : plotW / 2);
  const sy = (v: number): number => frame.top + (1 - (v - lo) / (hi - lo)) * plotH;
  let d = '';
  for (const i of idx) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) continue;
    d += `${d === '' ? 'M' : 'L'}${px(sx(x[i] as number))},${px(sy(v))}`;
  }
  const zero = px(sy(0));
  const area = options.area
    ? `<path d="${d}L${px(sx(x1))},${zero}L${px(sx(x0))},${zero}Z" fill="${options.color}" fill-opacity="0.25" stroke="none"/>`
    : '';
  const bottom = frame.height - frame.bottom;
  return [
    svgOpen(frame, options.label, options.cls),
    `<rect x="${frame.left}" y="${frame.top}" width="${plotW}" height="${plotH}" fill="#fafafa" stroke="#ddd"/>`,
    area,
    `<path d="${d}" fill="none" stroke="${options.color}" stroke-width="1.5"/>`,
    `<text x="${frame.left - 6}" y="${frame.top + 10}" text-anchor="end" class="axis">${options.format(hi)}</text>`,
    `<text x="${frame.left - 6}" y="${bottom}" text-anchor="end" class="axis">${options.format(lo)}</text>`,
    `<text x="${frame.left}" y="${bottom + 18}" class="axis">${formatDate(x0)}</text>`,
    `<text x="${frame.width - frame.right}" y="${bottom + 18}" text-anchor="end" class="axis">${formatDate(x1)}</text>`,
    '</svg>',
  ].join('');
}

function decimate(y: ArrayLike<number>, n: number): number[] {
  if (n <= MAX_POINTS) return Array.from({ length: n }, (_, i) => i);
  const buckets = MAX_POINTS / 3;
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let min = from;
    let max = from;
    for (let i = from; i < to; i++) {
      if ((y[i] as number) < (y[min] as number)) min = i;
      if ((y[i] as number) > (y[max] as number)) max = i;
    }
    out.push(from, Math.min(min, max), Math.max(min, max));
  }
  out.push(n - 1);
  return [...new Set(out)].sort((a, b) => a - b);
}
