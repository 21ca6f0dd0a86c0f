import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ConfigError } from '@ml4t/core';
import { parse as parseYaml, YAMLParseError } from 'yaml';

/**
 * Reads a configuration file and returns its content as plain data (not yet validated): `.json` files are parsed
 * as JSON, anything else (`.yaml`, `.yml`) as YAML 1.2. Duplicate keys are errors.
 *
 * @throws ConfigError with rule `file` when the file cannot be read, or `syntax` (with line and column) when it
 * does not parse.
 */
export async function readConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new ConfigError('', 'file', `cannot read config file ${file}: ${reason}`, { cause: error });
  }
  return parseConfigText(text, file);
}

/**
 * Parses configuration text; `file` names it in errors and decides the syntax by extension (`.json` → JSON,
 * otherwise YAML).
 *
 * @throws ConfigError with rule `syntax` when the text does not parse.
 */
export function parseConfigText(text: string, file: string): unknown {
  if (extname(file).toLowerCase() === '.json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ConfigError('', 'syntax', `${file}: invalid JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true }) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      const where = pos ? `:${pos.line}:${pos.col}` : '';
      const firstLine = error.message.split('\n')[0] ?? error.message;
      throw new ConfigError('', 'syntax', `${file}${where}: invalid YAML: ${firstLine}`, { cause: error });
    }
    throw error;
  }
}
