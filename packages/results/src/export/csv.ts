/** Matches a cell that is a plain number (integer, decimal, exponent), or `NaN` / `Infinity` / `-Infinity`. */
const PLAIN_NUMBER = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|NaN|[+-]?Infinity)$/;

/** First characters that make a spreadsheet evaluate a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Encodes one CSV cell, safe against formula injection (CWE-1236).
 *
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so spreadsheets
 * show it as text, unless it is a plain number such as `-12.5` or `1e-7`. A cell that itself starts with `'`
 * also gets one, so {@link csvText} can strip exactly one `'` and restore any string. Then the cell is
 * quoted (RFC 4180) if it contains a comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  const safe = (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) || value.startsWith("'") ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Reverses the formula guard of {@link csvCell} on a parsed text cell: strips one leading `'`. */
export function csvText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** One CSV line (cells encoded with {@link csvCell}) followed by `\n`. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/**
 * Parses RFC 4180 CSV text into rows of raw cells (quotes removed, formula guards kept). Accepts `\n` and
 * `\r\n` line ends and quoted cells spanning lines; a trailing line end does not add an empty row.
 *
 * @throws SyntaxError on an unterminated quoted cell.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        cell += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && cell.length === 0) {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (c === '\r') i += 1;
    } else {
      cell += c;
    }
    i += 1;
  }
  if (quoted) throw new SyntaxError('unterminated quoted CSV cell');
  if (cell.length > 0 || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
