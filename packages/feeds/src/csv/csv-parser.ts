import { closeSync, openSync, readSync } from 'node:fs';
import { DataValidationError } from '@ml4t/core';

/**
 * Receives each CSV record: `fields` is reused between calls (copy it to keep it); `record` is 0 for the
 * header and then the 1-based data row.
 */
export type CsvRecordHandler = (fields: readonly string[], record: number) => void;

/** Options of {@link CsvParser} and {@link readCsvFile}. */
export interface CsvParserOptions {
  /**
   * Field separator (one character).
   * @defaultValue `','`
   */
  readonly delimiter?: string;
  /** File name used in syntax errors. @defaultValue `'<csv>'` */
  readonly file?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An incremental RFC-4180 CSV parser: feed it text in chunks of any size with {@link CsvParser.write}, then
 * call {@link CsvParser.end}.
 *
 * Handles quoted fields (with `""` escapes, delimiters and line breaks inside), LF, CRLF and lone CR line
 * ends, a leading UTF-8 BOM, and skips empty lines. Memory is bounded by the chunk size plus the longest
 * record.
 *
 * @throws DataValidationError `csv-syntax` (row, column number) on text after a closing quote or an
 * unterminated quoted field.
 */
export class CsvParser {
  private readonly delimiter: number;
  private readonly file: string;
  private readonly fields: string[] = [];
  private pending = '';
  private record = 0;
  private started = false;

  constructor(
    private readonly onRecord: CsvRecordHandler,
    options: CsvParserOptions = {},
  ) {
    const d = options.delimiter ?? ',';
    if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') {
      throw new DataValidationError({ rule: 'csv-delimiter', value: d, message: 'delimiter must be one character' });
    }
    this.delimiter = d.charCodeAt(0);
    this.file = options.file ?? '<csv>';
  }

  /** Parses every complete record in `chunk` (plus what was left over from the previous chunk). */
  write(chunk: string): void {
    let text = this.pending.length > 0 ? this.pending + chunk : chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const consumed = this.parse(text, false);
    this.pending = consumed < text.length ? text.slice(consumed) : '';
  }

  /** Parses the last record (which may lack a final line break). */
  end(): void {
    const text = this.pending;
    this.pending = '';
    if (text.length > 0) this.parse(text, true);
  }

  /** Parses records from `s`; returns how many characters were consumed (the start of an incomplete record). */
  private parse(s: string, final: boolean): number {
    const n = s.length;
    const delim = this.delimiter;
    const fields = this.fields;
    let p = 0;
    records: while (p < n) {
      const recordStart = p;
      const c0 = s.charCodeAt(p);
      if (c0 === LF || c0 === CR) {
        // Empty line (or the LF of a CRLF split across chunks).
        p++;
        continue;
      }
      fields.length = 0;
      for (;;) {
        if (s.charCodeAt(p) === QUOTE) {
          let value = '';
          let q = p + 1;
          for (;;) {
            const close = s.indexOf('"', q);
            if (close < 0) {
              if (final) throw this.syntax(fields.length, 'unterminated quoted field');
              return recordStart;
            }
            if (close + 1 >= n && !final) return recordStart;
            value += s.slice(q, close);
            if (s.charCodeAt(close + 1) === QUOTE) {
              value += '"';
              q = close + 2;
              continue;
            }
            p = close + 1;
            break;
          }
          fields.push(value);
          const c = p < n ? s.charCodeAt(p) : -1;
          if (c !== delim && c !== LF && c !== CR && c !== -1) {
            throw this.syntax(fields.length - 1, `unexpected character ${JSON.stringify(s[p])} after a closing quote`);
          }
        } else {
          let e = p;
          while (e < n) {
            const c = s.charCodeAt(e);
            if (c === delim || c === LF || c === CR) break;
            e++;
          }
          if (e >= n && !final) return recordStart;
          fields.push(s.slice(p, e));
          p = e;
        }
        if (p >= n) {
          if (!final) return recordStart;
          this.emit();
          return n;
        }
        const c = s.charCodeAt(p);
        if (c === delim) {
          p++;
          continue;
        }
        // Line end: CRLF, LF or CR. A CR at the chunk end may be the first half of CRLF; the LF is then
        // skipped as an empty line by the next call.
        p++;
        if (c === CR && p < n && s.charCodeAt(p) === LF) p++;
        this.emit();
        continue records;
      }
    }
    return n;
  }

  private emit(): void {
    this.onRecord(this.fields, this.record);
    this.record++;
  }

  private syntax(fieldIndex: number, message: string): DataValidationError {
    return new DataValidationError({
      file: this.file,
      row: this.record,
      column: `#${fieldIndex + 1}`,
      rule: 'csv-syntax',
      message,
    });
  }
}

/**
 * Streams a CSV file through a {@link CsvParser}, reading it in chunks with `fs.readSync` (memory is bounded
 * by the chunk size plus the longest record), and decoding UTF-8 across chunk boundaries.
 *
 * @param chunkBytes - bytes per read. @defaultValue 1 MiB
 */
export function readCsvFile(
  path: string,
  onRecord: CsvRecordHandler,
  options: CsvParserOptions = {},
  chunkBytes = 1 << 20,
): void {
  const parser = new CsvParser(onRecord, { file: path, ...options });
  const decoder = new TextDecoder('utf-8');
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    throw new DataValidationError({
      file: path,
      rule: 'unreadable',
      message: cause instanceof Error ? cause.message : String(cause),
    });
  }
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      parser.write(decoder.decode(buffer.subarray(0, read), { stream: true }));
    }
    parser.write(decoder.decode());
    parser.end();
  } finally {
    closeSync(fd);
  }
}
