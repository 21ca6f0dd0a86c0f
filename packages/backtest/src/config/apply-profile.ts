import { ConfigError } from '@ml4t/core';
import type { FrameworkProfile } from '../profiles/framework-profile.js';
import { PROFILE_NAMES, type ProfileName, profiles } from '../profiles/profiles.js';

/**
 * Looks up a framework profile by name.
 *
 * @param path - Key path reported when the name is unknown.
 * @throws ConfigError (rule `enum`) for an unknown name.
 */
export function profileByName(name: unknown, path = 'profile'): FrameworkProfile {
  if (typeof name === 'string' && Object.hasOwn(profiles, name)) return profiles[name as ProfileName];
  throw new ConfigError(
    path,
    'enum',
    `unknown profile ${JSON.stringify(name)}; expected one of ${PROFILE_NAMES.join(', ')}`,
  );
}

/**
 * Lays a profile under raw configuration data: every `execution` and `engine` knob the data does not set takes the
 * profile's value. Keys the data sets replace the profile's value as a whole (a `slippage` in the file replaces
 * the profile's slippage model, options included). Sections that are not objects are left for validation to
 * report.
 */
export function applyProfile(
  raw: Readonly<Record<string, unknown>>,
  profile: FrameworkProfile,
): Record<string, unknown> {
  return {
    ...raw,
    profile: profile.name,
    execution: underlay(raw.execution, profile.execution),
    engine: underlay(raw.engine, profile.engine),
  };
}

function underlay(section: unknown, defaults: object): unknown {
  if (section === undefined) return { ...defaults };
  if (section === null || typeof section !== 'object' || Array.isArray(section)) return section;
  return { ...defaults, ...section };
}
