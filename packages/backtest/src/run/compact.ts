/** `T` with every key whose value may be `undefined` made optional and `undefined`-free. */
export type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * Drops the keys whose value is `undefined`, so that parsed options (where zod types absent keys as
 * `key?: T | undefined`) can be passed to factories under `exactOptionalPropertyTypes`.
 */
export function compact<T extends object>(value: T): Compact<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as Compact<T>;
}
