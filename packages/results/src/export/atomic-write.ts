import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What {@link writeFileAtomic} accepts: the whole content, or chunks produced lazily (sync or async). */
export type AtomicContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Chunks are gathered up to this many bytes before each write call. */
const FLUSH_BYTES = 1 << 16;

/**
 * Writes a file atomically: the content goes to a temporary file in the same directory
 * (`.<name>.<random>.tmp`), which is flushed to disk (`fsync`) and then renamed over `path`. Readers see the
 * old file or the new one, never a mix.
 *
 * If producing or writing the content fails part-way (a chunk generator throws, the disk is full…), the
 * temporary file is removed, `path` is left as it was, and the error is rethrown.
 */
export async function writeFileAtomic(path: string, content: AtomicContent): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  let closed = false;
  try {
    const encoder = new TextEncoder();
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      const buffer = pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await handle.write(buffer);
    };
    for await (const chunk of chunksOf(content)) {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      pending.push(bytes);
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= FLUSH_BYTES) await flush();
    }
    await flush();
    await handle.sync();
    await handle.close();
    closed = true;
    await rename(temp, path);
  } catch (err) {
    if (!closed) await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

async function* chunksOf(content: AtomicContent): AsyncGenerator<string | Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    yield content;
    return;
  }
  yield* content;
}

/** Makes the rename durable where the platform allows fsync on a directory (not on Windows). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Directory fsync is best effort: the file itself is already complete and renamed.
  }
}
