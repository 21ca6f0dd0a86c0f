import packageJson from '../../package.json' with { type: 'json' };

/** The version of `@ml4t/backtest` (and of the `ml4t-backtest` CLI). */
export const VERSION: string = packageJson.version;
