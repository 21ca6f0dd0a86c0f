import { type FileHandle, open } from 'node:fs/promises';
import type { AsyncBuffer } from 'hyparquet';

/** A local file as a hyparquet {@link AsyncBuffer}, read through one open file handle. */
export interface FileBuffer extends AsyncBuffer {
  /** Closes the file; later reads fail. */
  close(): Promise<void>;
}

/**
 * Opens `path` for hyparquet. Each slice is read straight into a buffer of exactly its size (hyparquet's
 * own `asyncBufferFromFile` opens a stream per slice and concatenates its 64 KiB chunks, allocating each
 * slice twice).
 *
 * @throws the file system's error when the file cannot be opened.
 */
export async function openFileBuffer(path: string): Promise<FileBuffer> {
  const handle = await open(path, 'r');
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (err) {
    await handle.close();
    throw err;
  }
  return {
    byteLength: size,
    slice: (start, end = size) => readRange(handle, start, end),
    close: () => handle.close(),
  };
}

async function readRange(handle: FileHandle, start: number, end: number): Promise<ArrayBuffer> {
  const buffer = new ArrayBuffer(Math.max(0, end - start));
  const bytes = new Uint8Array(buffer);
  let done = 0;
  while (done < bytes.length) {
    const { bytesRead } = await handle.read(bytes, done, bytes.length - done, start + done);
    if (bytesRead === 0) throw new RangeError(`bytes ${start}–${end} run past the end of the file`);
    done += bytesRead;
  }
  return buffer;
}
