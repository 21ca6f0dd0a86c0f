import type { MonthlyReturn } from '../../metrics/monthly-returns.js';
import { formatPercent } from '../format.js';
import { emptyChart, svgOpen } from './chart-frame.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CELL_W = 58;
const CELL_H = 24;
const LEFT = 56;
const TOP = 22;

/**
 * An inline SVG heatmap of monthly returns: one row per year, one column per month plus the compounded year;
 * green for gains, red for losses, stronger for larger moves (scaled to the largest absolute month).
 */
export function monthlyHeatmap(months: readonly MonthlyReturn[]): string {
  const label = 'Monthly returns';
  const years = [...new Set(months.map((m) => m.year))];
  const width = LEFT + CELL_W * 13 + 8;
  const height = TOP + CELL_H * Math.max(1, years.length) + 8;
  if (months.length === 0)
    return emptyChart({ width, height: 80, left: 0, right: 0, top: 0, bottom: 0 }, label, 'chart heatmap');
  let scale = 0;
  for (const m of months) if (Number.isFinite(m.return)) scale = Math.max(scale, Math.abs(m.return));
  const parts: string[] = [svgOpen({ width, height, left: 0, right: 0, top: 0, bottom: 0 }, label, 'chart heatmap')];
  [...MONTHS, 'Year'].forEach((name, c) => {
    parts.push(
      `<text x="${LEFT + c * CELL_W + CELL_W / 2}" y="${TOP - 7}" text-anchor="middle" class="axis">${name}</text>`,
    );
  });
  years.forEach((year, r) => {
    const y = TOP + r * CELL_H;
    parts.push(`<text x="${LEFT - 8}" y="${y + CELL_H / 2 + 4}" text-anchor="end" class="axis">${year}</text>`);
    let growth = 1;
    for (const m of months.filter((x) => x.year === year)) {
      growth *= 1 + m.return;
      parts.push(
        cell(LEFT + (m.month - 1) * CELL_W, y, m.return, scale, `${year}-${String(m.month).padStart(2, '0')}`),
      );
    }
    parts.push(cell(LEFT + 12 * CELL_W, y, growth - 1, scale, `${year}`));
  });
  parts.push('</svg>');
  return parts.join('');
}

function cell(x: number, y: number, value: number, scale: number, title: string): string {
  const strength = Number.isFinite(value) && scale > 0 ? Math.min(1, Math.abs(value) / scale) : 0;
  const fill =
    value >= 0
      ? `rgba(22,163,74,${(0.1 + 0.75 * strength).toFixed(3)})`
      : `rgba(220,38,38,${(0.1 + 0.75 * strength).toFixed(3)})`;
  const text = formatPercent(value, 1);
  return `<g><title>${title}: ${text}</title><rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${fill}"/><text x="${x + CELL_W / 2}" y="${y + CELL_H / 2 + 4}" text-anchor="middle" class="cell">${text}</text></g>`;
}
