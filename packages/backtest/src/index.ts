/** Batteries-included ml4t-backtest: runs a backtest from code or a YAML config, with the ml4t-backtest CLI. @packageDocumentation */
export {};
