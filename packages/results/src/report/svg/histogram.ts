import { formatNumber } from '../format.js';
import { type ChartFrame, emptyChart, px, svgOpen, WIDE_FRAME } from './chart-frame.js';

/**
 * An inline SVG histogram of `values` (e.g. trade net P&L in dollars): `⌈√n⌉ + 1` equal-width bins (at most
 * 40), bins above zero green and below red, each bar titled with its range and count.
 */
export function histogram(values: readonly number[], label: string, frame: ChartFrame = WIDE_FRAME): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return emptyChart(frame, label, 'chart histogram');
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const bins = Math.min(40, Math.ceil(Math.sqrt(finite.length)) + 1);
  const counts = new Int32Array(bins);
  for (const v of finite) {
    const k = Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins));
    counts[k] = (counts[k] as number) + 1;
  }
  const top = Math.max(...counts);
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const w = plotW / bins;
  const parts = [
    svgOpen(frame, label, 'chart histogram'),
    `<rect x="${frame.left}" y="${frame.top}" width="${plotW}" height="${plotH}" fill="#fafafa" stroke="#ddd"/>`,
  ];
  counts.forEach((count, b) => {
    const from = lo + ((hi - lo) * b) / bins;
    const to = lo + ((hi - lo) * (b + 1)) / bins;
    const h = (count / top) * plotH;
    const color = (from + to) / 2 >= 0 ? '#16a34a' : '#dc2626';
    parts.push(
      `<rect x="${px(frame.left + b * w + 1)}" y="${px(frame.top + plotH - h)}" width="${px(Math.max(1, w - 2))}" height="${px(h)}" fill="${color}"><title>${formatNumber(from)} to ${formatNumber(to)}: ${count}</title></rect>`,
    );
  });
  const bottom = frame.height - frame.bottom;
  parts.push(
    `<text x="${frame.left - 6}" y="${frame.top + 10}" text-anchor="end" class="axis">${top}</text>`,
    `<text x="${frame.left - 6}" y="${bottom}" text-anchor="end" class="axis">0</text>`,
    `<text x="${frame.left}" y="${bottom + 18}" class="axis">${formatNumber(lo)}</text>`,
    `<text x="${frame.width - frame.right}" y="${bottom + 18}" text-anchor="end" class="axis">${formatNumber(hi)}</text>`,
    '</svg>',
  );
  return parts.join('');
}
