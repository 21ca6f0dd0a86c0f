/** A function returning `build()`, called on its first call only (later calls return the same value). */
export function lazily<T>(build: () => T): () => T {
  let built: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      built = build();
      done = true;
    }
    return built as T;
  };
}
