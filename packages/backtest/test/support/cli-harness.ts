import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** Absolute path of a file in test/fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** What one in-process CLI invocation printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and how {@link runCli} runs the CLI. */
export interface CliRunOptions {
  /** @defaultValue test/fixtures */
  readonly cwd?: string;
  /** @defaultValue `{ CI: 'true' }` */
  readonly env?: Record<string, string>;
  /** Whether stderr claims to be a terminal. @defaultValue false */
  readonly tty?: boolean;
}

/** Runs the CLI in-process with captured output (by default a non-TTY stderr and `CI=true`). */
export async function runCli(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    env: options.env ?? { CI: 'true' },
    cwd: options.cwd ?? fixture('.'),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
