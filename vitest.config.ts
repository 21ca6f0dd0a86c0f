import { defineConfig } from 'vitest/config';

// One-process run over every package: `pnpm exec vitest run`.
// Each packages/*/vitest.config.ts (defineProject) is one project.
// passWithNoTests is a root-only option (not allowed in defineProject); per-package runs pass
// `--passWithNoTests` on the command line instead (see each package's "test" script).
export default defineConfig({ test: { projects: ['packages/*'], passWithNoTests: true } });
