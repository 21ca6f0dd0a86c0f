/** Market-data feeds for ml4t-backtest: in-memory, CSV and Parquet bar sources (optional Apache Arrow interop). @packageDocumentation */
export {};
