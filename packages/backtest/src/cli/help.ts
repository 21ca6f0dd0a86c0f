/** Text of `ml4t-backtest --help`. */
export const MAIN_HELP = `Usage: ml4t-backtest <command> [options]

Event-driven backtests of trading strategies, from a YAML or JSON configuration.

Commands:
  run <config>           Run the backtest a config file describes; write trades, fills, equity,
                         metrics (CSV, JSON, Parquet) and the HTML report to its output directory.
  validate <data...>     Check price files (CSV or Parquet) and list every issue as file:row column rule.
  report <results-dir>   Re-render the HTML report from the files a run exported.
  schema                 Print the JSON Schema of config files (for editor completion).

Options:
  -h, --help             Show help (also: ml4t-backtest <command> --help).
  -v, --version          Print the version.
      --debug            Print stack traces of errors.

Exit codes: 0 success, 1 run or data failure, 2 bad usage or configuration.
`;

/** Per-command help, by command name. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  run: `Usage: ml4t-backtest run <config.yaml|config.json> [options]

Options:
  -o, --out <dir>        Output directory (overrides output.dir of the config).
  -p, --profile <name>   Framework profile (overrides profile of the config):
                         backtrader, zipline, vectorbt, lean, realistic.
  -q, --quiet            No progress and no summary; errors only.
      --no-progress      No progress bar or progress lines.
      --debug            Print stack traces of errors.

A progress bar is drawn on stderr when it is a terminal; with CI set or a redirected stderr,
plain "progress:" lines are printed instead.
`,
  validate: `Usage: ml4t-backtest validate <prices.csv|prices.parquet>... [options]

Runs the data validation of @ml4t/feeds (timestamps, duplicates, OHLC consistency, gaps,
price and volume sanity) and prints every issue as "file:row column 'name' [rule]: message".
Exits with 1 when any file has an issue.

Options:
      --debug            Print stack traces of errors.
`,
  report: `Usage: ml4t-backtest report <results-dir> [options]

Re-renders report.html from the files an "ml4t-backtest run" exported to <results-dir>.

Options:
  -o, --out <file>       Where to write the HTML (default: <results-dir>/report.html).
      --debug            Print stack traces of errors.
`,
  schema: `Usage: ml4t-backtest schema

Prints the JSON Schema of ml4t-backtest config files to stdout.
`,
};
