import type { Money } from '@ml4t/core';
import { badCell, type CellSite, parseMoney, parseNumber, parseNumberRecord, parseStringList } from './cell-codec.js';
import type { CellReader } from './table-schema.js';

/**
 * The format-independent part of reading a stored row: typed accessors with validation. Each format says how
 * its raw cells hold text, absence, booleans, timestamps and nested JSON.
 */
export abstract class BaseCellReader implements CellReader {
  protected site: CellSite = { file: '', row: 0 };

  /** The raw cell of `name`; throws when the column does not exist. */
  protected abstract raw(name: string): unknown;
  /** A text cell's string, or `undefined` if the cell is not text. */
  protected abstract text(raw: unknown): string | undefined;
  /** True when the cell holds "no value". */
  protected abstract isAbsent(raw: unknown): boolean;
  protected abstract bool(raw: unknown): boolean | undefined;
  protected abstract time(raw: unknown): number | undefined;
  /** The JSON value of a list or record cell. */
  protected abstract structured(raw: unknown): unknown;

  /** Points the reader at another row. */
  at(site: CellSite): this {
    this.site = site;
    return this;
  }

  string(name: string): string {
    const raw = this.raw(name);
    return this.check(name, raw, this.text(raw), 'text', 'expected text');
  }

  optionalString(name: string): string | undefined {
    const raw = this.raw(name);
    return this.isAbsent(raw) ? undefined : this.check(name, raw, this.text(raw), 'text', 'expected text');
  }

  number(name: string): number {
    const raw = this.raw(name);
    return this.check(name, raw, parseNumber(raw), 'number', 'expected a number');
  }

  int(name: string): number {
    const raw = this.raw(name);
    const n = parseNumber(raw);
    return this.check(
      name,
      raw,
      n !== undefined && Number.isInteger(n) ? n : undefined,
      'integer',
      'expected an integer',
    );
  }

  boolean(name: string): boolean {
    const raw = this.raw(name);
    return this.check(name, raw, this.bool(raw), 'boolean', 'expected true or false');
  }

  money(name: string): Money {
    const raw = this.raw(name);
    return this.check(name, raw, parseMoney(raw), 'money', 'expected an exact decimal amount');
  }

  timestamp(name: string): number {
    const raw = this.raw(name);
    return this.check(name, raw, this.time(raw), 'timestamp', 'expected an ISO-8601 UTC timestamp');
  }

  optionalTimestamp(name: string): number | undefined {
    const raw = this.raw(name);
    if (this.isAbsent(raw)) return undefined;
    return this.check(name, raw, this.time(raw), 'timestamp', 'expected an ISO-8601 UTC timestamp');
  }

  stringList(name: string): string[] {
    const raw = this.raw(name);
    return this.check(
      name,
      raw,
      parseStringList(this.structured(raw)),
      'string-list',
      'expected a JSON list of strings',
    );
  }

  numberRecord(name: string): Record<string, number> {
    const raw = this.raw(name);
    return this.check(
      name,
      raw,
      parseNumberRecord(this.structured(raw)),
      'number-record',
      'expected a JSON object of numbers',
    );
  }

  oneOf<V extends string>(name: string, allowed: readonly V[]): V {
    const raw = this.raw(name);
    const text = this.text(raw);
    const value = text !== undefined && (allowed as readonly string[]).includes(text) ? (text as V) : undefined;
    return this.check(name, raw, value, 'enum', `expected one of ${allowed.join(', ')}`);
  }

  /** Throws the missing-column error for `name`. */
  protected missing(name: string): never {
    throw badCell(this.site, name, 'missing-column', '', `column '${name}' is missing`);
  }

  private check<V>(name: string, raw: unknown, value: V | undefined, rule: string, message: string): V {
    if (value === undefined) throw badCell(this.site, name, rule, raw, message);
    return value;
  }
}
