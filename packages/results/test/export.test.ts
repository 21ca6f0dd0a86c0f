import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal, type Trade } from '@ml4t/core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  csvCell,
  csvText,
  type ExportFormat,
  parseCsv,
  readResults,
  TRADE_TABLE,
  writeFileAtomic,
  writeResults,
  writeTable,
} from '../src/index.js';
import { NASTY_SYMBOLS, sampleResults } from './support/sample-results.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ml4t-results-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export → import round trip', () => {
  for (const format of ['json', 'parquet', 'csv'] as const satisfies readonly ExportFormat[]) {
    it(`restores equal trades, fills, equity and metrics from ${format}`, async () => {
      const results = sampleResults();
      await writeResults(results, dir, { formats: [format] });
      const back = await readResults(dir);
      expect(back.format).toBe(format);
      expect(back.trades).toEqual(results.getTrades());
      expect(back.fills).toEqual(results.getFills());
      expect(back.equity).toEqual(results.getEquityCurve());
      expect(back.metrics).toEqual(results.getMetrics());
      // Decimals come back as Decimal, exactly.
      const t1 = back.trades[0] as Trade;
      expect(t1.pnlNet).toBeInstanceOf(Decimal);
      expect(t1.pnlNet.toFixed()).toBe('59.123456789012');
      expect((back.trades[2] as Trade).pnlNet.toFixed()).toBe('-123456789.123456789');
      expect(Object.is(t1.mae, -0)).toBe(true);
      expect((back.trades[1] as Trade).entryContext.score).toBeNaN();
      expect(back.metrics.totalCommission).toBeInstanceOf(Decimal);
      expect(Object.keys(back.metrics.bySymbol)).toEqual(Object.keys(results.getMetrics().bySymbol));
    });
  }

  it('writes every format and a manifest; readResults picks the requested one', async () => {
    const manifest = await writeResults(sampleResults(), dir);
    expect(manifest).toMatchObject({ format: 'ml4t-results', version: 1, initialCash: '100000', openTrades: 1 });
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(
      ['equity', 'fills', 'metrics', 'trades']
        .flatMap((t) => [`${t}.csv`, `${t}.json`, `${t}.parquet`])
        .concat('manifest.json')
        .sort(),
    );
    const fromCsv = await readResults(dir, { format: 'csv' });
    const fromParquet = await readResults(dir, { format: 'parquet' });
    expect(fromCsv.trades).toEqual(fromParquet.trades);
    expect(fromCsv.metrics).toEqual(fromParquet.metrics);
  });

  it('is deterministic: the same run exports byte-identical files', async () => {
    await writeResults(sampleResults(), join(dir, 'a'));
    await writeResults(sampleResults(), join(dir, 'b'));
    for (const name of await readdir(join(dir, 'a'))) {
      expect(await readFile(join(dir, 'b', name))).toEqual(await readFile(join(dir, 'a', name)));
    }
  });

  it('reports a malformed cell with file, row and column', async () => {
    await writeResults(sampleResults(), dir, { formats: ['csv'] });
    const path = join(dir, 'fills.csv');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(',1000,', ',12abc,'));
    await expect(readResults(dir)).rejects.toMatchObject({
      name: 'DataValidationError',
      file: path,
      row: 1,
      column: 'notional',
      rule: 'money',
    });
  });
});

describe('CSV formula-injection guard', () => {
  it('prefixes dangerous cells with a quote, but not plain numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+41 22')).toBe("'+41 22");
    expect(csvCell('-A1')).toBe("'-A1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('+3')).toBe('+3');
    expect(csvCell('-1e-7')).toBe('-1e-7');
    expect(csvCell('-Infinity')).toBe('-Infinity');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('AAPL')).toBe('AAPL');
  });

  it('exported CSV files contain no cell a spreadsheet would evaluate', async () => {
    await writeResults(sampleResults(), dir, { formats: ['csv'] });
    for (const name of ['trades.csv', 'fills.csv', 'metrics.csv', 'equity.csv']) {
      for (const row of parseCsv(await readFile(join(dir, name), 'utf8'))) {
        for (const cell of row) {
          if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^[+-]?(\d|\.|Infinity)/);
        }
      }
    }
    const trades = await readFile(join(dir, 'trades.csv'), 'utf8');
    expect(trades).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('round-trips any string through csvCell, parseCsv and csvText', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (cells) => {
        const line = `${cells.map(csvCell).join(',')}\n`;
        const parsed = parseCsv(line);
        expect(parsed).toHaveLength(1);
        expect((parsed[0] as string[]).map(csvText)).toEqual(cells);
      }),
    );
    for (const s of NASTY_SYMBOLS) expect(csvText((parseCsv(csvCell(s))[0] as string[])[0] as string)).toBe(s);
  });
});

describe('atomic writes', () => {
  it('a row that throws mid-export leaves the previous file intact and no temp file', async () => {
    const results = sampleResults();
    await writeTable(dir, 'csv', TRADE_TABLE, results.getTrades());
    const before = await readFile(join(dir, 'trades.csv'), 'utf8');
    const good = results.getTrades();
    // Enough good rows to force at least one flush to the temp file before the bad row.
    const many: Trade[] = Array.from({ length: 400 }, () => good).flat();
    const poisoned = Object.defineProperty({ ...good[0] }, 'symbol', {
      get() {
        throw new Error('serialisation failed');
      },
    }) as Trade;
    await expect(writeTable(dir, 'csv', TRADE_TABLE, [...many, poisoned])).rejects.toThrow('serialisation failed');
    expect(await readFile(join(dir, 'trades.csv'), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['trades.csv']);
  });

  it('a failing chunk stream after partial output leaves the previous file intact', async () => {
    const path = join(dir, 'report.html');
    await writeFileAtomic(path, 'old content');
    async function* failing(): AsyncGenerator<string> {
      yield 'x'.repeat(200_000);
      yield 'more';
      throw new Error('disk on fire');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('disk on fire');
    expect(await readFile(path, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['report.html']);
  });

  it('replaces the file when the write succeeds', async () => {
    const path = join(dir, 'x.bin');
    await writeFileAtomic(path, 'old');
    await writeFileAtomic(path, [new Uint8Array([104, 105]), '!']);
    expect(await readFile(path, 'utf8')).toBe('hi!');
    expect(await readdir(dir)).toEqual(['x.bin']);
  });
});
