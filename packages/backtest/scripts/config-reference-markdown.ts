// Renders the configuration reference (docs/configuration.md) from the JSON Schema of config files, so the
// reference cannot drift from the zod schema (see write-docs.ts and test/docs.test.ts).
import { configJsonSchema } from '../src/config/json-schema.js';

type Schema = Record<string, unknown>;

interface Row {
  readonly path: string;
  readonly type: string;
  readonly defaultValue: string;
  readonly description: string;
}

/** The reference: one table per section, variants of unions (cost models, rules, templates) as sub-tables. */
export function configReferenceMarkdown(): string {
  documented.clear();
  const root = configJsonSchema();
  const out: string[] = [];
  const properties = (root.properties ?? {}) as Record<string, Schema>;
  const required = new Set((root.required ?? []) as string[]);
  const top: Row[] = [];
  for (const [key, schema] of Object.entries(properties)) {
    if (isObject(schema) || variants(schema) !== undefined) continue;
    top.push(row(key, schema, required.has(key)));
  }
  out.push('### Top level', '', ...table(top));
  for (const [key, schema] of Object.entries(properties)) {
    if (isObject(schema) || variants(schema) !== undefined) section(key, schema, required.has(key), out);
  }
  return out.join('\n');
}

/** Unions already documented, by their JSON, so a repeated one (stopSlippage) points to the first. */
const documented = new Map<string, string>();

function section(path: string, schema: Schema, isRequired: boolean, out: string[]): void {
  const options = variants(schema);
  if (options !== undefined) {
    const key = JSON.stringify(options);
    const first = documented.get(key);
    if (first !== undefined) {
      out.push('', `### \`${path}\``, '', `${describe(schema)} The same choices as \`${first}\`.`);
      return;
    }
    documented.set(key, path);
    out.push('', `### \`${path}\``, '', `${describe(schema)}${isRequired ? ' Required.' : ''} One of:`);
    for (const option of options) variant(option, out);
    return;
  }
  const rows: Row[] = [];
  const nested: [string, Schema, boolean][] = [];
  const required = new Set((schema.required ?? []) as string[]);
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    const childPath = `${path}.${key}`;
    const itemVariants = child.type === 'array' ? variants((child.items ?? {}) as Schema) : undefined;
    if (isObject(child) || variants(child) !== undefined || itemVariants !== undefined) {
      nested.push([childPath, child, required.has(key)]);
      rows.push({ ...row(childPath, child, required.has(key)), type: itemVariants ? 'list, see below' : 'see below' });
    } else {
      rows.push(row(childPath, child, required.has(key)));
    }
  }
  out.push('', `### \`${path}\``, '');
  if (describe(schema)) out.push(describe(schema), '');
  out.push(...table(rows));
  for (const [childPath, child, childRequired] of nested) {
    if (child.type === 'array') {
      const items = (child.items ?? {}) as Schema;
      out.push('', `### \`${childPath}[]\``, '', `${describe(child)} Each entry is one of:`);
      for (const option of variants(items) ?? [items]) variant(option, out);
    } else {
      section(childPath, child, childRequired, out);
    }
  }
}

function variant(option: Schema, out: string[]): void {
  const props = (option.properties ?? {}) as Record<string, Schema>;
  const tag = ['type', 'template'].find((k) => props[k]?.const !== undefined);
  const title =
    tag !== undefined
      ? `${tag}: ${String(props[tag]?.const)}`
      : props.module !== undefined
        ? 'plugin reference'
        : 'value';
  const rows: Row[] = [];
  flatRows('', option, tag, rows);
  out.push('', `- **${title}**${describe(option) ? ` — ${describe(option)}` : ''}`);
  if (rows.length > 0) out.push('', ...table(rows).map((line) => `  ${line}`));
}

/** Rows of an object's keys, nested objects flattened to dotted keys (`params.fast`). */
function flatRows(prefix: string, schema: Schema, skip: string | undefined, rows: Row[]): void {
  const required = new Set((schema.required ?? []) as string[]);
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    if (key === skip) continue;
    rows.push(row(`${prefix}${key}`, child, required.has(key)));
    if (isObject(child)) flatRows(`${prefix}${key}.`, child, undefined, rows);
  }
}

function table(rows: readonly Row[]): string[] {
  return [
    '| key | type | default | description |',
    '|---|---|---|---|',
    ...rows.map((r) => `| \`${r.path}\` | ${r.type} | ${r.defaultValue} | ${r.description.replace(/\|/g, '\\|')} |`),
  ];
}

function row(path: string, schema: Schema, isRequired: boolean): Row {
  const hasDefault = schema.default !== undefined;
  return {
    path,
    type: typeName(schema),
    defaultValue: hasDefault ? `\`${JSON.stringify(schema.default)}\`` : isRequired ? 'required' : '—',
    description: describe(schema),
  };
}

function typeName(schema: Schema): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => `\`${String(v)}\``).join(', ');
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.type === 'array') return `list of ${typeName((schema.items ?? {}) as Schema)}`;
  if (schema.type === 'integer') return 'integer';
  if (variants(schema) !== undefined) return 'see below';
  const union = members(schema);
  if (union !== undefined) return union.map(typeName).join(' or ');
  if (schema.type === 'object' && schema.additionalProperties !== undefined && schema.properties === undefined) {
    return 'mapping';
  }
  return typeof schema.type === 'string' ? schema.type : 'value';
}

function describe(schema: Schema): string {
  return typeof schema.description === 'string' ? schema.description : '';
}

/** The members of a union that has at least one object member (a choice documented as sub-tables). */
function variants(schema: Schema): Schema[] | undefined {
  const list = members(schema);
  return list?.some(isObject) ? list : undefined;
}

function members(schema: Schema): Schema[] | undefined {
  const list = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (list === undefined) return undefined;
  return list.flatMap((s) => members(s) ?? [s]);
}

function isObject(schema: Schema): boolean {
  return schema.type === 'object' && schema.properties !== undefined;
}
