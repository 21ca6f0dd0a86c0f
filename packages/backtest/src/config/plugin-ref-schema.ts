import { z } from 'zod';

/**
 * A component loaded from a module, for third-party plugins: `{ module, export, options }`. `module` is a
 * package name (`@acme/ml4t-plugins`) or a path relative to the config file (`./my-slippage.js`); `export` names
 * the factory function in it, which is called with `options`.
 */
export const pluginRefSchema = z.strictObject({
  module: z
    .string()
    .min(1)
    .describe('Module specifier: a package name, or a path relative to the config file (starting with ./ or ../).'),
  export: z.string().min(1).default('default').describe('Name of the exported factory function.'),
  options: z.record(z.string(), z.unknown()).default({}).describe('Options object passed to the factory.'),
});

/** A parsed plugin reference (see {@link pluginRefSchema}). */
export type PluginRef = z.output<typeof pluginRefSchema>;
