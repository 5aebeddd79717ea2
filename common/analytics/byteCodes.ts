/**
 * One byte per row for the columns most rules read: a category with at most 255 values (its code
 * + 1), a number column with at most 255 distinct values (the rank of its value + 1: survey ages,
 * scales and scores), a multi-value column with at most 8 values (the row's set as a bit mask).
 * 0 is a missing value (or an empty set). A rule on such a column is then a 256-entry table from
 * byte to rule bit, decided once per distinct value, and the rules of a persona are OR-ed together
 * a few at a time in one pass over bytes (see `orBytes`) instead of one pass per rule over 4- or
 * 8-byte values. Built once per column and kept while the column lives.
 */
import type { CategoryColumn, MultiColumn, NumberColumn, TableColumn } from './table';

/** A column as bytes; `values[k - 1]` is the number whose byte is k (number columns only). */
export interface ByteColumn { bytes: Uint8Array; values?: Float64Array }

// Keyed by the column's own array, so a table rebuilt from the same arrays shares the bytes.
const cache = new WeakMap<object, ByteColumn | null>();

/** The column as one byte per row, or `null` when it has too many distinct values for a byte. */
export function byteColumn(column: TableColumn): ByteColumn | null {
  const key = column.type === 'multi' ? column.offsets : column.type === 'category' ? column.codes : column.type === 'number' ? column.values : null;
  if (!key) return null;
  let found = cache.get(key);
  if (found === undefined) {
    found = column.type === 'category' ? categoryBytes(column) : column.type === 'multi' ? multiBytes(column) : numberBytes(column as NumberColumn);
    cache.set(key, found);
  }
  return found;
}

function categoryBytes(column: CategoryColumn): ByteColumn | null {
  if (column.dict.length > 255) return null;
  const { codes } = column;
  const bytes = new Uint8Array(codes.length);
  // Codes out of the dictionary's range cannot occur in a decoded table; -1 (missing) becomes 0.
  for (let i = 0; i < codes.length; i++) bytes[i] = codes[i]! + 1;
  return { bytes };
}

function multiBytes(column: MultiColumn): ByteColumn | null {
  if (column.dict.length > 8) return null;
  const { offsets, codes } = column;
  const bytes = new Uint8Array(Math.max(0, offsets.length - 1));
  for (let i = 0; i < bytes.length; i++) {
    let m = 0;
    for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) m |= 1 << codes[j]!;
    bytes[i] = m;
  }
  return { bytes };
}

function numberBytes(column: NumberColumn): ByteColumn | null {
  const { values } = column;
  // Distinct values first (giving up past 255), then their ranks: ranks keep the bytes ordered
  // like the values, which nothing relies on but makes them easy to read in a debugger.
  const seen = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v || seen.has(v)) continue;
    if (seen.size === 255) return null;
    seen.set(v, 0);
  }
  const sorted = Float64Array.from(seen.keys()).sort();
  sorted.forEach((v, k) => seen.set(v, k + 1));
  const bytes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) bytes[i] = seen.get(v)!;
  }
  return { bytes, values: sorted };
}

/**
 * ORs `lut[bytes[i]]` of up to four byte columns into `out` (the rest of the arguments repeat the
 * first pair when fewer are given: OR-ing a bit twice changes nothing). Plain arguments, no array
 * of columns, so V8 keeps them in registers and the loop has no inner loop.
 */
export function orBytes(
  out: Uint8Array, a: Uint8Array, la: Uint8Array, b: Uint8Array, lb: Uint8Array,
  c: Uint8Array, lc: Uint8Array, d: Uint8Array, ld: Uint8Array,
): void {
  for (let i = 0; i < out.length; i++) out[i]! |= la[a[i]!]! | lb[b[i]!]! | lc[c[i]!]! | ld[d[i]!]!;
}

/** `orBytes` for eight columns. */
export function orBytes8(
  out: Uint8Array, a: Uint8Array, la: Uint8Array, b: Uint8Array, lb: Uint8Array, c: Uint8Array, lc: Uint8Array, d: Uint8Array, ld: Uint8Array,
  e: Uint8Array, le: Uint8Array, f: Uint8Array, lf: Uint8Array, g: Uint8Array, lg: Uint8Array, h: Uint8Array, lh: Uint8Array,
): void {
  for (let i = 0; i < out.length; i++) out[i]! |= la[a[i]!]! | lb[b[i]!]! | lc[c[i]!]! | ld[d[i]!]! | le[e[i]!]! | lf[f[i]!]! | lg[g[i]!]! | lh[h[i]!]!;
}

/** `orBytes` for two columns. */
export function orBytes2(out: Uint8Array, a: Uint8Array, la: Uint8Array, b: Uint8Array, lb: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i]! |= la[a[i]!]! | lb[b[i]!]!;
}

/** `orBytes` for one column. */
export function orBytes1(out: Uint8Array, a: Uint8Array, la: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i]! |= la[a[i]!]!;
}
