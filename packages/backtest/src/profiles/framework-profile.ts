import type { z } from 'zod';
import type { executionSchema } from '../config/execution-schema.js';

/** Knobs of the core engine a profile may set (see `EngineConfig` in `@ml4t/core`). */
export interface ProfileEngineKnobs {
  /** After a risk exit on a bar, refuse a new entry for that symbol on the same bar. */
  readonly blockReentryAfterExit?: boolean;
  /** Evaluate position rules on the bar a position was opened. */
  readonly riskOnEntryBar?: boolean;
}

/**
 * A framework profile: a named set of execution and engine knob values that reproduces another framework's
 * semantics. `execution` uses the knob names and values of `ExecutionConfig` from `@ml4t/execution`, in the
 * JSON-safe form of the configuration file (cost models as `{ type, …options }`).
 *
 * A profile fills only the knobs it names; values set explicitly in a configuration (or in `runBacktest`
 * options) always win over the profile's. Profiles are plain objects, so they can be inspected, copied and
 * adjusted.
 */
export interface FrameworkProfile {
  /** The profile's name, as used in `profile:` of a configuration. */
  readonly name: string;
  /** One sentence: what the profile reproduces. */
  readonly description: string;
  /** Execution knob values (configuration form). */
  readonly execution: z.input<typeof executionSchema>;
  /** Engine knob values. */
  readonly engine: ProfileEngineKnobs;
  /** Why each knob has its value, keyed by knob name (documented in docs/profiles.md). */
  readonly reasons: Readonly<Record<string, string>>;
}
