import { defineConfig } from 'tsup';

// Built like any published plugin: ESM with .d.ts, @ml4t/core stays external (a peer dependency).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
});
