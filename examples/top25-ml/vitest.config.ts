import { defineProject } from 'vitest/config';

// Resolve @ml4t/* workspace packages to their src/ through the @ml4t/source export condition.
export default defineProject({
  resolve: { conditions: ['@ml4t/source'] },
  ssr: { resolve: { conditions: ['@ml4t/source'] } },
  test: { name: 'example-top25-ml', include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 },
});
