#!/usr/bin/env node
// Entry point of the `ml4t-backtest` command-line tool (bin -> dist/cli.js). Implementation to come.
