import type { Money } from '@ml4t/core';

/** `0.1234` → `12.34%`; non-finite values as `—` (NaN) or `∞`. */
export function formatPercent(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return special(value);
  return `${(value * 100).toFixed(digits)}%`;
}

/** A float with fixed decimals and thousands separators; non-finite values as `—` or `∞`. */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return special(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Money rounded to cents with thousands separators (`-1,234.57`). */
export function formatMoney(value: Money | number): string {
  const n = typeof value === 'number' ? value : value.toNumber();
  return formatNumber(n, 2);
}

/** `YYYY-MM-DD` (UTC), or `—` for an invalid time. */
export function formatDate(ts: number): string {
  return Number.isFinite(ts) ? new Date(ts).toISOString().slice(0, 10) : '—';
}

/** `YYYY-MM-DD HH:MM` (UTC), or `—` for an invalid time. */
export function formatDateTime(ts: number): string {
  return Number.isFinite(ts) ? new Date(ts).toISOString().slice(0, 16).replace('T', ' ') : '—';
}

/** A duration in days (`3.5 d`) or hours (`5.0 h`) for under a day. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return special(ms);
  const days = ms / 86_400_000;
  return days >= 1 ? `${days.toFixed(1)} d` : `${(ms / 3_600_000).toFixed(1)} h`;
}

function special(value: number): string {
  if (Number.isNaN(value)) return '—';
  return value > 0 ? '∞' : '−∞';
}
