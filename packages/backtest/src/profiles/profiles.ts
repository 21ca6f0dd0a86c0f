import { backtraderProfile } from './backtrader.js';
import type { FrameworkProfile } from './framework-profile.js';
import { leanProfile } from './lean.js';
import { realisticProfile } from './realistic.js';
import { vectorbtProfile } from './vectorbt.js';
import { ziplineProfile } from './zipline.js';

/** Every framework profile, by name (`profile:` in a configuration, `profile` in `runBacktest`). */
export const profiles = {
  backtrader: backtraderProfile,
  zipline: ziplineProfile,
  vectorbt: vectorbtProfile,
  lean: leanProfile,
  realistic: realisticProfile,
} as const satisfies Record<string, FrameworkProfile>;

/** The name of a framework profile. */
export type ProfileName = keyof typeof profiles;

/** The profile names, in documentation order. */
export const PROFILE_NAMES: readonly ProfileName[] = ['backtrader', 'zipline', 'vectorbt', 'lean', 'realistic'];
