import { DataValidationError, type Money } from '@ml4t/core';
import { moneyText, numberRecordText, numberText, parseJsonText, parseTimestamp, timestampText } from './cell-codec.js';
import { BaseCellReader } from './cell-reader.js';
import { csvLine, csvText, parseCsv } from './csv.js';
import type { CellValue, Column, ColumnKind, TableSchema } from './table-schema.js';

/** Encodes one value as CSV text according to its column kind (before the formula guard and quoting). */
export function csvValue(kind: ColumnKind, value: CellValue): string {
  switch (kind) {
    case 'string':
      return value as string;
    case 'optionalString':
      return value === undefined ? '' : (value as string);
    case 'number':
    case 'int':
      return numberText(value as number);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'money':
      return moneyText(value as Money);
    case 'timestamp':
      return timestampText(value as number);
    case 'optionalTimestamp':
      return value === undefined ? '' : timestampText(value as number);
    case 'stringList':
      return JSON.stringify(value);
    case 'numberRecord':
      return numberRecordText(value as Readonly<Record<string, number>>);
    default:
      return assertNever(kind);
  }
}

/**
 * A table as CSV lines, produced lazily (one row at a time), header first. Empty optional values are empty
 * cells, so an empty-string `tag` reads back as absent.
 */
export function* csvTableChunks<T>(schema: TableSchema<T>, rows: Iterable<T>): Generator<string> {
  yield csvLine(schema.columns.map((c) => c.name));
  for (const row of rows) yield csvLine(schema.columns.map((c: Column<T>) => csvValue(c.kind, c.get(row))));
}

class CsvCellReader extends BaseCellReader {
  cells: readonly string[] = [];

  constructor(private readonly index: ReadonlyMap<string, number>) {
    super();
  }

  protected raw(name: string): unknown {
    const i = this.index.get(name);
    if (i === undefined) return this.missing(name);
    return this.cells[i] ?? '';
  }

  protected text(raw: unknown): string | undefined {
    return typeof raw === 'string' ? csvText(raw) : undefined;
  }

  protected isAbsent(raw: unknown): boolean {
    return raw === '';
  }

  protected bool(raw: unknown): boolean | undefined {
    return raw === 'true' ? true : raw === 'false' ? false : undefined;
  }

  protected time(raw: unknown): number | undefined {
    return parseTimestamp(raw);
  }

  protected structured(raw: unknown): unknown {
    return parseJsonText(raw);
  }
}

/**
 * Reads a CSV table written by {@link csvTableChunks}.
 *
 * @throws DataValidationError naming the file, row and column of the first bad cell.
 */
export function readCsvTable<T>(schema: TableSchema<T>, text: string, file: string): T[] {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (err) {
    throw new DataValidationError({ file, rule: 'csv-syntax', message: (err as Error).message });
  }
  const header = rows[0];
  if (header === undefined)
    throw new DataValidationError({ file, rule: 'missing-header', message: 'the file is empty' });
  const reader = new CsvCellReader(new Map(header.map((name, i) => [name, i])));
  const out: T[] = [];
  for (let r = 1; r < rows.length; r++) {
    reader.cells = rows[r] as string[];
    out.push(schema.read(reader.at({ file, row: r })));
  }
  return out;
}

function assertNever(kind: never): never {
  throw new TypeError(`unknown column kind ${String(kind)}`);
}
