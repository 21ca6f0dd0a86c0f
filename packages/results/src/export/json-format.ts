import { DataValidationError, type Money } from '@ml4t/core';
import { jsonNumber, moneyText, numberRecordJson, parseTimestamp, timestampText } from './cell-codec.js';
import { BaseCellReader } from './cell-reader.js';
import type { CellValue, ColumnKind, TableSchema } from './table-schema.js';

/** A JSON value as stored in the JSON exports. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Encodes one value for a JSON export according to its column kind: money as exact strings, timestamps as
 * ISO-8601 strings (`null` for `NaN`), floats as numbers except `NaN`, `±Infinity` and `-0` (strings), absent
 * optional values as `null`.
 */
export function jsonValue(kind: ColumnKind, value: CellValue): JsonValue {
  switch (kind) {
    case 'string':
      return value as string;
    case 'optionalString':
      return value === undefined ? null : (value as string);
    case 'number':
    case 'int':
      return jsonNumber(value as number);
    case 'boolean':
      return value as boolean;
    case 'money':
      return moneyText(value as Money);
    case 'timestamp':
    case 'optionalTimestamp':
      return value === undefined || !Number.isFinite(value) ? null : timestampText(value as number);
    case 'stringList':
      return [...(value as readonly string[])];
    case 'numberRecord':
      return numberRecordJson(value as Readonly<Record<string, number>>);
    default:
      return assertNever(kind);
  }
}

/** A table as a JSON array of row objects (keys in column order), produced lazily one row at a time. */
export function* jsonTableChunks<T>(schema: TableSchema<T>, rows: Iterable<T>): Generator<string> {
  yield '[';
  let first = true;
  for (const row of rows) {
    const obj: Record<string, JsonValue> = {};
    for (const c of schema.columns) obj[c.name] = jsonValue(c.kind, c.get(row));
    yield `${first ? '\n' : ',\n'}${JSON.stringify(obj)}`;
    first = false;
  }
  yield '\n]\n';
}

class JsonCellReader extends BaseCellReader {
  obj: Readonly<Record<string, unknown>> = {};

  protected raw(name: string): unknown {
    if (!Object.hasOwn(this.obj, name)) return this.missing(name);
    return this.obj[name];
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
    return raw === null ? Number.NaN : parseTimestamp(raw);
  }

  protected structured(raw: unknown): unknown {
    return raw;
  }
}

/**
 * Reads a JSON table written by {@link jsonTableChunks}.
 *
 * @throws DataValidationError naming the file, row and column of the first bad cell.
 */
export function readJsonTable<T>(schema: TableSchema<T>, text: string, file: string): T[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new DataValidationError({ file, rule: 'json-syntax', message: (err as Error).message });
  }
  if (!Array.isArray(parsed))
    throw new DataValidationError({ file, rule: 'json-array', message: 'expected an array of rows' });
  const reader = new JsonCellReader();
  return parsed.map((row: unknown, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new DataValidationError({ file, row: i + 1, rule: 'json-object', message: 'expected an object' });
    }
    reader.obj = row as Record<string, unknown>;
    return schema.read(reader.at({ file, row: i + 1 }));
  });
}

function assertNever(kind: never): never {
  throw new TypeError(`unknown column kind ${String(kind)}`);
}
