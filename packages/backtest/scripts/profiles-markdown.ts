// Renders the framework profiles as Markdown tables for docs/profiles.md (see write-docs.ts).
import type { FrameworkProfile } from '../src/profiles/framework-profile.js';
import { PROFILE_NAMES, profiles } from '../src/profiles/profiles.js';

/** A knob value as table text: enums as code, cost models as `type` plus options. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const { type, ...rest } = value as Record<string, unknown>;
    const options = Object.entries(rest).map(([k, v]) => `${k}: ${String(v)}`);
    const head = type === undefined ? '' : String(type);
    return `\`${head}${options.length > 0 ? `${head ? ' ' : ''}{ ${options.join(', ')} }` : ''}\``;
  }
  return `\`${String(value)}\``;
}

function knobsOf(profile: FrameworkProfile): [string, unknown][] {
  return [...Object.entries(profile.execution), ...Object.entries(profile.engine)];
}

/** The side-by-side table of every profile's knob values, then one "why" table per profile. */
export function profilesMarkdown(): string {
  const list = PROFILE_NAMES.map((name) => profiles[name]);
  const knobs: string[] = [];
  for (const profile of list) {
    for (const [key] of knobsOf(profile)) if (!knobs.includes(key)) knobs.push(key);
  }
  const lines = [`| knob | ${PROFILE_NAMES.join(' | ')} |`, `|---|${PROFILE_NAMES.map(() => '---').join('|')}|`];
  for (const knob of knobs) {
    const cells = list.map((p) => formatValue(new Map(knobsOf(p)).get(knob)));
    lines.push(`| \`${knob}\` | ${cells.join(' | ')} |`);
  }
  lines.push('', '— : not set by the profile (the default applies).');
  for (const profile of list) {
    lines.push('', `### \`${profile.name}\``, '', profile.description, '', '| knob | value | why |', '|---|---|---|');
    for (const [knob, value] of knobsOf(profile)) {
      lines.push(`| \`${knob}\` | ${formatValue(value)} | ${profile.reasons[knob] ?? ''} |`);
    }
  }
  return lines.join('\n');
}
