#!/usr/bin/env node
// The `ml4t-backtest` command: runs the built CLI (dist/cli.js). Checked in rather than pointing `bin` at dist,
// so that installing the workspace links the command before the first build.
import '../dist/cli.js';
