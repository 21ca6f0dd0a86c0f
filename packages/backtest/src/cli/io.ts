/** A writable text stream as the CLI uses it: `process.stdout`/`process.stderr` or a test double. */
export interface CliStream {
  write(chunk: string): unknown;
  /** True when the stream is an interactive terminal (progress bars are drawn only then). */
  readonly isTTY?: boolean;
}

/**
 * The outside world of one CLI invocation, injected so that {@link main} runs in-process in tests.
 * Nothing in the CLI touches `process` directly except {@link processIo}.
 */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Environment variables (`CI`, `NO_COLOR`…). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths on the command line are resolved against. */
  readonly cwd: string;
}

/** The {@link CliIo} of the running Node.js process. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
