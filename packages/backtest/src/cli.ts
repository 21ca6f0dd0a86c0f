#!/usr/bin/env node
// Entry point of the `ml4t-backtest` command-line tool (bin -> dist/cli.js); the logic is in cli/main.ts.
import { processIo } from './cli/io.js';
import { main } from './cli/main.js';

process.exitCode = await main(process.argv.slice(2), processIo());
