// Regenerates the generated blocks of docs/profiles.md and docs/configuration.md and the JSON Schema file
// (`pnpm run docs:generate`). test/docs.test.ts fails when any of them is out of date.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/json-schema.js';
import { configReferenceMarkdown } from './config-reference-markdown.js';
import { replaceGeneratedBlock } from './generated-block.js';
import { profilesMarkdown } from './profiles-markdown.js';

const docs = (name: string): string => fileURLToPath(new URL(`../../../docs/${name}`, import.meta.url));

function regenerate(file: string, block: string, content: string): void {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, replaceGeneratedBlock(text, block, content));
  console.log(`updated ${file}`);
}

regenerate(docs('profiles.md'), 'profiles', profilesMarkdown());
regenerate(docs('configuration.md'), 'configuration', configReferenceMarkdown());
const schemaFile = fileURLToPath(new URL('../schema/ml4t-backtest.schema.json', import.meta.url));
writeFileSync(schemaFile, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
// Biome formats JSON files; format the schema its way so `pnpm lint` stays clean.
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', schemaFile], { stdio: 'inherit' });
console.log(`wrote ${schemaFile}`);
