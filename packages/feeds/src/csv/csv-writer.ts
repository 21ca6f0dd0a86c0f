import { closeSync, openSync, writeSync } from 'node:fs';
import { writeAtomicallySync } from '../io/atomic-file.js';

/** Options of {@link writeCsv}. */
export interface CsvWriteOptions {
  /** @defaultValue `','` */
  readonly delimiter?: string;
  /** Rows buffered per write. @defaultValue 16,384 */
  readonly rowsPerChunk?: number;
}

/**
 * Writes a CSV file atomically (a temporary file renamed into place): the header, then `rowCount` rows whose
 * cells come from `cell(row, column)`. Cells are quoted per RFC 4180 when they contain the delimiter, a quote
 * or a line break; lines end with LF. Numbers should be formatted with `String(x)` (the shortest text that
 * reads back to the same float) so files round-trip bit for bit.
 */
export function writeCsv(
  path: string,
  header: readonly string[],
  rowCount: number,
  cell: (row: number, column: number) => string,
  options: CsvWriteOptions = {},
): void {
  const d = options.delimiter ?? ',';
  const chunk = options.rowsPerChunk ?? 16_384;
  const width = header.length;
  writeAtomicallySync(path, (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${header.map((h) => quote(h, d)).join(d)}\n`);
      const lines: string[] = [];
      for (let r = 0; r < rowCount; r++) {
        let line = '';
        for (let c = 0; c < width; c++) line += (c > 0 ? d : '') + quote(cell(r, c), d);
        lines.push(line);
        if (lines.length === chunk || r === rowCount - 1) {
          writeSync(fd, `${lines.join('\n')}\n`);
          lines.length = 0;
        }
      }
    } finally {
      closeSync(fd);
    }
  });
}

/** `text` quoted per RFC 4180 when it contains the delimiter, a quote or a line break. */
export function quote(text: string, delimiter = ','): string {
  if (!text.includes(delimiter) && !text.includes('"') && !text.includes('\n') && !text.includes('\r')) return text;
  return `"${text.replaceAll('"', '""')}"`;
}
