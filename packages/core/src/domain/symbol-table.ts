import { ConfigError } from '../errors/config-error.js';
import { DEFAULT_INSTRUMENT, type InstrumentSpec } from './instrument-spec.js';

/** Dense integer id of a symbol within one run (0 … size − 1); index into every per-symbol column. */
export type SymbolId = number;

/**
 * The dictionary of every symbol in a run: name ↔ dense id, plus each symbol's {@link InstrumentSpec}.
 *
 * Ids are assigned in order of first registration, so a run is deterministic for a given feed order.
 */
export class SymbolTable {
  private readonly ids = new Map<string, SymbolId>();
  private readonly names: string[] = [];
  private readonly specs: InstrumentSpec[] = [];

  /** Number of registered symbols. */
  get size(): number {
    return this.names.length;
  }

  /** Registers `name` (if new) and returns its id. */
  register(name: string, spec?: Partial<InstrumentSpec>): SymbolId {
    const known = this.ids.get(name);
    if (known !== undefined) {
      if (spec) this.specs[known] = normalizeSpec(name, { ...this.specs[known], ...spec });
      return known;
    }
    if (typeof name !== 'string' || name.length === 0) {
      throw new ConfigError(
        'symbols',
        'non-empty-string',
        `symbol names must be non-empty strings, got ${String(name)}`,
      );
    }
    const id = this.names.length;
    this.ids.set(name, id);
    this.names.push(name);
    this.specs.push(normalizeSpec(name, spec ?? {}));
    return id;
  }

  /** The id of `name`, or −1 when the symbol is unknown. */
  id(name: string): SymbolId {
    return this.ids.get(name) ?? -1;
  }

  /** The name of symbol `id`. */
  name(id: SymbolId): string {
    const n = this.names[id];
    if (n === undefined) throw new RangeError(`unknown symbol id ${id}`);
    return n;
  }

  /** The instrument spec of symbol `id`. */
  spec(id: SymbolId): InstrumentSpec {
    const s = this.specs[id];
    if (s === undefined) throw new RangeError(`unknown symbol id ${id}`);
    return s;
  }

  /** Every symbol name, by id. */
  list(): readonly string[] {
    return this.names;
  }
}

function normalizeSpec(symbol: string, spec: Partial<InstrumentSpec>): InstrumentSpec {
  const full: InstrumentSpec = { ...DEFAULT_INSTRUMENT, ...spec };
  for (const key of ['multiplier', 'tickSize', 'lotSize'] as const) {
    const v = full[key];
    const min = key === 'multiplier' ? Number.MIN_VALUE : 0;
    if (!Number.isFinite(v) || v < min) {
      throw new ConfigError(
        `instruments.${symbol}.${key}`,
        'positive-number',
        `${key} of ${symbol} must be a finite number ≥ ${min}, got ${v}`,
      );
    }
  }
  return Object.freeze(full);
}
