import { renameSync, rmSync } from 'node:fs';

/**
 * Runs `write(tmpPath)` then renames the temporary file onto `path`, so readers never see a partial file
 * (DESIGN §1.7: exports are written atomically). The temporary file is removed when `write` throws.
 */
export async function writeAtomically(path: string, write: (tmpPath: string) => void | Promise<void>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await write(tmp);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** The synchronous form of {@link writeAtomically}. */
export function writeAtomicallySync(path: string, write: (tmpPath: string) => void): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    write(tmp);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
