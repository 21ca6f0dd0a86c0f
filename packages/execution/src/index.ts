/** Execution models for ml4t-backtest: order matching, fill models, slippage and commissions. @packageDocumentation */
export {};
