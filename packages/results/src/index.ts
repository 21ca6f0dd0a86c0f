/** Results and reporting for ml4t-backtest: trade logs, equity curves, performance metrics and exports. @packageDocumentation */
export {};
