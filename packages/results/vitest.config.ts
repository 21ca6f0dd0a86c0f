import { defineProject } from 'vitest/config';

// Resolve @ml4t/* workspace packages to their src/ through the @ml4t/source export condition,
// so tests need no build. Node-environment tests resolve through the ssr conditions.
export default defineProject({
  resolve: { conditions: ['@ml4t/source'] },
  ssr: { resolve: { conditions: ['@ml4t/source'] } },
  test: {
    // Property tests and child processes share two cores with the other packages' runs under turbo.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    name: 'results',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
