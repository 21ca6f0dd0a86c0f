import { defineConfig } from 'tsup';

// Two bundles: the library entry and the `ml4t-backtest` CLI (bin/ml4t-backtest.js imports dist/cli.js).
// tsup keeps the shebang of src/cli.ts and marks the output executable.
export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  target: 'node20',
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
});
