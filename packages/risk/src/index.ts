/** Risk management for ml4t-backtest: position sizing, limits, stops and portfolio-level rules. @packageDocumentation */
export {};
