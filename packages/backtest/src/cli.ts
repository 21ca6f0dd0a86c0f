#!/usr/bin/env node
// Entry point of the `ml4t-backtest` command-line tool (run by bin/ml4t-backtest.js); the logic is in cli/main.ts.
import { processIo } from './cli/io.js';
import { main } from './cli/main.js';

process.exitCode = await main(process.argv.slice(2), processIo());
