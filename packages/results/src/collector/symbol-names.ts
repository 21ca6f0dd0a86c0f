/** Symbol ids at or above this are never learned (their names are stored as strings). */
const MAX_ID = 1 << 20;

/**
 * The name of each symbol id, learned at its first sight, so that a record whose symbol is its id's name needs
 * no string code. A learned name never changes (a view built earlier reads the same names).
 */
export class SymbolNames {
  private readonly names: (string | undefined)[] = [];

  /** True if `symbol` is the name of `id` (learning it if `id` is new). */
  matches(id: number, symbol: string): boolean {
    if (!(id >= 0 && id < MAX_ID && (id | 0) === id)) return false;
    const known = this.names[id];
    if (known === undefined) {
      this.names[id] = symbol;
      return true;
    }
    return known === symbol;
  }

  /** The name of `id`, learned by {@link SymbolNames.matches}. */
  name(id: number): string {
    return this.names[id] as string;
  }
}
