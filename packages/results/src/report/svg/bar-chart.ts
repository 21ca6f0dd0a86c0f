import { escapeHtml } from '../escape-html.js';
import { emptyChart, px, svgOpen } from './chart-frame.js';

/** One bar of {@link barChart}. */
export interface Bar {
  /** Category name (raw text; escaped here). */
  readonly label: string;
  readonly value: number;
  /** Extra text after the value (raw text; escaped here). */
  readonly note: string;
  readonly color: string;
}

const ROW = 26;
const LEFT = 190;
const WIDTH = 900;

/** An inline SVG horizontal bar chart (e.g. trades per exit reason), bars scaled to the largest value. */
export function barChart(bars: readonly Bar[], label: string): string {
  const height = 12 + ROW * Math.max(1, bars.length);
  const frame = { width: WIDTH, height, left: LEFT, right: 200, top: 6, bottom: 6 };
  if (bars.length === 0) return emptyChart({ ...frame, height: 80 }, label, 'chart bars');
  const top = Math.max(...bars.map((b) => Math.abs(b.value)), 1e-12);
  const plotW = WIDTH - frame.left - frame.right;
  const parts = [svgOpen(frame, label, 'chart bars')];
  bars.forEach((bar, i) => {
    const y = frame.top + i * ROW;
    const w = Math.max(1, (Math.abs(bar.value) / top) * plotW);
    const name = escapeHtml(bar.label);
    parts.push(
      `<g><title>${name}: ${escapeHtml(bar.note)}</title>`,
      `<text x="${LEFT - 8}" y="${y + ROW / 2 + 4}" text-anchor="end" class="axis">${name}</text>`,
      `<rect x="${LEFT}" y="${y + 4}" width="${px(w)}" height="${ROW - 8}" fill="${bar.color}"/>`,
      `<text x="${px(LEFT + w + 6)}" y="${y + ROW / 2 + 4}" class="axis">${bar.value} · ${escapeHtml(bar.note)}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
