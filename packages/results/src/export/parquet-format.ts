import { DataValidationError, type Money } from '@ml4t/core';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { type BasicType, type ColumnSource, parquetWriteBuffer } from 'hyparquet-writer';
import { moneyText, numberRecordText, parseJsonText } from './cell-codec.js';
import { BaseCellReader } from './cell-reader.js';
import type { CellValue, ColumnKind, TableSchema } from './table-schema.js';

type ParquetCell = string | number | boolean | Date | null;

/**
 * The Parquet type and value of a column kind: money as exact UTF-8 strings, floats as DOUBLE (keeping `NaN`
 * and `-0`), timestamps as TIMESTAMP_MILLIS (`null` for `NaN`), lists and records as JSON text, absent
 * optional values as `null`.
 */
function parquetColumn(kind: ColumnKind): { type: BasicType; encode: (v: CellValue) => ParquetCell } {
  switch (kind) {
    case 'string':
      return { type: 'STRING', encode: (v) => v as string };
    case 'optionalString':
      return { type: 'STRING', encode: (v) => (v === undefined ? null : (v as string)) };
    case 'number':
      return { type: 'DOUBLE', encode: (v) => v as number };
    case 'int':
      return { type: 'INT32', encode: (v) => v as number };
    case 'boolean':
      return { type: 'BOOLEAN', encode: (v) => v as boolean };
    case 'money':
      return { type: 'STRING', encode: (v) => moneyText(v as Money) };
    case 'timestamp':
    case 'optionalTimestamp':
      return {
        type: 'TIMESTAMP',
        encode: (v) => (v === undefined || !Number.isFinite(v) ? null : new Date(v as number)),
      };
    case 'stringList':
      return { type: 'STRING', encode: (v) => JSON.stringify(v) };
    case 'numberRecord':
      return { type: 'STRING', encode: (v) => numberRecordText(v as Readonly<Record<string, number>>) };
    default:
      return assertNever(kind);
  }
}

/** Encodes a table as a Parquet file (in memory; Parquet is written whole). */
export function parquetTableBytes<T>(schema: TableSchema<T>, rows: readonly T[]): Uint8Array {
  const columnData: ColumnSource[] = schema.columns.map((c) => {
    const { type, encode } = parquetColumn(c.kind);
    const data: ParquetCell[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) data[i] = encode(c.get(rows[i] as T));
    return { name: c.name, type, data, nullable: true };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: '@ml4t/results' }));
}

class ParquetCellReader extends BaseCellReader {
  obj: Readonly<Record<string, unknown>> = {};

  constructor(private readonly names: ReadonlySet<string>) {
    super();
  }

  protected raw(name: string): unknown {
    if (!this.names.has(name)) return this.missing(name);
    return this.obj[name] ?? null;
  }

  protected text(raw: unknown): string | undefined {
    return typeof raw === 'string' ? raw : undefined;
  }

  protected isAbsent(raw: unknown): boolean {
    return raw === null;
  }

  protected bool(raw: unknown): boolean | undefined {
    return typeof raw === 'boolean' ? raw : undefined;
  }

  protected time(raw: unknown): number | undefined {
    if (raw === null) return Number.NaN;
    return raw instanceof Date && !Number.isNaN(raw.getTime()) ? raw.getTime() : undefined;
  }

  protected structured(raw: unknown): unknown {
    return parseJsonText(raw);
  }
}

/**
 * Reads a Parquet table written by {@link parquetTableBytes}.
 *
 * @throws DataValidationError naming the file, row and column of the first bad cell.
 */
export async function readParquetTable<T>(schema: TableSchema<T>, bytes: Uint8Array, file: string): Promise<T[]> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: Record<string, unknown>[];
  let names: Set<string>;
  try {
    const metadata = parquetMetadata(buffer);
    names = new Set(parquetSchema(metadata).children.map((c) => c.element.name));
    rows = await parquetReadObjects({ file: buffer, metadata });
  } catch (err) {
    throw new DataValidationError({ file, rule: 'parquet', message: (err as Error).message });
  }
  const reader = new ParquetCellReader(names);
  return rows.map((row, i) => {
    reader.obj = row;
    return schema.read(reader.at({ file, row: i + 1 }));
  });
}

function assertNever(kind: never): never {
  throw new TypeError(`unknown column kind ${String(kind)}`);
}
