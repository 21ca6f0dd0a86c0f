#!/usr/bin/env node
// The `ml4t-backtest` command: runs the built CLI (dist/cli.js). Checked in rather than pointing `bin` at dist,
// so that installing the workspace links the command before the first build.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('ml4t-backtest: the package is not built (dist/cli.js is missing); run `pnpm build` first.\n');
  process.exitCode = 1;
}
