import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const shim = fileURLToPath(new URL('./feeds-shim.ts', import.meta.url));
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
  plugins: [
    {
      name: 'shim',
      setup(b) {
        b.onResolve({ filter: /^@ml4t\/feeds$/ }, () => ({ path: shim }));
      },
    },
  ],
});
