import { type ColumnSource, parquetWriteFile } from 'hyparquet-writer';
import { writeAtomically } from '../io/atomic-file.js';

/**
 * Writes columns to a Parquet file atomically (a temporary file renamed into place) with hyparquet-writer
 * (Snappy pages). Give timestamps `type: 'TIMESTAMP'` (stored as INT64 TIMESTAMP_MILLIS from epoch-ms
 * numbers), strings `'STRING'`, floats `'DOUBLE'`.
 *
 * @param rowGroupSize - rows per row group (also the reader's unit of memory). @defaultValue 100,000
 */
export async function writeParquet(
  path: string,
  columns: readonly ColumnSource[],
  rowGroupSize = 100_000,
): Promise<void> {
  await writeAtomically(path, (tmp) => {
    parquetWriteFile({ filename: tmp, columnData: [...columns], rowGroupSize });
  });
}
