import { type BarColumns, BarColumnsBuilder, ColumnarFeed } from '@ml4t/feeds';

/** Epoch ms of day `i` of a test series (consecutive UTC days from 2021-01-04). */
export const day = (i: number): number => Date.UTC(2021, 0, 4) + i * 86_400_000;

/** One bar of a test series; `open`, `high` and `low` default to the close. */
export interface TestBar {
  readonly close: number;
  readonly open?: number;
  readonly high?: number;
  readonly low?: number;
}

/**
 * Columns of daily bars, one series per symbol (all series the same length, day `i` stamped {@link day}(i)),
 * in (timestamp, symbol) order. A number is a bar whose open, high, low and close are that number.
 */
export function barsOf(series: Readonly<Record<string, readonly (number | TestBar)[]>>): BarColumns {
  const builder = new BarColumnsBuilder();
  const names = Object.keys(series);
  const ids = names.map((name) => builder.symbolId(name));
  const length = Math.max(...names.map((name) => series[name]?.length ?? 0));
  for (let i = 0; i < length; i++) {
    names.forEach((name, k) => {
      const raw = series[name]?.[i];
      if (raw === undefined) return;
      const bar: TestBar = typeof raw === 'number' ? { close: raw } : raw;
      const open = bar.open ?? bar.close;
      builder.push(
        day(i),
        ids[k] as number,
        open,
        bar.high ?? Math.max(open, bar.close),
        bar.low ?? Math.min(open, bar.close),
        bar.close,
        1_000_000,
      );
    });
  }
  return builder.build();
}

/** A {@link ColumnarFeed} over {@link barsOf}`(series)`. */
export function feedOf(series: Readonly<Record<string, readonly (number | TestBar)[]>>): ColumnarFeed {
  return new ColumnarFeed(barsOf(series), { name: 'test' });
}
