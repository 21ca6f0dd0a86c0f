import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import {
  adjustForSplits,
  arrowFeed,
  BarColumnsBuilder,
  corporateActionsFromRecords,
  csvFeed,
  generateMarket,
  MultiSymbolDataFeed,
  readCorporateActionsCsv,
  readCsvBars,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ml4t-feeds-src-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const D = (d: number): number => Date.UTC(2024, 0, d);
const bar = (d: number, c: number) => ({ timestamp: D(d), open: c, high: c + 1, low: c - 1, close: c, volume: 10 });

describe('MultiSymbolDataFeed', () => {
  it('aligns symbols that start late, stop early and skip bars', () => {
    const feed = new MultiSymbolDataFeed({
      EARLY: [bar(2, 10), bar(3, 11), bar(4, 12)],
      LATE: { timestamp: [D(3), D(5)], open: [20, 21], high: [21, 22], low: [19, 20], close: [20, 21], volume: [1, 1] },
      GAPPY: [bar(2, 30), bar(5, 31)],
    });
    expect(feed.symbols).toEqual(['EARLY', 'LATE', 'GAPPY']);
    const slices: string[] = [];
    while (!feed.isExhausted) {
      const ts = feed.peekNextTimestamp();
      const names: string[] = [];
      feed.drain(ts, { push: (s) => void names.push(feed.symbols[s] as string) });
      slices.push(`${new Date(ts).getUTCDate()}:${names.join('+')}`);
    }
    expect(slices).toEqual(['2:EARLY+GAPPY', '3:EARLY+LATE', '4:EARLY', '5:LATE+GAPPY']);
    expect(feed.firstTimestamp('LATE')).toBe(D(3));
    expect(feed.lastTimestamp('EARLY')).toBe(D(4));
  });

  it('validates each series under its own name', () => {
    expect(() => new MultiSymbolDataFeed({ BAD: [bar(3, 10), bar(2, 10)] }, { name: 'mine' })).toThrow(/mine:BAD/);
  });
});

describe('CSV options', () => {
  it('maps custom column names, auto-detects a ticker column and reads custom timestamps', () => {
    const path = join(dir, 'custom.csv');
    writeFileSync(path, 'When;Ticker;o;h;l;c;qty\n02/01/2024;X;1;2;0.5;1.5;10\n03/01/2024;X;1.5;2;1;1.8;12\n');
    const feed = csvFeed(path, {
      delimiter: ';',
      columns: { timestamp: 'When', open: 'o', high: 'h', low: 'l', close: 'c', volume: 'qty' },
      timestampFormat: (t) => {
        const [d, m, y] = t.split('/').map(Number);
        return Date.UTC(y as number, (m as number) - 1, d);
      },
    });
    expect(feed.symbols).toEqual(['X']);
    expect(feed.next()).toMatchObject({ timestamp: D(2), close: 1.5, volume: 10 });
  });

  it('drops and reports invalid rows under the drop policy', () => {
    const path = join(dir, 'dirty.csv');
    writeFileSync(
      path,
      'date,asset,open,high,low,close,volume\n2024-01-02,A,1,2,0.5,1.5,10\n2024-01-03,A,oops,2,1,1.8,12\n',
    );
    const { bars, report } = readCsvBars(path, { validation: { policy: 'drop' } });
    expect(bars.timestamp.length).toBe(1);
    expect(report.dropped[0]).toMatchObject({ file: path, row: 2, column: 'open', rule: 'not-a-number' });
  });
});

describe('arrowFeed', () => {
  it('reads an apache-arrow Table', () => {
    const m = generateMarket({ symbols: 3, bars: 5, seed: 2 });
    const table = tableFromArrays({
      timestamp: m.bars.timestamp,
      ticker: Array.from(m.bars.symbol, (s) => m.symbols[s] as string),
      open: m.bars.open,
      high: m.bars.high,
      low: m.bars.low,
      close: m.bars.close,
      volume: m.bars.volume,
    });
    const feed = arrowFeed(table);
    expect(feed.symbols).toEqual(m.symbols);
    expect(Array.from(feed.columns.close)).toEqual(Array.from(m.bars.close));
    expect(Array.from(feed.columns.timestamp)).toEqual(Array.from(m.bars.timestamp));
  });
});

describe('corporate actions', () => {
  it('loads splits and dividends from CSV, sorted by ex-date', () => {
    const path = join(dir, 'actions.csv');
    writeFileSync(
      path,
      'date,symbol,type,value\n2024-06-10,NVDA,split,10:1\n2024-03-05,NVDA,Dividend,0.04\n2024-07-01,X,split,1:10\n',
    );
    expect(readCorporateActionsCsv(path)).toEqual([
      { kind: 'dividend', symbol: 'NVDA', timestamp: Date.UTC(2024, 2, 5), amount: 0.04 },
      { kind: 'split', symbol: 'NVDA', timestamp: Date.UTC(2024, 5, 10), ratio: 10 },
      { kind: 'split', symbol: 'X', timestamp: Date.UTC(2024, 6, 1), ratio: 0.1 },
    ]);
    expect(() => corporateActionsFromRecords([{ timestamp: D(2), symbol: 'A', type: 'merger', value: 1 }])).toThrow(
      /unknown-action/,
    );
  });

  it('back-adjusts prices before a split', () => {
    const b = new BarColumnsBuilder();
    const a = b.symbolId('A');
    b.push(D(2), a, 100, 102, 98, 100, 10);
    b.push(D(3), a, 50, 51, 49, 50, 20);
    const adjusted = adjustForSplits(b.build(), [{ kind: 'split', symbol: 'A', timestamp: D(3), ratio: 2 }]);
    expect(Array.from(adjusted.close)).toEqual([50, 50]);
    expect(Array.from(adjusted.volume)).toEqual([20, 20]);
  });
});
