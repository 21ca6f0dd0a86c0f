import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveExecutionConfig } from '@ml4t/execution';
import { resolveMarketOptions, resolveValidationOptions } from '@ml4t/feeds';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configReferenceMarkdown } from '../scripts/config-reference-markdown.js';
import { replaceGeneratedBlock } from '../scripts/generated-block.js';
import { profilesMarkdown } from '../scripts/profiles-markdown.js';
import { executionSchema } from '../src/config/execution-schema.js';
import { configJsonSchema } from '../src/config/json-schema.js';
import { parseConfig } from '../src/config/parse-config.js';
import { readConfigFile } from '../src/config/read-config-file.js';

const repo = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const stale = 'out of date: run `pnpm --filter @ml4t/backtest run docs:generate`';

describe('generated files are up to date', () => {
  it('schema/ml4t-backtest.schema.json matches the zod schema', () => {
    const committed = JSON.parse(readFileSync(repo('packages/backtest/schema/ml4t-backtest.schema.json'), 'utf8'));
    expect(committed, stale).toEqual(configJsonSchema());
  });

  it('docs/profiles.md shows the profile objects', () => {
    const text = readFileSync(repo('docs/profiles.md'), 'utf8');
    expect(replaceGeneratedBlock(text, 'profiles', profilesMarkdown()), stale).toBe(text);
  });

  it('docs/configuration.md documents the schema', () => {
    const text = readFileSync(repo('docs/configuration.md'), 'utf8');
    expect(replaceGeneratedBlock(text, 'configuration', configReferenceMarkdown()), stale).toBe(text);
  });
});

describe('documented defaults', () => {
  it('execution knob defaults in the schema are the execution package defaults', () => {
    const resolved = resolveExecutionConfig({}) as unknown as Record<string, unknown>;
    const schema = z.toJSONSchema(executionSchema, { io: 'input' }) as {
      properties: Record<string, { default?: unknown }>;
    };
    let checked = 0;
    for (const [key, property] of Object.entries(schema.properties)) {
      if (property.default === undefined) continue;
      expect(property.default, key).toEqual(resolved[key]);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(11);
  });
});

describe('documented defaults of data options', () => {
  const data = (configJsonSchema().properties as Record<string, { properties: Record<string, Schema> }>).data;
  type Schema = { default?: unknown; properties?: Record<string, Schema> };

  it('synthetic defaults are the generator defaults', () => {
    const resolved = resolveMarketOptions({}) as unknown as Record<string, unknown>;
    expect(Object.keys(data?.properties.synthetic?.properties ?? {})).toHaveLength(19);
    for (const [key, property] of Object.entries(data?.properties.synthetic?.properties ?? {})) {
      const expected = key === 'start' ? new Date(resolved.start as number).toISOString().slice(0, 10) : resolved[key];
      expect(property.default, key).toEqual(expected);
    }
  });

  it('validation defaults are the feeds defaults', () => {
    const resolved = resolveValidationOptions({}) as unknown as Record<string, unknown>;
    expect(Object.keys(data?.properties.validation?.properties ?? {})).toHaveLength(5);
    for (const [key, property] of Object.entries(data?.properties.validation?.properties ?? {})) {
      expect(property.default, key).toEqual(resolved[key]);
    }
  });
});

describe('example configurations', () => {
  const dir = repo('examples/configs');
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s is valid', async (file) => {
    await expect(readConfigFile(`${dir}/${file}`).then((raw) => parseConfig(raw))).resolves.toBeDefined();
  });
});
