import { Ml4tError, type RunSummary, SymbolTable, toMoney } from '@ml4t/core';
import { BacktestResults, readResults } from '@ml4t/results';

/**
 * Rebuilds {@link BacktestResults} from a directory written by `writeResults` (an `ml4t-backtest run` output):
 * trades, fills and the equity curve from the exported tables (read with `@ml4t/results`' `readResults`), the
 * run's totals, symbols and configuration summary from `manifest.json`. Order records are not exported, so the
 * rebuilt results have none; everything the HTML report shows is restored.
 *
 * @throws Ml4tError (code `RESULTS_NOT_FOUND`) when a file of the export is missing; DataValidationError for a
 * malformed export file.
 */
export async function resultsFromExport(dir: string): Promise<BacktestResults> {
  let stored: Awaited<ReturnType<typeof readResults>>;
  try {
    stored = await readResults(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const missing = (error as NodeJS.ErrnoException).path ?? dir;
    throw new Ml4tError('RESULTS_NOT_FOUND', `${dir} holds no complete ml4t-backtest export (${missing} is missing)`, {
      cause: error,
    });
  }
  const { manifest } = stored;
  const symbols = new SymbolTable();
  for (const symbol of manifest.symbols) symbols.register(symbol);
  const initialCash = toMoney(manifest.initialCash);
  const summary: RunSummary = {
    initialCash,
    finalCash: toMoney(manifest.finalCash),
    finalEquity: Number(manifest.finalEquity),
    slices: manifest.slices,
    bars: manifest.bars,
    fills: manifest.fills,
    closedTrades: manifest.closedTrades,
    openTrades: stored.trades.filter((t) => t.isOpen),
    dividends: toMoney(manifest.dividends),
    firstTimestamp: manifest.firstTimestamp === null ? Number.NaN : Date.parse(manifest.firstTimestamp),
    lastTimestamp: manifest.lastTimestamp === null ? Number.NaN : Date.parse(manifest.lastTimestamp),
    ...(manifest.error ? { error: new Ml4tError(manifest.error.code, manifest.error.message) } : {}),
  };
  return new BacktestResults({
    info: { initialCash, symbols, config: manifest.config },
    summary,
    closedTrades: stored.trades.filter((t) => !t.isOpen),
    fills: stored.fills,
    orders: [],
    orderLog: [],
    curve: stored.equity,
  });
}
