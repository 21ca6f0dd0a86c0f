import { DataValidationError } from '@ml4t/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, parseIsoTimestamp, quote, timestampParser } from '../src/index.js';

function parse(chunks: readonly string[], delimiter = ','): string[][] {
  const out: string[][] = [];
  const p = new CsvParser((fields) => void out.push([...fields]), { delimiter });
  for (const c of chunks) p.write(c);
  p.end();
  return out;
}

describe('CsvParser', () => {
  it('handles quotes, escaped quotes, embedded delimiters and line breaks, CRLF, BOM and blank lines', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n1,,3\n4,5,6';
    expect(parse([text])).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
      ['4', '5', '6'],
    ]);
    expect(parse(['a;b\n1;2\n'], ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives the same records however the text is split into chunks (property)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', ',', '\n', '\r\n', 'a"b'));
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (rows, cuts, crlf) => {
        const text = rows.map((r) => r.map((c) => quote(c)).join(',')).join(crlf ? '\r\n' : '\n');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(text.slice(prev, p));
          prev = p;
        }
        chunks.push(text.slice(prev));
        const whole = parse([text]);
        expect(parse(chunks)).toEqual(whole);
        // Quoted output parses back to the cells (two cells always give a non-empty line: at least ',').
        expect(whole).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('reports syntax errors with the record number', () => {
    expect(() => parse(['a,b\n1,"2'])).toThrow(DataValidationError);
    try {
      parse(['a,b\n1,2\n"x"y,3\n']);
    } catch (e) {
      expect(e).toMatchObject({ rule: 'csv-syntax', row: 2, column: '#1' });
    }
  });
});

describe('timestamps', () => {
  it('parses strict ISO-8601 dates and date-times, UTC unless a zone is given', () => {
    expect(parseIsoTimestamp('2020-01-02')).toBe(Date.UTC(2020, 0, 2));
    expect(parseIsoTimestamp('2020-01-02T14:30:00Z')).toBe(Date.UTC(2020, 0, 2, 14, 30));
    expect(parseIsoTimestamp('2020-01-02 14:30:00.25')).toBe(Date.UTC(2020, 0, 2, 14, 30, 0, 250));
    expect(parseIsoTimestamp('2020-01-02T09:30-05:00')).toBe(Date.UTC(2020, 0, 2, 14, 30));
    expect(parseIsoTimestamp('2020-02-29')).toBe(Date.UTC(2020, 1, 29));
    for (const bad of ['2021-02-29', '2020-13-01', '2020-1-2', '20200102', '2020-01-02T25:00', 'x']) {
      expect(parseIsoTimestamp(bad)).toBeNaN();
    }
  });

  it('reads epochs and custom formats', () => {
    expect(timestampParser('epoch-s')('1577923200')).toBe(1577923200000);
    expect(timestampParser('epoch-ms')('1577923200000')).toBe(1577923200000);
    expect(timestampParser('auto')('1577923200')).toBe(1577923200000);
    expect(timestampParser('auto')(1577923200000n)).toBe(1577923200000);
    expect(timestampParser('iso-date')('2020-01-02T00:00Z')).toBeNaN();
    const dmy = timestampParser((t) => {
      const [d, m, y] = t.split('/').map(Number);
      return Date.UTC(y as number, (m as number) - 1, d);
    });
    expect(dmy('02/01/2020')).toBe(Date.UTC(2020, 0, 2));
  });
});
