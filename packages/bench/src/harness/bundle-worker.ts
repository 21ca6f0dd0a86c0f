import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const WORKER_SOURCE = fileURLToPath(new URL('../worker.ts', import.meta.url));

/** A bundled worker script and the directory that holds it. */
export interface WorkerBundle {
  /** Path of the bundled worker (`worker.mjs`, with a linked source map). */
  readonly file: string;
  /** Deletes the bundle's directory when it is a temporary one; keeps a directory the caller chose. */
  dispose(): Promise<void>;
}

/**
 * Bundles the worker and every `@ml4t` package it uses (resolved to their sources through the
 * `@ml4t/source` condition) into one ES module in a temporary directory, the way the packages ship: plain
 * JavaScript run by plain `node`. Measuring under a TypeScript loader instead would add the loader's
 * thread and compiler to every workload's peak RSS (about 60 MiB here) and its hooks to the profile.
 *
 * @param keepIn - write the bundle into this existing directory and keep it (e.g. next to CPU profiles, whose
 * line numbers refer to it); by default a temporary directory is used and deleted by `dispose`.
 */
export async function bundleWorker(keepIn?: string): Promise<WorkerBundle> {
  const dir = keepIn ?? (await mkdtemp(join(tmpdir(), 'ml4t-bench-')));
  const file = join(dir, 'worker.mjs');
  await build({
    entryPoints: [WORKER_SOURCE],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@ml4t/source'],
    sourcemap: 'linked',
    logLevel: 'warning',
    // Lets CommonJS dependencies inside the ES module bundle `require` Node built-ins.
    banner: {
      js: "import { createRequire as __ml4tRequire } from 'node:module'; const require = __ml4tRequire(import.meta.url);",
    },
  });
  const dispose = keepIn === undefined ? () => rm(dir, { recursive: true, force: true }) : () => Promise.resolve();
  return { file, dispose };
}
