import { build } from 'esbuild';

await build({
  entryPoints: [process.argv[2]],
  outfile: process.argv[3],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@ml4t/source'],
  sourcemap: 'linked',
  logLevel: 'warning',
});
