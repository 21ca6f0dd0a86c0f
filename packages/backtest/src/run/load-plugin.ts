import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '@ml4t/core';
import type { PluginRef } from '../config/plugin-ref-schema.js';

/**
 * Loads a plugin from its configuration reference: imports `ref.module` (a package name resolved from
 * `baseDir`, or a path relative to it), takes the export `ref.export`, calls it with `ref.options` and checks that
 * the result has the method the contract needs.
 *
 * @param path - Key path of the reference in the configuration (`execution.slippage`), used in errors.
 * @param method - A method the created object must have (`fillPrice`, `evaluate`…); omit to accept any value.
 * @throws ConfigError naming `<path>.module`, `<path>.export` or `<path>.options…` when the module cannot be
 * loaded, the export is missing or not a function, the factory rejects its options, or the result does not
 * implement the contract.
 */
export async function loadPlugin(ref: PluginRef, baseDir: string, path: string, method?: string): Promise<unknown> {
  const namespace = await importModule(ref.module, baseDir, path);
  const factory = namespace[ref.export];
  if (factory === undefined) {
    const names = Object.keys(namespace).join(', ') || 'none';
    throw new ConfigError(
      `${path}.export`,
      'export-not-found',
      `${ref.module} has no export '${ref.export}' (exports: ${names})`,
    );
  }
  if (typeof factory !== 'function') {
    throw new ConfigError(`${path}.export`, 'not-a-function', `${ref.module}#${ref.export} is not a factory function`);
  }
  let created: unknown;
  try {
    created = await (factory as (options: unknown) => unknown)(ref.options);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new ConfigError(`${path}.options${error.path ? `.${error.path}` : ''}`, error.rule, stripPath(error), {
        cause: error,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError(path, 'plugin-failed', `${ref.module}#${ref.export} failed: ${message}`, { cause: error });
  }
  if (method !== undefined && !hasMethod(created, method)) {
    throw new ConfigError(
      path,
      'plugin-contract',
      `${ref.module}#${ref.export} must return an object with a ${method}() method`,
    );
  }
  return created;
}

async function importModule(specifier: string, baseDir: string, path: string): Promise<Record<string, unknown>> {
  const relative = specifier.startsWith('./') || specifier.startsWith('../') || isAbsolute(specifier);
  let target: string;
  if (relative) {
    target = pathToFileURL(resolve(baseDir, specifier)).href;
  } else {
    try {
      // Resolve bare names from the config file's folder (its node_modules, or a package importing itself).
      target = pathToFileURL(createRequire(join(baseDir, 'config.js')).resolve(specifier)).href;
    } catch {
      target = specifier;
    }
  }
  try {
    return (await import(target)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${path}.module`, 'module-not-found', `cannot load module '${specifier}': ${message}`, {
      cause: error,
    });
  }
}

function hasMethod(value: unknown, method: string): boolean {
  return (
    value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[method] === 'function'
  );
}

/** The message of a ConfigError without its own `path: ` prefix (the caller adds a longer path). */
function stripPath(error: ConfigError): string {
  const prefix = `${error.path || '<root>'}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
