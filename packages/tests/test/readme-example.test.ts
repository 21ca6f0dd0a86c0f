import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

describe('README', () => {
  const script = join(here, '..', '.readme-example.ts');
  const report = join(here, '..', 'report.html');
  afterAll(() => {
    rmSync(script, { force: true });
    rmSync(report, { force: true });
  });

  it('the code example runs as written and prints metrics', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /## In code\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'README has a TypeScript block under "In code"').toBeDefined();
    writeFileSync(script, block as string);
    const out = execFileSync('pnpm', ['exec', 'tsx', '--conditions=@ml4t/source', script], {
      cwd: join(here, '..'),
      encoding: 'utf8',
    });
    expect(out).toMatch(/totalReturn/);
    expect(out).toMatch(/sharpe/);
    expect(readFileSync(report, 'utf8')).toMatch(/<svg/);
  }, 120_000);
});
